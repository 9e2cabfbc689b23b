#pragma once
// The only door to the accounts tables. Every function runs on the caller's session (and so
// inside the caller's transaction); none of them knows about HTTP or policy.

#include "db/database.hpp"
#include "modules/accounts/model.hpp"

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace vigie::accounts::store {

std::optional<Organisation> find_organisation(soci::session& s, std::int64_t id);
std::optional<Organisation> find_organisation_by_code(soci::session& s, const std::string& code);
std::vector<Organisation> list_organisations(soci::session& s);
std::int64_t insert_organisation(soci::session& s, const Organisation& o, const std::string& at);

std::optional<User> find_user(soci::session& s, std::int64_t id);
std::vector<User> list_members(soci::session& s, std::int64_t organisation_id);
std::optional<User> find_user_by_email(soci::session& s, const std::string& email);
// Keeps the interface language the user chose ("fr" or "en").
void set_user_language(soci::session& s, std::int64_t user_id, const std::string& language);
std::int64_t insert_user(soci::session& s, const User& u, const std::string& at);
void disable_user(soci::session& s, std::int64_t id, const std::string& at);

struct SessionRow {
  std::string token_hash;
  std::int64_t user_id = 0;
  std::string csrf_token;
  std::string created_at;
  std::string last_seen_at;
  bool revoked = false;
};
void insert_session(soci::session& s, const SessionRow& row, const std::string& remote,
                    const std::string& user_agent);
std::optional<SessionRow> find_session(soci::session& s, const std::string& token_hash);
void touch_session(soci::session& s, const std::string& token_hash, const std::string& at);
void revoke_session(soci::session& s, const std::string& token_hash, const std::string& at);
void revoke_user_sessions(soci::session& s, std::int64_t user_id, const std::string& at);
// The last activity of the newest session its user opened before the session `token_hash`.
std::optional<std::string> previous_visit(soci::session& s, const std::string& token_hash);
// Every session of the user but `keep` (a token hash): the one that changed the password.
void revoke_other_sessions(soci::session& s, std::int64_t user_id, const std::string& keep,
                           const std::string& at);
struct ActiveSession {
  std::string token_hash, created_at, last_seen_at, remote, user_agent;
};
std::vector<ActiveSession> list_active_sessions(soci::session& s, std::int64_t user_id);

// Spends one of the user's unused recovery codes (given as its hash); false if none matches.
bool consume_recovery_code(soci::session& s, std::int64_t user_id, const std::string& code_hash,
                           const std::string& at);

// Serialises the login attempts on one e-mail address until the transaction ends, so that
// counting the attempts and recording a new one are one step (SQLite: the write transaction
// already holds the database; PostgreSQL: a transaction-level advisory lock on the address).
void lock_login_attempts(soci::session& s, db::Backend backend, const std::string& email);
// Records an attempt (a failure until settled) and returns its id.
std::int64_t record_login_attempt(soci::session& s, const std::string& email,
                                  const std::string& remote, const std::string& at, bool success);
void mark_login_attempt_success(soci::session& s, std::int64_t id);
void forget_login_attempt(soci::session& s, std::int64_t id);
struct AttemptCounts {
  int email_failures_hour = 0;         // for this e-mail address in the last hour
  int email_failures_recent = 0;       // since the last success, within the last hour
  std::string last_failure_at;         // ISO time, empty if none
  int remote_failures_recent = 0;      // from this address, any account, last 15 minutes
  std::string last_remote_failure_at;  // ISO time, empty if none
  bool remote_known = false;           // this account logged in from this address lately
};
AttemptCounts count_login_attempts(soci::session& s, const std::string& email,
                                   const std::string& remote, const std::string& hour_ago,
                                   const std::string& quarter_ago, const std::string& known_since);

}  // namespace vigie::accounts::store
