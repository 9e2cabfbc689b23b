#pragma once
// Joining Vigie and getting back in: invitations sent by administrators (single use, 7 days),
// and password resets (single use, 30 minutes). Links go out by e-mail through the outbox.
// Tokens are 256-bit random values; only their hashes are stored.

#include "modules/accounts/service.hpp"

#include <optional>
#include <string>

namespace vigie::accounts {

struct NewInvitation {
  std::string email, display_name, role, org_code;  // empty org_code: the inviter's own
};

struct InvitationInfo {
  std::string email, display_name, organisation_name, role;
  bool requires_totp = false;
};

struct Accepted {
  User user;
  Organisation organisation;
  std::optional<std::string> totp_secret;  // shown once, to enrol an authenticator app
  std::string totp_uri;
  std::string totp_qr_svg;
};

class Enrolment {
 public:
  Enrolment(db::Database& db, const security::AuditLog& audit, const security::SecretBox& secrets,
            std::string public_url, Clock now = std::chrono::system_clock::now);

  // Policy "user.invite": organisation admins into their own organisation, platform admins
  // into any. Throws 403/422 problems.
  // The route guard admits callers who may invite somewhere; this checks the organisation.
  void invite(const Actor& who, const NewInvitation& in);
  std::optional<InvitationInfo> invitation(const std::string& token);
  // Creates the account. Throws 404 for an unknown, used or expired token, 422 for a bad
  // password.
  Accepted accept(const std::string& token, const std::string& display_name,
                  const std::string& password, const std::string& request_id);

  // Always succeeds, whether or not the address has an account (no enumeration).
  void request_password_reset(const std::string& email, const std::string& request_id);
  // Sets the new password and closes every session of the account.
  void reset_password(const std::string& token, const std::string& password,
                      const std::string& request_id);

 private:
  db::Database& db_;
  const security::AuditLog& audit_;
  const security::SecretBox& secrets_;
  std::string public_url_;
  Clock now_;
};

}  // namespace vigie::accounts
