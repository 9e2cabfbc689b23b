#pragma once
// The second factor, offered to every user (required for coordination, prefecture, parquet,
// police and platform-admin accounts): enrolment with a QR code confirmed by a first code,
// ten single-use recovery codes, and switching it off where it is not required.

#include "modules/accounts/service.hpp"

#include <string>
#include <vector>

namespace vigie::accounts {

struct TotpEnrolment {
  std::string secret, uri, qr_svg;
};

class SecondFactor {
 public:
  SecondFactor(db::Database& db, const security::AuditLog& audit,
               const security::SecretBox& secrets, Clock now = std::chrono::system_clock::now);

  // Starts (or restarts) an enrolment: a new secret waits for its first code.
  TotpEnrolment begin(const SessionUser& who);
  // Activates the waiting secret when `code` is valid; returns the recovery codes (shown
  // once). Throws 422 on a wrong code, 409 when no enrolment is waiting.
  std::vector<std::string> confirm(const SessionUser& who, const std::string& code,
                                   const std::string& request_id);
  // Turns the second factor off, for accounts that do not require it, given a current code.
  void disable(const SessionUser& who, const std::string& code, const std::string& request_id);

  // True, and the code is spent, when `code` is one of the user's unused recovery codes.
  bool use_recovery_code(std::int64_t user_id, const std::string& code);

 private:
  db::Database& db_;
  const security::AuditLog& audit_;
  const security::SecretBox& secrets_;
  Clock now_;
};

}  // namespace vigie::accounts
