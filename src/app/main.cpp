// vigie: the monitoring platform of the national action plan against exploitation and
// trafficking in human beings. See README.md for the commands and docs/ARCHITECTURE.md
// for how the code is organised.

#include "app/admin_commands.hpp"
#include "app/commands.hpp"
#include "app/config.hpp"
#include "app/privacy_commands.hpp"
#include "db/database.hpp"
#include "security/key_file.hpp"

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "http/log_text.hpp"

#include <sys/stat.h>
#include <CLI/CLI.hpp>

#include <iostream>
#include <optional>

namespace {

// Options shared by the subcommands that open the database.
struct StorageFlags {
  std::string config_file;
  std::string db;
  std::string data_dir;
};

void add_storage_flags(CLI::App* cmd, StorageFlags& f) {
  cmd->add_option("--config", f.config_file, "TOML configuration file (see docs/CONFIGURATION.md)")
      ->envname("VIGIE_CONFIG")
      ->check(CLI::ExistingFile);
  cmd->add_option("--db", f.db,
                  "Database URL: sqlite:PATH or postgresql://user:password@host:port/dbname "
                  "(default: sqlite:<data-dir>/vigie.db)")
      ->envname("VIGIE_DB");
  cmd->add_option("--data-dir", f.data_dir,
                  "Directory for the key file, stored files and the default SQLite database "
                  "(default: var)")
      ->envname("VIGIE_DATA_DIR");
}

vigie::app::Config base_config(const StorageFlags& f) {
  vigie::app::Config c;
  if (!f.config_file.empty()) vigie::app::load_toml_file(f.config_file, c);
  if (!f.db.empty()) c.db_url = f.db;
  if (!f.data_dir.empty()) c.data_dir = f.data_dir;
  return c;
}

}  // namespace

