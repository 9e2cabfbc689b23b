#include "app/application.hpp"

#include "app/data_dir.hpp"
#include "app/demo.hpp"
#include "modules/accounts/enrolment_routes.hpp"
#include "modules/accounts/oidc_routes.hpp"
#include "modules/accounts/routes.hpp"
#include "modules/audit/routes.hpp"
#include "modules/diagnostics/routes.hpp"
#include "modules/field/routes.hpp"
#include "modules/plan/routes.hpp"
#include "modules/privacy/routes.hpp"
#include "modules/saisines/routes.hpp"
#include "modules/system/routes.hpp"

#include <spdlog/spdlog.h>

namespace vigie::app {

namespace {

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

}  // namespace

std::unique_ptr<Application> Application::build(const Config& config, bool demo) {
  auto app = std::make_unique<Application>();
  create_data_dir(config.data_dir);
  // Demo mode may create the key file; production never does it behind the operator's back.
  if (demo && !std::filesystem::exists(security::key_file_path(config.data_dir)))
    security::create_key_file(config.data_dir);
  app->keys = security::load_key_file(config.data_dir);
  app->audit = std::make_unique<security::AuditLog>(app->keys.audit_hmac);
  app->secrets = std::make_unique<security::SecretBox>(app->keys.encryption);
  mail::use_outbox_key(*app->secrets);

  app->db = db::Database::open(db::DatabaseUrl::parse(config.effective_db_url()),
                               static_cast<std::size_t>(config.db_pool_size));
  prepare_schema(*app->db, app->migrator, config.migrate_on_start || demo);
  spdlog::info("database {} at schema version {}", app->db->url().redacted(),
               app->migrator.current_version(*app->db));

  if (const int n = accounts::seal_stored_secrets(*app->db, *app->secrets))
    spdlog::info("sealed {} secrets stored in clear by an earlier version", n);
  if (const int n = mail::seal_queued_bodies(*app->db))
    spdlog::info("sealed {} queued e-mail bodies stored in clear by an earlier version", n);
  app->accounts = std::make_unique<accounts::Service>(*app->db, *app->audit, *app->secrets);
  app->auth = std::make_unique<accounts::Authenticator>(
      *app->accounts, http::CookieOptions{.secure = config.secure_cookies});
  app->enrolment = std::make_unique<accounts::Enrolment>(*app->db, *app->audit, *app->secrets,
                                                         config.public_url);
  app->second_factor =
      std::make_unique<accounts::SecondFactor>(*app->db, *app->audit, *app->secrets);
  app->oidc = std::make_unique<accounts::OidcLogin>(
      *app->db, *app->accounts,
      accounts::OidcSettings{config.oidc_issuer, config.oidc_client_id, config.oidc_client_secret,
                             config.oidc_redirect_url.empty()
                                 ? config.public_url + "/api/v1/auth/oidc/callback"
                                 : config.oidc_redirect_url,
                             config.oidc_label, config.oidc_trust_email});
  app->mail_sender = std::make_unique<mail::Sender>(
      *app->db, mail::SmtpSettings{config.smtp_url, config.mail_from, config.smtp_username,
                                   config.smtp_password});
  app->plan = std::make_unique<plan::Service>(*app->db, *app->audit, std::chrono::system_clock::now,
                                              config.public_url);
  if (app->plan->reports.load_reference_plan()) spdlog::info("the 2024-2027 plan is loaded");
  app->diagnostics = std::make_unique<diagnostics::Service>(
      *app->db, *app->audit, app->plan->reports, std::chrono::system_clock::now, config.public_url);
  app->diagnostic_calls = std::make_unique<diagnostics::CallService>(
      *app->db, *app->audit, app->plan->reports, std::chrono::system_clock::now, config.public_url);
  app->field = std::make_unique<field::Service>(*app->db, *app->audit,
                                                std::chrono::system_clock::now, config.public_url);
  app->saisines = std::make_unique<saisines::Service>(
      *app->db, *app->audit, *app->secrets, app->plan->reports, std::chrono::system_clock::now,
      config.public_url,
      saisines::Deadlines{config.saisine_triage_days, config.saisine_answer_days,
                          config.saisine_escalation_days});
  app->saisine_files = std::make_unique<saisines::Attachments>(
      *app->db, *app->audit, *app->secrets, *app->saisines,
      std::filesystem::path(config.data_dir) / "saisine-files");
  if (demo && load_demo_data(*app->db, *app->accounts, *app->plan, *app->diagnostics,
                             *app->diagnostic_calls, *app->field, *app->audit, *app->secrets))
    spdlog::info("demo data loaded");

  system::register_routes(app->router, *app->db, app->migrator);
  privacy_routes::register_routes(app->router);
  accounts::register_routes(app->router, *app->auth);
  accounts::register_enrolment_routes(app->router, *app->auth, *app->enrolment);
  accounts::register_second_factor_routes(app->router, *app->auth, *app->second_factor);
  accounts::register_oidc_routes(app->router, *app->auth, *app->oidc);
  audit::register_routes(app->router, *app->db);
  plan::register_routes(app->router, *app->plan);
  diagnostics::register_routes(app->router, *app->diagnostics);
  diagnostics::register_call_routes(app->router, *app->diagnostic_calls);
  field::register_routes(app->router, *app->field);
  saisines::register_routes(app->router, *app->saisines, *app->saisine_files);
  app->gate = std::make_unique<accounts::RouteGate>(*app->auth, *app->db, *app->audit);
  return app;
}

}  // namespace vigie::app
