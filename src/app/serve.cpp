#include "app/application.hpp"
#include "app/audit_watch.hpp"
#include "app/commands.hpp"
#include "app/demo.hpp"
#include "app/periodic_task.hpp"
#include "build_info.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"
#include "http/dispatcher.hpp"
#include "http/server.hpp"
#include "modules/accounts/policy.hpp"
#include "security/audit_checkpoint.hpp"
#include "security/random.hpp"

#include <boost/json.hpp>

#include "app/data_dir.hpp"

#include <spdlog/spdlog.h>

#include <cstdio>
#include <iostream>

namespace vigie::app {

namespace {

void print_demo_accounts(db::Database& db, const security::SecretBox& secrets) {
  const auto accounts = demo_accounts(db, secrets);
  std::printf("demo accounts (fictional, demo mode only), password for all: %s\n",
              accounts.empty() ? "-" : accounts.front().password.c_str());
  for (const auto& a : accounts)
    std::printf("  %-32s %-15s %-15s%s%s\n", a.email.c_str(), a.role.c_str(),
                a.organisation.c_str(), a.totp_secret.empty() ? "" : "  TOTP secret ",
                a.totp_secret.c_str());
  std::printf(
      "  (TOTP codes: `oathtool --totp -b SECRET`, or add the secret to an authenticator app)\n");
}

}  // namespace

int run_serve(const Config& config, const ServeFlags& flags) {
  security::init();
  auto listen = ListenAddress::parse(config.listen, "listen");
  auto app = Application::build(config, flags.demo);
  for (const auto& p : too_open_in_data_dir(config.data_dir))
    spdlog::warn(
        "{} is readable or writable by other users than Vigie's: chmod it {} (the data "
        "directory holds the database, its key file and stored files)",
        p.string(), std::filesystem::is_directory(p) ? "0700" : "0600");
  auto& router = app->router;
  auto& db = app->db;
  // The chain is checked before anything is served; a broken one blocks writes (audit_watch.hpp).
  AuditWatch audit_watch(*db, *app->audit, app->keys.audit_hmac,
                         security::checkpoint_path(config.data_dir));
  audit_watch.check();

  std::unique_ptr<http::StaticFiles> static_files;
  if (std::filesystem::is_regular_file(config.web_root / "index.html"))
    static_files = std::make_unique<http::StaticFiles>(config.web_root);
  else
    spdlog::warn("no web UI at {} (run `make build`); serving the API only",
                 config.web_root.string());

  http::Dispatcher dispatcher(
      router, static_files.get(),
      {.default_body_limit = config.body_limit, .security = {.hsts = config.hsts}},
      app->gate.get());
  http::AccessLog access_log(config.access_log);
  http::ServerOptions options;
  options.host = listen.host;
  options.port = listen.port;
  options.io_threads = config.io_threads;
  options.worker_threads = config.worker_threads;
  options.trust_forwarded_for = config.trust_forwarded_for;
  http::Server server(options, dispatcher, access_log);
  const auto port = server.listen();
  const std::string shown_host =
      listen.host.find(':') != std::string::npos ? "[" + listen.host + "]" : listen.host;
  std::printf("vigie listening on http://%s:%u\n", shown_host.c_str(), port);
  if (flags.demo) print_demo_accounts(*db, *app->secrets);
  std::fflush(stdout);
  app->mail_sender->start();
  if (config.smtp_url.empty())
    spdlog::warn("no [mail] smtp_url: invitations and password resets wait in the outbox");
  // Campaign reminders: idempotent within a day, so an hourly pass sends each one once; with
  // several processes on one database, one of them runs each pass (periodic_task.hpp).
  PeriodicTask reminders(*db, "campaign reminders", std::chrono::seconds(config.reminder_interval),
                         [&app] {
                           if (const int n = app->plan->campaigns.send_reminders())
                             spdlog::info("queued {} campaign reminder e-mails", n);
                           if (const int n = app->diagnostic_calls->send_reminders())
                             spdlog::info("queued {} diagnostic call reminder e-mails", n);
                           // The month's release of field statistics, frozen once at its first
                           // pass (controlled aggregates are computed on the last release).
                           if (const auto r = app->field->freeze_monthly_release())
                             spdlog::info("froze field release {} ({} records)", r->period,
                                          r->records);
                           if (const int n = app->field->notify_alerts())
                             spdlog::info("told the coordination of {} field alerts", n);
                           if (const int n = app->saisines->send_reminders())
                             spdlog::info("queued {} saisine deadline reminder e-mails", n);
                         });
  reminders.start();
  audit_watch.start();
  server.run();
  reminders.stop();
  audit_watch.stop();
  audit_watch.tick();  // the last entries written, checkpointed
  app->mail_sender->stop();
  db.reset();
  spdlog::info("stopped cleanly");
  return 0;
}

int run_routes(const Config& config) {
  security::init();
  auto app = Application::build(config, false);
  boost::json::array routes;
  for (const auto& r : app->router.routes()) {
    boost::json::object o{{"method", r.method}, {"pattern", r.pattern}};
    if (r.options.action.empty()) {
      o["action"] = nullptr;
    } else {
      boost::json::array actions{boost::json::string(r.options.action)};
      for (const auto& a : r.options.also) actions.push_back(boost::json::string(a));
      o["action"] = r.options.action;
      o["actions"] = std::move(actions);
    }
    routes.push_back(std::move(o));
  }
  // The policy table, expanded for every kind of caller and relation.
  boost::json::array grants;
  for (auto action : accounts::policy_actions()) {
    for (int t = 0; t < 8; ++t) {
      for (int r = 0; r < 4; ++r) {
        for (bool admin : {false, true}) {
          for (auto rel : {accounts::Relation::own_organisation, accounts::Relation::shared_with_me,
                           accounts::Relation::addressed_to_me, accounts::Relation::none}) {
            accounts::Caller c{static_cast<accounts::OrgType>(t), static_cast<accounts::Role>(r),
                               admin};
            if (!accounts::allowed(c, action, rel)) continue;
            grants.push_back({{"action", action},
                              {"org_type", accounts::to_string(c.org_type)},
                              {"role", accounts::to_string(c.role)},
                              {"platform_admin", admin},
                              {"relation", accounts::to_string(rel)}});
          }
        }
      }
    }
  }
  std::cout << boost::json::serialize(boost::json::object{{"routes", std::move(routes)},
                                                          {"grants", std::move(grants)}})
            << "\n";
  return 0;
}

int run_migrate(const Config& config) {
  security::init();
  std::filesystem::create_directories(config.data_dir);
  auto db = db::Database::open(db::DatabaseUrl::parse(config.effective_db_url()),
                               static_cast<std::size_t>(config.db_pool_size));
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
