#pragma once
// Everything a running Vigie is made of, wired together once: the database (migrated), the
// keys and audit log, the module services, and the router with every module's routes. Used by
// `serve` and by `routes` (the route inventory), so both see the same application.

#include "app/config.hpp"
#include "db/database.hpp"
#include "db/migrations.hpp"
#include "http/router.hpp"
#include "mail/outbox.hpp"
#include "modules/accounts/authenticator.hpp"
#include "modules/accounts/enrolment.hpp"
#include "modules/accounts/oidc.hpp"
#include "modules/accounts/route_gate.hpp"
#include "modules/accounts/second_factor.hpp"
#include "modules/accounts/service.hpp"
#include "modules/diagnostics/call_service.hpp"
#include "modules/diagnostics/service.hpp"
#include "modules/field/service.hpp"
#include "modules/plan/service.hpp"
#include "modules/saisines/attachments.hpp"
#include "modules/saisines/service.hpp"
#include "security/audit_log.hpp"
#include "security/key_file.hpp"

#include <memory>

namespace vigie::app {

struct Application {
  std::unique_ptr<db::Database> db;
  db::Migrator migrator;
  security::Keys keys;
  std::unique_ptr<security::AuditLog> audit;
  std::unique_ptr<security::SecretBox> secrets;  // seals secrets stored in the database
  std::unique_ptr<accounts::Service> accounts;
  std::unique_ptr<accounts::Authenticator> auth;
  std::unique_ptr<accounts::Enrolment> enrolment;
  std::unique_ptr<accounts::SecondFactor> second_factor;
  std::unique_ptr<accounts::OidcLogin> oidc;
  std::unique_ptr<plan::Service> plan;
  std::unique_ptr<diagnostics::Service> diagnostics;
  std::unique_ptr<diagnostics::CallService> diagnostic_calls;
  std::unique_ptr<field::Service> field;
  std::unique_ptr<saisines::Service> saisines;
  std::unique_ptr<saisines::Attachments> saisine_files;  // in <data_dir>/saisine-files
  std::unique_ptr<mail::Sender> mail_sender;  // started by serve when [mail] is configured
  http::Router router;
  std::unique_ptr<accounts::RouteGate> gate;  // admits the callers of every guarded route

  // Opens the database (creating the key file first in demo mode), applies or checks the
  // schema, loads demo data when asked, and registers the routes. Throws on any failure.
  static std::unique_ptr<Application> build(const Config& config, bool demo);
};

}  // namespace vigie::app
