#include "modules/accounts/store.hpp"

#include "db/row.hpp"

namespace vigie::accounts::store {

namespace {

Organisation org_from(const soci::row& r) {
  Organisation o;
  o.id = db::row_int(r, 0);
  o.code = r.get<std::string>(1);
  o.name = r.get<std::string>(2);
  o.type = org_type_from(r.get<std::string>(3)).value_or(OrgType::association);
  o.territory = r.get<std::string>(4);
  return o;
}

User user_from(const soci::row& r) {
  User u;
  u.id = db::row_int(r, 0);
  u.email = r.get<std::string>(1);
  u.display_name = r.get<std::string>(2);
  u.organisation_id = db::row_int(r, 3);
  u.role = role_from(r.get<std::string>(4)).value_or(Role::viewer);
  u.platform_admin = db::row_int(r, 5) != 0;
  u.password_hash = r.get<std::string>(6);
  if (r.get_indicator(7) == soci::i_ok) u.totp_secret = r.get<std::string>(7);
  u.disabled = r.get_indicator(8) == soci::i_ok;
  if (r.get_indicator(9) == soci::i_ok) u.language = r.get<std::string>(9);
  return u;
}

constexpr const char* kOrgColumns = "SELECT id, code, name, type, territory FROM organisations ";
constexpr const char* kUserColumns =
    "SELECT id, email, display_name, organisation_id, role, platform_admin, password_hash, "
    "totp_secret, disabled_at, language FROM users ";

template <class T, class F, class Arg>
std::optional<T> first(soci::session& s, const std::string& sql, F convert, const Arg& arg) {
  soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(arg));
  for (const auto& r : rows) return convert(r);
  return std::nullopt;
}

}  // namespace

std::optional<Organisation> find_organisation(soci::session& s, std::int64_t id) {
  long long v = id;
  return first<Organisation>(s, std::string(kOrgColumns) + "WHERE id = :id", org_from, v);
}

std::optional<Organisation> find_organisation_by_code(soci::session& s, const std::string& code) {
  return first<Organisation>(s, std::string(kOrgColumns) + "WHERE code = :c", org_from, code);
}

std::vector<Organisation> list_organisations(soci::session& s) {
  std::vector<Organisation> out;
  soci::rowset<soci::row> rows = (s.prepare << std::string(kOrgColumns) + "ORDER BY name");
  for (const auto& r : rows) out.push_back(org_from(r));
  return out;
}

std::int64_t insert_organisation(soci::session& s, const Organisation& o, const std::string& at) {
  long long id = 0;
  const std::string type(to_string(o.type));
  s << "INSERT INTO organisations (code, name, type, territory, created_at) "
       "VALUES (:c, :n, :t, :ter, :at) RETURNING id",
      soci::use(o.code), soci::use(o.name), soci::use(type), soci::use(o.territory), soci::use(at),
      soci::into(id);
  return id;
}

std::optional<User> find_user(soci::session& s, std::int64_t id) {
  long long v = id;
  return first<User>(s, std::string(kUserColumns) + "WHERE id = :id", user_from, v);
}

std::vector<User> list_members(soci::session& s, std::int64_t organisation_id) {
  long long v = organisation_id;
  std::vector<User> out;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string(kUserColumns) + "WHERE organisation_id = :o ORDER BY email",
       soci::use(v));
  for (const auto& r : rows) out.push_back(user_from(r));
  return out;
}

std::optional<User> find_user_by_email(soci::session& s, const std::string& email) {
  return first<User>(s, std::string(kUserColumns) + "WHERE email = :e", user_from, email);
}

