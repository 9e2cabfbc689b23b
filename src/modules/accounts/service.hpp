#pragma once
// Accounts use cases, one function each: every write checks its input, runs in one
// transaction and leaves its entry in the audit trail. Invalid input throws a 422 problem
// with one error per field.

#include "db/database.hpp"
#include "kit/actor.hpp"
#include "kit/errors.hpp"
#include "modules/accounts/model.hpp"
#include "modules/accounts/policy.hpp"
#include "security/audit_log.hpp"
#include "security/secret_box.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <string>

namespace vigie::accounts {

using Clock = std::function<std::chrono::system_clock::time_point()>;

// Who is acting and from where (kit/actor.hpp); the command line acts as Actor::system().
using Actor = kit::Actor;

struct NewOrganisation {
  std::string code, name, type, territory = "national";
};
struct NewUser {
  std::string email, display_name, org_code, role, password;
  bool platform_admin = false;
};
struct AddedUser {
  User user;
  std::optional<std::string> totp_secret;  // shown once when the account requires TOTP
};

// A request's authenticated user, from a valid session.
struct SessionUser {
  User user;
  Organisation organisation;
  std::string token_hash;
  std::string csrf_token;
};

struct LoginInput {
  std::string email, password, totp, remote, user_agent, request_id;
};
struct LoginResult {
  enum class Outcome { ok, invalid, totp_required, totp_enrolment_required, throttled };
  Outcome outcome = Outcome::invalid;
  std::string session_token;  // ok: to send in the cookie, never stored
  std::optional<SessionUser> session;
  int retry_after_seconds = 0;  // throttled
};

struct SessionLimits {
  std::chrono::seconds idle{30 * 60};
  std::chrono::seconds absolute{12 * 60 * 60};
};

// What is wrong with a new password of the account `email`, as the "password" field's errors
// (none when it will do): at least 12 characters, not a common one, not the address itself.
kit::FieldErrors password_errors(const std::string& password, const std::string& email);

class Service {
 public:
  // `secrets` seals the second-factor secrets the users table holds (User::totp_secret).
  Service(db::Database& db, const security::AuditLog& audit, const security::SecretBox& secrets,
          Clock now = std::chrono::system_clock::now, SessionLimits limits = {});

  const security::SecretBox& secrets() const { return secrets_; }

  Organisation add_organisation(const NewOrganisation& in, const Actor& actor);
  AddedUser add_user(const NewUser& in, const Actor& actor);
  void disable_user(const std::string& email, const Actor& actor);

  LoginResult login(const LoginInput& in);
  // A new session for a user already authenticated (by password and code, or by an OpenID
  // provider: `method` says which, for the audit trail).
  LoginResult open_session(const User& user, const Organisation& org, const std::string& remote,
                           const std::string& user_agent, const std::string& request_id,
                           const std::string& method);
  // The session behind a token, if valid (not revoked, not idle too long, not too old, user
  // enabled). Refreshes its idle timer.
  std::optional<SessionUser> session(const std::string& token);
  void logout(const SessionUser& who, const std::string& request_id);

  // Directory management (policies organisation.create, member.list, member.disable, checked
  // by the route guard with the relations below).
  Organisation create_organisation(const Actor& who, const NewOrganisation& in);
  std::vector<User> members(const std::string& org_code);
  // 422 when the caller disables themself.
  void disable_member(const Actor& who, std::int64_t user_id);

  // The caller's relation to an organisation (own_organisation or none); kit::NotFound when
  // there is no such organisation.
  Relations relation_to_organisation(const Actor& who, const std::string& org_code);
  // The caller's relation to a user's account (own_organisation when the user is a member of
  // the caller's organisation); kit::NotFound when there is no such user.
  Relations relation_to_member(const Actor& who, std::int64_t user_id);

  // The committee directory (policy "organisation.list").
  std::vector<Organisation> organisations();

  // The caller's open sessions (idle or expired ones are left out). `id` is a short,
  // non-secret handle on the session; `current` marks the one making the request.
  struct SessionInfo {
    std::string id, created_at, last_seen_at, remote, user_agent;
    bool current = false;
  };
  std::vector<SessionInfo> sessions_of(const SessionUser& who);
  // Revokes one of the caller's own sessions; false when it has no session with that id.
  bool revoke_own_session(const SessionUser& who, const std::string& id,
                          const std::string& request_id);
  // Keeps the caller's interface language ("fr" or "en") in their account, so that it follows
  // them to any browser. Throws kit::Invalid (field "language") for any other value.
  void set_language(const Actor& who, const std::string& language);
  // When the caller was last seen before this session began: the last activity of their
  // newest earlier session (nullopt for a first visit). The home page shows what changed since.
  std::optional<std::string> previous_visit(const SessionUser& who);
  // Changes the caller's password. The current one is checked as at login, and counts among
  // the address's login attempts (a stolen session guesses no faster than a login would):
  // kit::Invalid names "current_password" when wrong, "password" when the new one will not
  // do; kit::Throttled while the address is throttled. Every other session of the
  // account is closed; the user is told by e-mail (a change they did not make is a warning).
  void change_password(const SessionUser& who, const std::string& current, const std::string& next,
                       const std::string& remote, const std::string& request_id);

 private:
  bool fresh_totp(const User& user, const std::string& code,
                  std::chrono::system_clock::time_point now);
  db::Database& db_;
  const security::AuditLog& audit_;
  const security::SecretBox& secrets_;
  Clock now_;
  SessionLimits limits_;
};

// The policy's view of a logged-in user (within accounts; other modules see an Actor).
inline Caller caller_of(const SessionUser& s) {
  return {s.organisation.type, s.user.role, s.user.platform_admin};
}

// What a sealed TOTP secret is sealed for (users.totp_secret and users.pending_totp_secret,
// which enrolment copies into it).
inline constexpr std::string_view kTotpPurpose = "users.totp_secret";

// Seals every second-factor secret and PKCE verifier still stored in clear (databases written
// before secrets were sealed). Idempotent; returns how many values it sealed.
int seal_stored_secrets(db::Database& db, const security::SecretBox& secrets);

// E-mail addresses are compared in lower case, without surrounding spaces.
std::string normalise_email(std::string_view email);

}  // namespace vigie::accounts
