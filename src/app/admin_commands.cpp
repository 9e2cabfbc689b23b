#include "app/admin_commands.hpp"

#include "db/database.hpp"
#include "db/migrations.hpp"
#include "db/timestamp.hpp"
#include "kit/errors.hpp"
#include "mail/outbox.hpp"
#include "modules/accounts/service.hpp"
#include "modules/diagnostics/call_service.hpp"
#include "modules/field/service.hpp"
#include "modules/plan/service.hpp"
#include "modules/saisines/service.hpp"
#include "security/audit_checkpoint.hpp"
#include "security/audit_log.hpp"
#include "security/key_file.hpp"
#include "security/random.hpp"
#include "security/secret_box.hpp"
#include "security/totp.hpp"

#include <boost/json.hpp>

#include <filesystem>
#include <iostream>

namespace vigie::app {

namespace {

// The database, migrated, and the keys: what every command below needs.
struct Context {
  std::unique_ptr<db::Database> db;
  security::Keys keys;
};

Context open(const Config& config) {
  security::init();
  Context c;
  c.keys = security::load_key_file(config.data_dir);
  // Commands queue mail too (reminders, account notices): sealed like serve's.
  mail::use_outbox_key(security::SecretBox(c.keys.encryption));
  c.db = db::Database::open(db::DatabaseUrl::parse(config.effective_db_url()), 1);
  db::Migrator().apply(*c.db);
  return c;
}

int report(const kit::DomainError& e) {
  for (const auto& err : e.fields())
    std::cerr << "vigie: " << (err.field.empty() ? "" : err.field + ": ") << err.message << "\n";
  if (e.fields().empty()) std::cerr << "vigie: " << e.message() << "\n";
  return 1;
}

}  // namespace

int run_keys_init(const Config& config) {
  security::init();
  security::create_key_file(config.data_dir);
  std::cout << "wrote " << security::key_file_path(config.data_dir).string()
            << " (mode 0400); back it up with the database\n";
  return 0;
}

int run_audit_verify(const Config& config, const std::optional<std::string>& checkpoint) {
  auto c = open(config);
  security::AuditLog log(c.keys.audit_hmac);
  std::optional<security::AuditCheckpoint> expected;
  if (!checkpoint) {  // by default, the data directory's own checkpoint
    try {
      if (auto f = security::read_checkpoint(security::checkpoint_path(config.data_dir),
                                             c.keys.audit_hmac)) {
        expected = f->entry;
        std::cout << "checkpoint of " << f->at << ": entry " << f->entry.seq << "\n";
      } else {
        std::cout << "no checkpoint yet in " << config.data_dir.string()
                  << " (serve writes one): removed newest entries would go unnoticed\n";
      }
    } catch (const std::exception& e) {
      std::cout << "audit trail BROKEN: " << e.what() << "\n";
      return 1;
    }
  }
  if (checkpoint) {
    auto colon = checkpoint->find(':');
    if (colon == std::string::npos) {
      std::cerr << "vigie: --checkpoint must be SEQ:HASH as printed by `vigie audit checkpoint`\n";
      return 2;
    }
    expected = security::AuditCheckpoint{std::stoll(checkpoint->substr(0, colon)),
                                         checkpoint->substr(colon + 1)};
  }
  auto v = log.verify(*c.db, expected);
  for (const auto& b : v.acknowledged)
    std::cout << "acknowledged break at entry " << b.seq << ": " << b.problem << "\n";
  if (v.ok) {
    std::cout << "audit trail intact: " << v.entries << " entries\n";
    return 0;
  }
  for (const auto& b : v.unacknowledged)
    std::cout << "audit trail BROKEN at entry " << b.seq << ": " << b.problem << "\n";
  return 1;
}

int run_audit_acknowledge(const Config& config, const std::string& reason) {
  auto c = open(config);
  security::AuditLog log(c.keys.audit_hmac);
  const auto file = security::checkpoint_path(config.data_dir);
  std::optional<security::AuditCheckpoint> expected;
  std::string file_problem;
  try {
    if (auto f = security::read_checkpoint(file, c.keys.audit_hmac)) expected = f->entry;
  } catch (const std::exception& e) {
    file_problem = e.what();
  }
  auto v = log.verify(*c.db, expected);
  if (v.ok && file_problem.empty()) {
    std::cout << "nothing to acknowledge: the audit trail is intact (" << v.entries
              << " entries)\n";
    return 0;
  }
  if (reason.size() < 10) {
    std::cerr << "vigie: --reason must say what was found and done (10 characters or more)\n";
    return 2;
  }
  if (!file_problem.empty()) v.unacknowledged.push_back({0, file_problem});
  // Each break gets its own entry, chained after the newest one; then the checkpoint names the
  // newest acknowledgement, whatever the file said before (entries may have been removed).
  security::AuditCheckpoint last{};
  c.db->transact([&](soci::session& s) {
    for (const auto& b : v.unacknowledged) {
      boost::json::object d{{"broken_at", b.seq}, {"problem", b.problem}, {"reason", reason}};
      last = log.append(s, c.db->backend(),
                        {std::nullopt, std::nullopt, std::nullopt, "audit.acknowledge", "audit",
                         std::to_string(b.seq), "", "ok", boost::json::serialize(d)});
    }
  });
  std::filesystem::remove(file);
  security::write_checkpoint(file, c.keys.audit_hmac, last);
  for (const auto& b : v.unacknowledged)
    std::cout << "acknowledged the break at entry " << b.seq << ": " << b.problem << "\n";
  std::cout << "a running serve resumes writing within 30 seconds\n";
  return 0;
}

int run_audit_checkpoint(const Config& config) {
  auto c = open(config);
  auto h = security::AuditLog(c.keys.audit_hmac).head(*c.db);
  std::cout << h.seq << ":" << h.hash << "\n";
  return 0;
}

int run_org_add(const Config& config, const std::string& code, const std::string& name,
                const std::string& type, const std::string& territory) {
  auto c = open(config);
  security::AuditLog log(c.keys.audit_hmac);
  security::SecretBox secrets(c.keys.encryption);
  accounts::Service service(*c.db, log, secrets);
  try {
    auto o = service.add_organisation({code, name, type, territory}, kit::Actor::system());
    std::cout << "organisation " << o.code << " created (" << accounts::to_string(o.type) << ", "
              << o.territory << ")\n";
  } catch (const kit::DomainError& e) {
    return report(e);
  }
  return 0;
}

int run_user_add(const Config& config, const std::string& email, const std::string& name,
                 const std::string& org, const std::string& role, bool platform_admin,
                 std::istream& password_in) {
  std::string password;
  std::getline(password_in, password);
  auto c = open(config);
  security::AuditLog log(c.keys.audit_hmac);
  security::SecretBox secrets(c.keys.encryption);
  accounts::Service service(*c.db, log, secrets);
  try {
    auto added =
        service.add_user({email, name.empty() ? email : name, org, role, password, platform_admin},
                         kit::Actor::system());
    std::cout << "user " << added.user.email << " created\n";
    if (added.totp_secret) {
      // Shown once: the account requires a second factor from its first login.
      std::cout << "TOTP secret (shown once): " << *added.totp_secret << "\n"
                << security::totp_uri(*added.totp_secret, added.user.email) << "\n";
    }
  } catch (const kit::DomainError& e) {
    return report(e);
  }
  return 0;
}

int run_user_disable(const Config& config, const std::string& email) {
  auto c = open(config);
  security::AuditLog log(c.keys.audit_hmac);
  security::SecretBox secrets(c.keys.encryption);
  accounts::Service service(*c.db, log, secrets);
  try {
    service.disable_user(email, kit::Actor::system());
    std::cout << "user " << email << " disabled; their sessions are closed\n";
  } catch (const kit::DomainError& e) {
    return report(e);
  }
  return 0;
}

int run_plan_remind(const Config& config, const std::string& today) {
  auto c = open(config);
  security::AuditLog log(c.keys.audit_hmac);
  accounts::Clock clock = std::chrono::system_clock::now;
  if (!today.empty()) {
    const auto at = db::parse_iso_utc(today + "T08:00:00Z");
    clock = [at] { return at; };
  }
  plan::Service plan(*c.db, log, clock, config.public_url);
  diagnostics::CallService calls(*c.db, log, plan.reports, clock, config.public_url);
  security::SecretBox secrets(c.keys.encryption);
  saisines::Service saisines(
      *c.db, log, secrets, plan.reports, clock, config.public_url,
      {config.saisine_triage_days, config.saisine_answer_days, config.saisine_escalation_days});
  // Campaign, diagnostic call and saisine deadline reminders: one pass, as `serve` runs it.
  const int queued =
      plan.campaigns.send_reminders() + calls.send_reminders() + saisines.send_reminders();
  std::cout << "queued " << queued << " reminder e-mail(s)\n";
  if (!config.smtp_url.empty() && queued > 0) {
    mail::Sender sender(
        *c.db, {config.smtp_url, config.mail_from, config.smtp_username, config.smtp_password});
    std::cout << "sent " << sender.deliver_due() << "\n";
  }
  return 0;
}

int run_purge(const Config& config, int years, const std::string& today) {
  auto c = open(config);
  security::AuditLog log(c.keys.audit_hmac);
  field::Service::Clock clock = std::chrono::system_clock::now;
  if (!today.empty()) {
    const auto at = db::parse_iso_utc(today + "T08:00:00Z");
    clock = [at] { return at; };
  }
  field::Service field(*c.db, log, clock, config.public_url);
  std::cout << "removed " << field.purge(years) << " victim profile(s) older than " << years
            << " years\n";
  return 0;
}

}  // namespace vigie::app