std::int64_t insert_user(soci::session& s, const User& u, const std::string& at) {
  long long id = 0, org = u.organisation_id;
  int admin = u.platform_admin ? 1 : 0;
  const std::string role(to_string(u.role));
  std::string secret = u.totp_secret.value_or("");
  soci::indicator secret_ind = u.totp_secret ? soci::i_ok : soci::i_null;
  s << "INSERT INTO users (email, display_name, organisation_id, role, platform_admin, "
       "password_hash, totp_secret, created_at) VALUES (:e, :d, :o, :r, :a, :p, :t, :at) "
       "RETURNING id",
      soci::use(u.email), soci::use(u.display_name), soci::use(org), soci::use(role),
      soci::use(admin), soci::use(u.password_hash), soci::use(secret, secret_ind), soci::use(at),
      soci::into(id);
  return id;
}

void disable_user(soci::session& s, std::int64_t id, const std::string& at) {
  long long v = id;
  s << "UPDATE users SET disabled_at = :at WHERE id = :id AND disabled_at IS NULL", soci::use(at),
      soci::use(v);
}

void insert_session(soci::session& s, const SessionRow& row, const std::string& remote,
                    const std::string& user_agent) {
  long long user = row.user_id;
  s << "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, remote, "
       "user_agent) VALUES (:h, :u, :c, :cr, :ls, :r, :ua)",
      soci::use(row.token_hash), soci::use(user), soci::use(row.csrf_token),
      soci::use(row.created_at), soci::use(row.last_seen_at), soci::use(remote),
      soci::use(user_agent);
}

std::optional<SessionRow> find_session(soci::session& s, const std::string& token_hash) {
  return first<SessionRow>(
      s,
      "SELECT token_hash, user_id, csrf_token, created_at, last_seen_at, revoked_at FROM sessions "
      "WHERE token_hash = :h",
      [](const soci::row& r) {
        SessionRow row;
        row.token_hash = r.get<std::string>(0);
        row.user_id = db::row_int(r, 1);
        row.csrf_token = r.get<std::string>(2);
        row.created_at = r.get<std::string>(3);
        row.last_seen_at = r.get<std::string>(4);
        row.revoked = r.get_indicator(5) == soci::i_ok;
        return row;
      },
      token_hash);
}

void touch_session(soci::session& s, const std::string& token_hash, const std::string& at) {
  s << "UPDATE sessions SET last_seen_at = :at WHERE token_hash = :h", soci::use(at),
      soci::use(token_hash);
}

void revoke_session(soci::session& s, const std::string& token_hash, const std::string& at) {
  s << "UPDATE sessions SET revoked_at = :at WHERE token_hash = :h AND revoked_at IS NULL",
      soci::use(at), soci::use(token_hash);
}

void revoke_user_sessions(soci::session& s, std::int64_t user_id, const std::string& at) {
  long long v = user_id;
  s << "UPDATE sessions SET revoked_at = :at WHERE user_id = :u AND revoked_at IS NULL",
      soci::use(at), soci::use(v);
}

std::optional<std::string> previous_visit(soci::session& s, const std::string& token_hash) {
  std::string at;
  soci::indicator ind = soci::i_null;
  s << "SELECT MAX(o.last_seen_at) FROM sessions o JOIN sessions c ON c.user_id = o.user_id "
       "WHERE c.token_hash = :h AND o.token_hash <> c.token_hash AND o.created_at <= c.created_at",
      soci::use(token_hash), soci::into(at, ind);
  if (!s.got_data() || ind != soci::i_ok) return std::nullopt;
  return at;
}

void revoke_other_sessions(soci::session& s, std::int64_t user_id, const std::string& keep,
                           const std::string& at) {
  long long v = user_id;
  s << "UPDATE sessions SET revoked_at = :at WHERE user_id = :u AND revoked_at IS NULL AND "
       "token_hash <> :k",
      soci::use(at), soci::use(v), soci::use(keep);
}

std::vector<ActiveSession> list_active_sessions(soci::session& s, std::int64_t user_id) {
  long long v = user_id;
  std::vector<ActiveSession> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT token_hash, created_at, last_seen_at, remote, user_agent FROM sessions "
                    "WHERE user_id = :u AND revoked_at IS NULL ORDER BY last_seen_at DESC",
       soci::use(v));
  for (const auto& r : rows)
    out.push_back({r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
                   r.get<std::string>(3), r.get<std::string>(4)});
  return out;
}

