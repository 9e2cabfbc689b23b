#include "db/database.hpp"
#include "db/migrations.hpp"

#include "test_backends.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace vigie::db;

namespace {
using vigie::test_support::fresh_database;
using vigie::test_support::fresh_dir;

int count_tables_named(Database& db, const std::string& name) {
  int n = -1;
  *db.lease() << "SELECT count(*) FROM information_schema.tables WHERE table_name = :n",
      soci::use(name), soci::into(n);
  return n;
}

class EachBackend : public ::testing::TestWithParam<std::string> {};
INSTANTIATE_TEST_SUITE_P(Backends, EachBackend,
                         ::testing::ValuesIn(vigie::test_support::test_backends()));
}  // namespace

TEST(DatabaseUrl, ParsesBothBackendsAndRedactsPasswords) {
  auto s = DatabaseUrl::parse("sqlite:var/vigie.db");
  EXPECT_EQ(s.backend, Backend::sqlite);
  EXPECT_EQ(s.sqlite_path, "var/vigie.db");
  auto p = DatabaseUrl::parse("postgresql://app:s3cret@127.0.0.1:5432/app?password=x2");
  EXPECT_EQ(p.backend, Backend::postgresql);
  EXPECT_EQ(p.redacted().find("s3cret"), std::string::npos);
  EXPECT_EQ(p.redacted().find("x2"), std::string::npos);
  EXPECT_THROW(DatabaseUrl::parse("mysql://x"), std::invalid_argument);
  EXPECT_THROW(DatabaseUrl::parse("sqlite::memory:"), std::invalid_argument);
}

TEST(Database, SqliteOpensInWalWithFullSync) {
  auto dir = fresh_dir();
  auto db = Database::open(DatabaseUrl::parse("sqlite:" + (dir / "t.db").string()), 2);
  auto l = db->lease();
  std::string mode;
  int sync = 0;
  *l << "PRAGMA journal_mode", soci::into(mode);
  *l << "PRAGMA synchronous", soci::into(sync);
  EXPECT_EQ(mode, "wal");
  EXPECT_EQ(sync, 2);
  std::filesystem::remove_all(dir);
}

TEST_P(EachBackend, TransactionRollsBackWhenTheWorkThrows) {
  auto db = Database::open(DatabaseUrl::parse(fresh_database(GetParam())), 1);
  db->transact([](soci::session& s) { s << "CREATE TABLE t (x INTEGER)"; });
  EXPECT_THROW(db->transact([](soci::session& s) {
    s << "INSERT INTO t (x) VALUES (1)";
    throw std::runtime_error("abort");
  }),
               std::runtime_error);
  int n = -1;
  *db->lease() << "SELECT count(*) FROM t", soci::into(n);
  EXPECT_EQ(n, 0);
}

TEST(Migrator, SplitsStatementsAndRendersTheIdColumnPerBackend) {
  auto sql = "-- a comment\nCREATE TABLE a (id {{id}}, x TEXT);\n\nCREATE INDEX a_x ON a (x);\n";
  auto lite = Migrator::statements(sql, Backend::sqlite);
  ASSERT_EQ(lite.size(), 2u);
  EXPECT_NE(lite[0].find("INTEGER PRIMARY KEY AUTOINCREMENT"), std::string::npos);
  auto pg = Migrator::statements(sql, Backend::postgresql);
  EXPECT_NE(pg[0].find("GENERATED ALWAYS AS IDENTITY"), std::string::npos);
}

TEST(Migrator, LinesForOneDatabaseOnlyGoToThatDatabase) {
  auto sql =
      "CREATE TABLE t (x TEXT);\n--sqlite: CREATE VIRTUAL TABLE s USING fts5(x);\n"
      "--postgresql: CREATE INDEX t_x ON t USING GIN (to_tsvector('french', x));\n-- a note\n";
  auto lite = Migrator::statements(sql, Backend::sqlite);
  auto pg = Migrator::statements(sql, Backend::postgresql);
  ASSERT_EQ(lite.size(), 2u);
  ASSERT_EQ(pg.size(), 2u);
  EXPECT_EQ(lite[1], "CREATE VIRTUAL TABLE s USING fts5(x);");
  EXPECT_EQ(pg[1], "CREATE INDEX t_x ON t USING GIN (to_tsvector('french', x));");
}

TEST_P(EachBackend, MigratorAppliesOnceRecordsAndRefusesANewerSchema) {
  auto db = Database::open(DatabaseUrl::parse(fresh_database(GetParam())), 1);
  Migrator two({{"0001_a", "CREATE TABLE a (id {{id}});"}, {"0002_b", "CREATE TABLE b (x TEXT);"}});
  EXPECT_EQ(two.apply(*db).size(), 2u);
  EXPECT_TRUE(two.apply(*db).empty());
  EXPECT_EQ(two.current_version(*db), 2);
  Migrator one(std::vector<MigrationSource>{{"0001_a", "CREATE TABLE a (id {{id}});"}});
  EXPECT_THROW(one.apply(*db), SchemaTooNew);
}

TEST_P(EachBackend, AFailingMigrationLeavesNoTrace) {
  auto db = Database::open(DatabaseUrl::parse(fresh_database(GetParam())), 1);
  Migrator good(std::vector<MigrationSource>{{"0001_good", "CREATE TABLE good (x TEXT);"}});
  good.apply(*db);
  Migrator bad(std::vector<MigrationSource>{
      {"0001_good", "CREATE TABLE good (x TEXT);"},
      {"0002_bad", "CREATE TABLE half_done (x TEXT);\nCREATE TABLE broken (;\n"}});
  EXPECT_THROW(bad.apply(*db), DatabaseError);
  EXPECT_EQ(bad.current_version(*db), 1);
  if (GetParam() == "sqlite") {
    int n = -1;
    *db->lease() << "SELECT count(*) FROM sqlite_master WHERE name = 'half_done'", soci::into(n);
    EXPECT_EQ(n, 0);
  } else {
    EXPECT_EQ(count_tables_named(*db, "half_done"), 0);
    EXPECT_EQ(count_tables_named(*db, "good"), 1);
  }
}

TEST(Migrator, DuplicateNumbersAreRejected) {
  EXPECT_THROW(Migrator({{"0001_a", ""}, {"0001_b", ""}}), std::invalid_argument);
}
