// Secrets at rest (issue 10, item 1): a copy of the database without the key file yields no
// second-factor secret. The raw database files are searched for the secrets themselves.
#include "db/migrations.hpp"
#include "modules/accounts/service.hpp"
#include "security/secret_box.hpp"
#include "security/totp.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace vigie;

namespace {

std::string file_bytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every byte Vigie's SQLite database holds on disk: the file, its write-ahead log, shared memory.
std::string database_bytes(const std::filesystem::path& db) {
  std::string all;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    const std::filesystem::path p = db.string() + suffix;
    if (std::filesystem::exists(p)) all += file_bytes(p);
  }
  return all;
}

struct SecretsAtRest : ::testing::Test {
  std::filesystem::path dir;
  std::unique_ptr<db::Database> database;
  security::AuditLog audit{std::array<unsigned char, 32>{}};
  security::SecretBox secrets{std::array<unsigned char, 32>{42}};
  std::unique_ptr<accounts::Service> service;
  std::time_t now = 1'800'000'000;

  void SetUp() override {
    dir = std::filesystem::temp_directory_path() /
          ("vigie-secrets-" + std::to_string(::getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir);
    database = db::Database::open(db::DatabaseUrl::parse("sqlite:" + (dir / "t.db").string()), 1);
    db::Migrator().apply(*database);
    service = std::make_unique<accounts::Service>(
        *database, audit, secrets, [this] { return std::chrono::system_clock::from_time_t(now); });
    service->add_organisation({"MIPROF", "MIPROF", "coordination", "national"},
                              kit::Actor::system());
  }
  void TearDown() override {
    service.reset();
    database.reset();
    std::filesystem::remove_all(dir);
  }
};

}  // namespace

TEST(SecretBox, OpensOnlyWhatItSealedForThatPurposeUnderThatKey) {
  security::SecretBox box{std::array<unsigned char, 32>{1}};
  const auto sealed = box.seal("JBSWY3DPEHPK3PXP", "users.totp_secret");
  EXPECT_TRUE(security::SecretBox::is_sealed(sealed));
  EXPECT_EQ(sealed.find("JBSWY3DPEHPK3PXP"), std::string::npos);
  EXPECT_NE(sealed, box.seal("JBSWY3DPEHPK3PXP", "users.totp_secret"));  // random nonce
  EXPECT_EQ(box.open(sealed, "users.totp_secret"), "JBSWY3DPEHPK3PXP");
  EXPECT_THROW(box.open(sealed, "oidc_logins.code_verifier"), security::SecretBoxError);
  const security::SecretBox other{std::array<unsigned char, 32>{2}};
  EXPECT_THROW(other.open(sealed, "users.totp_secret"), security::SecretBoxError);
  std::string altered = sealed;
  altered[10] = altered[10] == 'A' ? 'B' : 'A';
  EXPECT_THROW(box.open(altered, "users.totp_secret"), security::SecretBoxError);
  EXPECT_THROW(box.open("JBSWY3DPEHPK3PXP", "users.totp_secret"), security::SecretBoxError);
}

TEST_F(SecretsAtRest, TheDatabaseFileHoldsNoSecondFactorSecret) {
  auto added =
      service->add_user({"c@miprof.test", "C", "MIPROF", "referent", "une longue phrase secrete"},
                        kit::Actor::system());
  ASSERT_TRUE(added.totp_secret);
  ASSERT_EQ(added.totp_secret->size(), 32u);
  EXPECT_EQ(database_bytes(dir / "t.db").find(*added.totp_secret), std::string::npos);
  // And the sealed secret still opens the login.
  auto r = service->login({"c@miprof.test", "une longue phrase secrete",
                           security::totp_now(*added.totp_secret, now), "127.0.0.1", "t", "r"});
  EXPECT_EQ(r.outcome, accounts::LoginResult::Outcome::ok);
}

TEST_F(SecretsAtRest, SecretsStoredInClearBeforeAreSealedAtStart) {
  auto added =
      service->add_user({"c@miprof.test", "C", "MIPROF", "referent", "une longue phrase secrete"},
                        kit::Actor::system());
  // As an earlier version stored them: the base32 secret itself, and a pending one.
  const std::string planted = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ",
                    pending = "MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U",
                    verifier = "a-pkce-verifier-stored-in-clear-0123456789";
  database->transact([&](soci::session& s) {
    s << "UPDATE users SET totp_secret = :t, pending_totp_secret = :p", soci::use(planted),
        soci::use(pending);
    s << "INSERT INTO oidc_logins (state_hash, code_verifier, nonce, created_at) VALUES ('h', :v, "
         "'n', '2026-01-01T00:00:00Z')",
        soci::use(verifier);
  });
  ASSERT_NE(database_bytes(dir / "t.db").find(planted), std::string::npos);  // the probe's view

  EXPECT_EQ(accounts::seal_stored_secrets(*database, secrets), 3);
  EXPECT_EQ(accounts::seal_stored_secrets(*database, secrets), 0);  // idempotent
  const auto bytes = database_bytes(dir / "t.db");
  EXPECT_EQ(bytes.find(planted), std::string::npos);
  EXPECT_EQ(bytes.find(pending), std::string::npos);
  EXPECT_EQ(bytes.find(verifier), std::string::npos);
  auto r = service->login({"c@miprof.test", "une longue phrase secrete",
                           security::totp_now(planted, now), "127.0.0.1", "t", "r"});
  EXPECT_EQ(r.outcome, accounts::LoginResult::Outcome::ok);
}
