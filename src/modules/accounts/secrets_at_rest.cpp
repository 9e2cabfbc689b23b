// Seals the secrets that databases written before sealing hold in clear (see service.hpp).
#include "modules/accounts/service.hpp"

#include "db/row.hpp"

#include <vector>

namespace vigie::accounts {

namespace {
constexpr std::string_view kVerifierPurpose = "oidc_logins.code_verifier";  // as in oidc.cpp
}

int seal_stored_secrets(db::Database& db, const security::SecretBox& secrets) {
  const int n = db.transact([&](soci::session& s) {
    int sealed = 0;
    struct Clear {
      long long id;
      std::string column, value;
    };
    std::vector<Clear> todo;
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, totp_secret, pending_totp_secret FROM users WHERE "
                      "(totp_secret IS NOT NULL AND totp_secret NOT LIKE 'sb1:%') OR "
                      "(pending_totp_secret IS NOT NULL AND pending_totp_secret NOT LIKE 'sb1:%')");
    for (const auto& r : rows) {
      const long long id = db::row_int(r, 0);
      for (std::size_t c = 1; c <= 2; ++c)
        if (r.get_indicator(c) == soci::i_ok &&
            !security::SecretBox::is_sealed(r.get<std::string>(c)))
          todo.push_back(
              {id, c == 1 ? "totp_secret" : "pending_totp_secret", r.get<std::string>(c)});
    }
    for (const auto& c : todo) {
      const std::string value = secrets.seal(c.value, kTotpPurpose);
      s << "UPDATE users SET " + c.column + " = :v WHERE id = :id", soci::use(value),
          soci::use(c.id);
      ++sealed;
    }
    std::vector<std::pair<std::string, std::string>> logins;
    soci::rowset<soci::row> pending =
        (s.prepare << "SELECT state_hash, code_verifier FROM oidc_logins WHERE code_verifier NOT "
                      "LIKE 'sb1:%'");
    for (const auto& r : pending) logins.emplace_back(r.get<std::string>(0), r.get<std::string>(1));
    for (const auto& [hash, verifier] : logins) {
      const std::string value = secrets.seal(verifier, kVerifierPurpose);
      s << "UPDATE oidc_logins SET code_verifier = :v WHERE state_hash = :h", soci::use(value),
          soci::use(hash);
      ++sealed;
    }
    return sealed;
  });
  // The clear values' old pages are still in the write-ahead log: copy them back and empty it.
  if (n > 0 && db.backend() == db::Backend::sqlite) {
    auto lease = db.lease();
    *lease << "PRAGMA wal_checkpoint(TRUNCATE)";
  }
  return n;
}

}  // namespace vigie::accounts