bool consume_recovery_code(soci::session& s, std::int64_t user_id, const std::string& code_hash,
                           const std::string& at) {
  long long uid = user_id, id = 0;
  s << "SELECT id FROM recovery_codes WHERE user_id = :u AND code_hash = :h AND used_at IS NULL",
      soci::use(uid), soci::use(code_hash), soci::into(id);
  if (!s.got_data()) return false;
  s << "UPDATE recovery_codes SET used_at = :at WHERE id = :id", soci::use(at), soci::use(id);
  return true;
}

void lock_login_attempts(soci::session& s, db::Backend backend, const std::string& email) {
  if (backend != db::Backend::postgresql) return;  // BEGIN IMMEDIATE holds the database
  s << "SELECT pg_advisory_xact_lock(hashtext(:e))", soci::use(email);
}

std::int64_t record_login_attempt(soci::session& s, const std::string& email,
                                  const std::string& remote, const std::string& at, bool success) {
  int ok = success ? 1 : 0;
  long long id = 0;
  s << "INSERT INTO login_attempts (email, remote, at, success) VALUES (:e, :r, :at, :s) "
       "RETURNING id",
      soci::use(email), soci::use(remote), soci::use(at), soci::use(ok), soci::into(id);
  return id;
}

void mark_login_attempt_success(soci::session& s, std::int64_t id) {
  long long v = id;
  s << "UPDATE login_attempts SET success = 1 WHERE id = :id", soci::use(v);
}

void forget_login_attempt(soci::session& s, std::int64_t id) {
  long long v = id;
  s << "DELETE FROM login_attempts WHERE id = :id", soci::use(v);
}

AttemptCounts count_login_attempts(soci::session& s, const std::string& email,
                                   const std::string& remote, const std::string& hour_ago,
                                   const std::string& quarter_ago, const std::string& known_since) {
  AttemptCounts c;
  s << "SELECT count(*) FROM login_attempts WHERE email = :e AND success = 0 AND at >= :since",
      soci::use(email), soci::use(hour_ago), soci::into(c.email_failures_hour);
  std::string last_success;
  soci::indicator ind = soci::i_null;
  s << "SELECT MAX(at) FROM login_attempts WHERE email = :e AND success = 1", soci::use(email),
      soci::into(last_success, ind);
  const std::string since = ind == soci::i_ok && last_success > hour_ago ? last_success : hour_ago;
  s << "SELECT count(*) FROM login_attempts WHERE email = :e AND success = 0 AND at >= :since",
      soci::use(email), soci::use(since), soci::into(c.email_failures_recent);
  soci::indicator lind = soci::i_null;
  s << "SELECT MAX(at) FROM login_attempts WHERE email = :e AND success = 0", soci::use(email),
      soci::into(c.last_failure_at, lind);
  if (lind != soci::i_ok) c.last_failure_at.clear();
  s << "SELECT count(*) FROM login_attempts WHERE remote = :r AND success = 0 AND at >= :since",
      soci::use(remote), soci::use(quarter_ago), soci::into(c.remote_failures_recent);
  soci::indicator rind = soci::i_null;
  s << "SELECT MAX(at) FROM login_attempts WHERE remote = :r AND success = 0", soci::use(remote),
      soci::into(c.last_remote_failure_at, rind);
  if (rind != soci::i_ok) c.last_remote_failure_at.clear();
  int known = 0;
  s << "SELECT count(*) FROM login_attempts WHERE email = :e AND remote = :r AND success = 1 AND "
       "at >= :since",
      soci::use(email), soci::use(remote), soci::use(known_since), soci::into(known);
  c.remote_known = known > 0;
  return c;
}

void set_user_language(soci::session& s, std::int64_t user_id, const std::string& language) {
  long long id = user_id;
  s << "UPDATE users SET language = :l WHERE id = :id", soci::use(language), soci::use(id);
}

}  // namespace vigie::accounts::store