int main(int argc, char** argv) {
  // Everything Vigie creates (database, WAL, shared memory, key file, checkpoint, exports) is
  // for its own user only: 0600 files, 0700 directories.
  ::umask(S_IRWXG | S_IRWXO);
  auto logger = spdlog::stderr_color_mt("vigie");
  spdlog::set_default_logger(logger);
  // JSON lines, every value escaped: no logged value can forge a line (issue 10).
  spdlog::set_formatter(std::make_unique<vigie::http::JsonLogFormatter>());

  CLI::App app{
      "Vigie: shared monitoring of the national action plan against exploitation and "
      "trafficking in human beings"};
  app.require_subcommand(1);

  StorageFlags serve_storage;
  std::optional<std::string> listen, web_root, access_log, smtp_url, public_url;
  std::optional<int> io_threads, worker_threads;
  bool demo = false;
  auto* serve = app.add_subcommand("serve", "Run the web server");
  add_storage_flags(serve, serve_storage);
  serve
      ->add_option("--listen", listen,
                   "HOST:PORT to listen on; port 0 picks a free one "
                   "(default: 127.0.0.1:8080)")
      ->envname("VIGIE_LISTEN");
  serve->add_option("--web-root", web_root, "Directory of the built web UI (default: web/dist)")
      ->envname("VIGIE_WEB_ROOT");
  serve
      ->add_option("--access-log", access_log,
                   "Access log: - for standard output, off, or a file (default: -)")
      ->envname("VIGIE_ACCESS_LOG");
  serve->add_option("--io-threads", io_threads, "Threads serving sockets (default: 2)")
      ->envname("VIGIE_IO_THREADS")
      ->check(CLI::Range(1, 64));
  serve
      ->add_option("--worker-threads", worker_threads,
                   "Threads running requests against the database (default: 4)")
      ->envname("VIGIE_WORKER_THREADS")
      ->check(CLI::Range(1, 256));
  serve
      ->add_option("--smtp-url", smtp_url,
                   "SMTP server for invitations and password resets, e.g. smtp://127.0.0.1:25")
      ->envname("VIGIE_SMTP_URL");
  serve
      ->add_option("--public-url", public_url,
                   "Address users reach Vigie at, for links in e-mails (default: "
                   "http://127.0.0.1:8080)")
      ->envname("VIGIE_PUBLIC_URL");
  serve
      ->add_flag("--demo", demo,
                 "Fill an empty database with fictional demo data (never in production)")
      ->envname("VIGIE_DEMO");

  StorageFlags migrate_storage;
  auto* migrate = app.add_subcommand("migrate", "Apply pending database migrations and exit");
  add_storage_flags(migrate, migrate_storage);

  auto* version = app.add_subcommand("version", "Print the version and exit");

  StorageFlags routes_storage;
  auto* routes = app.add_subcommand(
      "routes", "Print every route with its policy action, and the policy grants, as JSON");
  add_storage_flags(routes, routes_storage);

  StorageFlags admin_storage;
  auto* keys = app.add_subcommand("keys", "Manage the key file");
  keys->require_subcommand(1);
  auto* keys_init =
      keys->add_subcommand("init", "Write a new key file (mode 0400) in the data directory");
  add_storage_flags(keys_init, admin_storage);

  auto* audit = app.add_subcommand("audit", "The audit trail");
  audit->require_subcommand(1);
  std::optional<std::string> checkpoint;
  auto* audit_verify = audit->add_subcommand(
      "verify", "Check the audit chain; exit 1 naming the first broken entry");
  add_storage_flags(audit_verify, admin_storage);
  audit_verify->add_option("--checkpoint", checkpoint,
                           "SEQ:HASH from `vigie audit checkpoint`, to catch removed entries");
  auto* audit_checkpoint =
      audit->add_subcommand("checkpoint", "Print the newest entry as SEQ:HASH, to keep elsewhere");
  add_storage_flags(audit_checkpoint, admin_storage);
  std::string ack_reason;
  auto* audit_ack = audit->add_subcommand(
      "acknowledge",
      "Record that the chain's breaks were looked into, so that serve accepts writes again");
  add_storage_flags(audit_ack, admin_storage);
  audit_ack->add_option("--reason", ack_reason, "What was found and done")->required();

  std::string org_code, org_name, org_type, org_territory = "national";
  auto* org = app.add_subcommand("org", "Organisations");
  org->require_subcommand(1);
  auto* org_add = org->add_subcommand("add", "Create an organisation");
  add_storage_flags(org_add, admin_storage);
  org_add->add_option("--code", org_code, "Short code, e.g. MIPROF")->required();
  org_add->add_option("--name", org_name, "Full name")->required();
  org_add
      ->add_option("--type", org_type,
                   "coordination, ministry, prefecture, parquet, police, association, union "
                   "or independent_body")
      ->required();
  org_add->add_option("--territory", org_territory,
                      "national (default), a region (R11) or a département (93)");

  std::string user_email, user_name, user_org, user_role;
  bool user_admin = false, password_stdin = false;
  auto* user = app.add_subcommand("user", "User accounts");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand(
      "add", "Create a user; prints the TOTP secret once when the account requires it");
  add_storage_flags(user_add, admin_storage);
  user_add->add_option("--email", user_email, "E-mail address (the login)")->required();
  user_add->add_option("--name", user_name, "Display name (default: the e-mail address)");
  user_add->add_option("--org", user_org, "Organisation code")->required();
  user_add->add_option("--role", user_role, "viewer, contributor, referent or org_admin")
      ->required();
  user_add->add_flag("--platform-admin", user_admin, "Manages accounts; reads no content");
  user_add->add_flag("--password-stdin", password_stdin, "Read the password from standard input")
      ->required();
  auto* user_disable = user->add_subcommand("disable", "Disable a user and close their sessions");
  add_storage_flags(user_disable, admin_storage);
  user_disable->add_option("--email", user_email, "E-mail address")->required();

  std::string remind_today;
  auto* plan_cmd = app.add_subcommand("plan", "The plan follow-up");
  plan_cmd->require_subcommand(1);
  auto* plan_remind = plan_cmd->add_subcommand(
      "remind", "Queue (and send, when [mail] is set) the campaign reminders due today");
  add_storage_flags(plan_remind, admin_storage);
  plan_remind->add_option("--today", remind_today, "Act as if today were YYYY-MM-DD (tests)");

  int purge_years = 5;
  std::string purge_today;
  auto* purge = app.add_subcommand(
      "purge", "Apply the retention of field data: remove victim profiles older than the "
               "retention, once counted in a stored release");
  add_storage_flags(purge, admin_storage);
  purge->add_option("--years", purge_years, "Retention in years (default 5)")
      ->check(CLI::Range(1, 100));
  purge->add_option("--today", purge_today, "Act as if today were YYYY-MM-DD (tests)");

  auto* privacy = app.add_subcommand("privacy", "The privacy engines, on standard input");
  privacy->require_subcommand(1);
  auto* scan = privacy->add_subcommand(
      "scan",
      "Find direct identifiers of persons in UTF-8 text read from standard input; prints "
      "{\"findings\":[...]}; exit status 1 when one is found, 0 when the text is clean");
  std::vector<std::string> by;
  int k = 11;
  auto* aggregate = privacy->add_subcommand(
      "aggregate",
      "Count the records of a CSV (header row) read from standard input by the given columns, "
      "apply disclosure control and print the table as JSON");
  aggregate->add_option("--by", by, "Columns to break down by, comma-separated (at most 3)")
      ->delimiter(',')
      ->required();
  aggregate->add_option("--k", k, "Smallest count published (default 11)")
      ->check(CLI::Range(1, 1000));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints the help or the error
    return code == 0 ? 0 : 2;
  }

  try {
    if (*serve) {
      auto c = base_config(serve_storage);
      if (listen) c.listen = *listen;
      if (web_root) c.web_root = *web_root;
      if (access_log) c.access_log = *access_log;
      if (smtp_url) c.smtp_url = *smtp_url;
      if (public_url) c.public_url = *public_url;
      if (io_threads) c.io_threads = *io_threads;
      if (worker_threads) c.worker_threads = *worker_threads;
      vigie::app::validate(c);
      return vigie::app::run_serve(c, {.demo = demo});
    }
    if (*migrate) {
      auto c = base_config(migrate_storage);
      vigie::app::validate(c);
      return vigie::app::run_migrate(c);
    }
    if (*version) return vigie::app::run_version();
    if (*routes) return vigie::app::run_routes(base_config(routes_storage));
    if (*keys_init) return vigie::app::run_keys_init(base_config(admin_storage));
    if (*audit_verify) return vigie::app::run_audit_verify(base_config(admin_storage), checkpoint);
    if (*audit_checkpoint) return vigie::app::run_audit_checkpoint(base_config(admin_storage));
    if (*audit_ack)
      return vigie::app::run_audit_acknowledge(base_config(admin_storage), ack_reason);
    if (*org_add)
      return vigie::app::run_org_add(base_config(admin_storage), org_code, org_name, org_type,
                                     org_territory);
    if (*user_add)
      return vigie::app::run_user_add(base_config(admin_storage), user_email, user_name, user_org,
                                      user_role, user_admin, std::cin);
    if (*user_disable) return vigie::app::run_user_disable(base_config(admin_storage), user_email);
    if (*plan_remind) return vigie::app::run_plan_remind(base_config(admin_storage), remind_today);
    if (*purge)
      return vigie::app::run_purge(base_config(admin_storage), purge_years, purge_today);
    if (*scan) return vigie::app::run_privacy_scan(std::cin, std::cout);
    if (*aggregate) return vigie::app::run_privacy_aggregate(std::cin, std::cout, std::cerr, by, k);
  } catch (const vigie::app::ConfigError& e) {
    std::cerr << "vigie: configuration error: " << e.what() << "\n";
    return 2;
  } catch (const vigie::security::KeyFileError& e) {
    std::cerr << "vigie: " << e.what() << "\n";
    return 1;
  } catch (const vigie::db::DatabaseError& e) {
    std::cerr << "vigie: " << e.what() << "\n";
    return 1;
  } catch (const std::invalid_argument& e) {
    std::cerr << "vigie: configuration error: " << e.what() << "\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "vigie: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
