#include "modules/accounts/second_factor.hpp"

#include "db/row.hpp"
#include "db/timestamp.hpp"
#include "kit/errors.hpp"
#include "modules/accounts/store.hpp"
#include "security/qr_svg.hpp"
#include "security/session_token.hpp"
#include "security/totp.hpp"

#include <sodium.h>

namespace vigie::accounts {

namespace {

std::string new_recovery_code() {
  static const char* kAlphabet = "abcdefghjkmnpqrstuvwxyz23456789";  // no 0/o, 1/l/i
  std::string code;
  for (int i = 0; i < 10; ++i) {
    if (i == 5) code += '-';
    code += kAlphabet[randombytes_uniform(31)];
  }
  return code;
}

security::AuditEntry entry(const SessionUser& who, std::string action, const std::string& rid) {
  return {who.user.id,
          who.organisation.id,
          who.organisation.id,
          std::move(action),
          "user",
          std::to_string(who.user.id),
          rid,
          "ok",
          "{}"};
}

}  // namespace

SecondFactor::SecondFactor(db::Database& db, const security::AuditLog& audit,
                           const security::SecretBox& secrets, Clock now)
    : db_(db), audit_(audit), secrets_(secrets), now_(std::move(now)) {}

TotpEnrolment SecondFactor::begin(const SessionUser& who) {
  TotpEnrolment e;
  e.secret = security::new_totp_secret();
  e.uri = security::totp_uri(e.secret, who.user.email);
  e.qr_svg = security::qr_svg(e.uri);
  db_.transact([&](soci::session& s) {
    long long uid = who.user.id;
    const std::string sealed = secrets_.seal(e.secret, kTotpPurpose);
    s << "UPDATE users SET pending_totp_secret = :p WHERE id = :u", soci::use(sealed),
        soci::use(uid);
  });
  return e;
}

std::vector<std::string> SecondFactor::confirm(const SessionUser& who, const std::string& code,
                                               const std::string& request_id) {
  std::vector<std::string> codes;
  db_.transact([&](soci::session& s) {
    long long uid = who.user.id;
    std::string pending;
    soci::indicator ind = soci::i_null;
    s << "SELECT pending_totp_secret FROM users WHERE id = :u", soci::use(uid),
        soci::into(pending, ind);
    if (ind != soci::i_ok)
      throw kit::Conflict("no-enrolment", "Start the set-up again to get a QR code.");
    if (!security::totp_valid(secrets_.open(pending, kTotpPurpose), code,
                              std::chrono::system_clock::to_time_t(now_())))
      throw kit::Invalid(
          {{"code", "invalid", "This code is wrong or has expired: enter the code shown now."}});
    s << "UPDATE users SET totp_secret = pending_totp_secret, pending_totp_secret = NULL WHERE "
         "id = :u",
        soci::use(uid);
    s << "DELETE FROM recovery_codes WHERE user_id = :u", soci::use(uid);
    for (int i = 0; i < 10; ++i) {
      codes.push_back(new_recovery_code());
      const auto h = security::hash_session_token(codes.back());
      s << "INSERT INTO recovery_codes (user_id, code_hash) VALUES (:u, :h)", soci::use(uid),
          soci::use(h);
    }
    audit_.append(s, db_.backend(), entry(who, "user.totp_enable", request_id));
  });
  return codes;
}

void SecondFactor::disable(const SessionUser& who, const std::string& code,
                           const std::string& request_id) {
  if (requires_totp(who.organisation.type) || who.user.platform_admin)
    throw kit::Forbidden("This account must keep its second factor.", "totp-required-for-account");
  if (!who.user.totp_secret ||
      !security::totp_valid(secrets_.open(*who.user.totp_secret, kTotpPurpose), code,
                            std::chrono::system_clock::to_time_t(now_())))
    throw kit::Invalid({{"code", "invalid", "Enter the code your app shows now."}});
  db_.transact([&](soci::session& s) {
    long long uid = who.user.id;
    s << "UPDATE users SET totp_secret = NULL, pending_totp_secret = NULL WHERE id = :u",
        soci::use(uid);
    s << "DELETE FROM recovery_codes WHERE user_id = :u", soci::use(uid);
    audit_.append(s, db_.backend(), entry(who, "user.totp_disable", request_id));
  });
}

bool SecondFactor::use_recovery_code(std::int64_t user_id, const std::string& code) {
  if (code.size() != 11 || code[5] != '-') return false;
  const auto h = security::hash_session_token(code);
  const auto at = db::iso_utc(now_());
  return db_.transact(
      [&](soci::session& s) { return store::consume_recovery_code(s, user_id, h, at); });
}

}  // namespace vigie::accounts
