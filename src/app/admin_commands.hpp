#pragma once
// Scripted set-up and operator commands: keys, audit verification, organisations, users.
// Each returns the process exit status and prints one clear line on failure.

#include "app/config.hpp"

#include <iosfwd>
#include <optional>
#include <string>

namespace vigie::app {

int run_keys_init(const Config& config);
int run_audit_verify(const Config& config, const std::optional<std::string>& checkpoint);
// Records that an operator has looked into every break of the chain (one chained entry per break,
// with `reason`), and writes the checkpoint anew; a running serve then resumes writing.
int run_audit_acknowledge(const Config& config, const std::string& reason);
int run_audit_checkpoint(const Config& config);
int run_org_add(const Config& config, const std::string& code, const std::string& name,
                const std::string& type, const std::string& territory);
int run_user_add(const Config& config, const std::string& email, const std::string& name,
                 const std::string& org, const std::string& role, bool platform_admin,
                 std::istream& password_in);
int run_user_disable(const Config& config, const std::string& email);
// Queues the campaign reminders due on `today` (YYYY-MM-DD; empty: the real date) and delivers
// them when [mail] is configured. Servers do the same every hour; this is for cron and tests.
int run_plan_remind(const Config& config, const std::string& today);
// Applies the field data's retention: profiles older than `years` years, once counted in a
// stored release, are removed (`today`: act as if today were YYYY-MM-DD, for tests).
int run_purge(const Config& config, int years, const std::string& today);

}  // namespace vigie::app
