#include "app/commands.hpp"
#include "app/demo.hpp"
#include "build_info.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"
#include "http/dispatcher.hpp"
#include "http/server.hpp"
#include "modules/accounts/authenticator.hpp"
#include "modules/accounts/routes.hpp"
#include "modules/accounts/service.hpp"
#include "modules/privacy/routes.hpp"
#include "security/audit_log.hpp"
#include "security/key_file.hpp"
#include "modules/system/routes.hpp"
#include "security/random.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <iostream>

namespace vigie::app {

namespace {

std::unique_ptr<db::Database> open_database(const Config& config) {
  auto url = db::DatabaseUrl::parse(config.effective_db_url());
  return db::Database::open(url, static_cast<std::size_t>(config.db_pool_size));
}

// Applies pending migrations, or, when told not to, refuses a schema that is not current.
void prepare_schema(db::Database& db, const db::Migrator& migrator, bool migrate) {
  if (migrate) {
    for (const auto& name : migrator.apply(db)) spdlog::info("applied migration {}", name);
    return;
  }
  const int current = migrator.current_version(db);
  if (current != migrator.latest_known())
    throw db::DatabaseError("the database schema is at version " + std::to_string(current) +
                            ", this vigie needs " + std::to_string(migrator.latest_known()) +
                            "; run `vigie migrate`");
}

void print_demo_accounts(db::Database& db) {
  std::printf("demo accounts (fictional, demo mode only), password for all: %s\n",
              demo_accounts(db).empty() ? "-" : demo_accounts(db).front().password.c_str());
  for (const auto& a : demo_accounts(db))
    std::printf("  %-32s %-15s %-15s%s%s\n", a.email.c_str(), a.role.c_str(),
                a.organisation.c_str(), a.totp_secret.empty() ? "" : "  TOTP secret ",
                a.totp_secret.c_str());
  std::printf("  (TOTP codes: `oathtool --totp -b SECRET`, or add the secret to an authenticator app)\n");
}

}  // namespace

int run_serve(const Config& config, const ServeFlags& flags) {
  security::init();
  std::filesystem::create_directories(config.data_dir);
  auto listen = ListenAddress::parse(config.listen, "listen");

  // Demo mode may create the key file; production never does it behind the operator's back.
  if (flags.demo && !std::filesystem::exists(security::key_file_path(config.data_dir)))
    security::create_key_file(config.data_dir);
  const auto keys = security::load_key_file(config.data_dir);
  const security::AuditLog audit(keys.audit_hmac);

  auto db = open_database(config);
  db::Migrator migrator;
  prepare_schema(*db, migrator, config.migrate_on_start || flags.demo);
  spdlog::info("database {} at schema version {}", db->url().redacted(),
               migrator.current_version(*db));

  accounts::Service accounts_service(*db, audit);
  accounts::Authenticator auth(accounts_service, {.secure = config.secure_cookies});
  if (flags.demo && load_demo_data(*db, accounts_service)) spdlog::info("demo data loaded");

  http::Router router;
  system::register_routes(router, *db, migrator);
  accounts::register_routes(router, auth);
  privacy_routes::register_routes(router);

  std::unique_ptr<http::StaticFiles> static_files;
  if (std::filesystem::is_regular_file(config.web_root / "index.html"))
    static_files = std::make_unique<http::StaticFiles>(config.web_root);
  else
    spdlog::warn("no web UI at {} (run `make build`); serving the API only",
                 config.web_root.string());

  http::Dispatcher dispatcher(
      router, static_files.get(),
      {.default_body_limit = config.body_limit, .security = {.hsts = config.hsts}});
  http::AccessLog access_log(config.access_log);
  http::ServerOptions options;
  options.host = listen.host;
  options.port = listen.port;
  options.io_threads = config.io_threads;
  options.worker_threads = config.worker_threads;
  http::Server server(options, dispatcher, access_log);
  const auto port = server.listen();
  const std::string shown_host =
      listen.host.find(':') != std::string::npos ? "[" + listen.host + "]" : listen.host;
  std::printf("vigie listening on http://%s:%u\n", shown_host.c_str(), port);
  if (flags.demo) print_demo_accounts(*db);
  std::fflush(stdout);
  server.run();
  db.reset();
  spdlog::info("stopped cleanly");
  return 0;
}

int run_migrate(const Config& config) {
  security::init();
  std::filesystem::create_directories(config.data_dir);
  auto db = open_database(config);
  db::Migrator migrator;
  auto applied = migrator.apply(*db);
  for (const auto& name : applied) std::cout << "applied " << name << "\n";
  std::cout << "schema at version " << migrator.current_version(*db) << " ("
            << (applied.empty() ? "nothing to do" : std::to_string(applied.size()) + " applied")
            << ")\n";
  return 0;
}

int run_version() {
  std::cout << "vigie " << build::kVersion << "\n";
  return 0;
}

}  // namespace vigie::app
