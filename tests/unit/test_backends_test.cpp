// When scripts/test.sh promises a PostgreSQL cluster (VIGIE_REQUIRE_PG=1), the unit tests run
// on it or fail: never a pass that quietly ran on SQLite alone. scripts/test.sh also runs this
// binary with a bogus admin URL first and stops when that does not fail.
#include "test_backends.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace vigie;

TEST(TestBackends, PostgreSQLIsInTheBackendsAndReachableWhenRequired) {
  if (!test_support::postgresql_required())
    GTEST_SKIP()
        << "VIGIE_REQUIRE_PG is not 1: PostgreSQL runs only when VIGIE_TEST_PG_ADMIN is set";
  const auto backends = test_support::test_backends();
  EXPECT_NE(std::find(backends.begin(), backends.end(), "postgresql"), backends.end());
  auto db = db::Database::open(db::DatabaseUrl::parse(test_support::postgresql_admin_url()), 1);
  int one = 0;
  *db->lease() << "SELECT 1", soci::into(one);
  EXPECT_EQ(one, 1);
}
