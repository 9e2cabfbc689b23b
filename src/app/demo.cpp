#include "app/demo.hpp"

#include "db/timestamp.hpp"

namespace vigie::app {

bool load_demo_data(db::Database& db) {
  return db.transact([](soci::session& s) {
    int n = 0;
    s << "SELECT count(*) FROM instance_settings WHERE key = 'demo_loaded_at'", soci::into(n);
    if (n > 0) return false;
    const std::string now = db::iso_utc_now();
    s << "INSERT INTO instance_settings (key, value, updated_at) VALUES ('demo_loaded_at', :v, :t)",
        soci::use(now), soci::use(now);
    return true;
  });
}

std::vector<DemoAccount> demo_accounts() {
  return {};
}

}  // namespace vigie::app
