#include "modules/accounts/service.hpp"

#include "db/timestamp.hpp"
#include "kit/errors.hpp"
#include "mail/outbox.hpp"
#include "modules/accounts/store.hpp"
#include "security/password.hpp"
#include "security/session_token.hpp"
#include "security/totp.hpp"

#include <algorithm>
#include <cctype>
#include <regex>

namespace vigie::accounts {

namespace {

using std::chrono::seconds;
using Invalid = kit::FieldErrors;

void fail_if(const Invalid& errors) {
  kit::throw_if_invalid(errors);
}

// A member acting on their own (a login, a logout).
Actor member(std::int64_t user_id, std::int64_t org_id, const std::string& request_id) {
  Actor a = Actor::system(request_id);
  a.user_id = user_id;
  a.org_id = org_id;
  return a;
}

bool valid_email(const std::string& e) {
  static const std::regex re(R"(^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$)");
  return e.size() <= 254 && std::regex_match(e, re);
}

bool valid_territory(const std::string& t) {
  static const std::regex re(R"(^(national|R\d{2}|\d{2}|2A|2B|97\d)$)");
  return std::regex_match(t, re);
}

security::AuditEntry entry(const Actor& a, std::optional<std::int64_t> owner, std::string action,
                           std::string type, std::string id, std::string outcome = "ok",
                           std::string details = "{}") {
  std::optional<std::int64_t> user, org;
  if (!a.is_system()) user = a.user_id;
  if (a.org_id != 0) org = a.org_id;
  if (owner && *owner == 0) owner.reset();
  return {user,
          org,
          owner,
          std::move(action),
          std::move(type),
          std::move(id),
          a.request_id,
          std::move(outcome),
          std::move(details)};
}

// How long a login attempt must wait, in seconds (0: it may proceed).
// - Per account, strict: from the 5th failure since the last success a delay doubling from
//   1 s up to 15 minutes between attempts, and at most 100 failures an hour (ASVS 2.2.1).
// - Per address, gentle: after 50 failures in 15 minutes from one address (credential stuffing),
//   attempts from there wait one more second per further failure, up to 30 s after the
//   address's last failure, so guessing slows to a crawl. Accounts that logged in from that
//   address in the last 30 days are spared, so an office behind one NAT keeps working.
int login_wait(const store::AttemptCounts& counts, std::chrono::system_clock::time_point now) {
  const auto since = [&](const std::string& at) {
    return std::chrono::duration_cast<seconds>(now - db::parse_iso_utc(at)).count();
  };
  long long wait = 0;
  if (counts.email_failures_hour >= 100) wait = 3600;
  if (counts.email_failures_recent >= 5 && !counts.last_failure_at.empty()) {
    const long long delay = std::min(1 << std::min(counts.email_failures_recent - 5, 10), 900);
    wait = std::max(wait, delay - since(counts.last_failure_at));
  }
  if (counts.remote_failures_recent >= 50 && !counts.remote_known &&
      !counts.last_remote_failure_at.empty()) {
    const long long delay = std::min(counts.remote_failures_recent - 49, 30);
    wait = std::max(wait, delay - since(counts.last_remote_failure_at));
  }
  return static_cast<int>(std::max(wait, 0LL));
}

}  // namespace

std::string normalise_email(std::string_view email) {
  auto b = email.find_first_not_of(" \t");
  auto e = email.find_last_not_of(" \t");
  std::string out = b == std::string_view::npos ? "" : std::string(email.substr(b, e - b + 1));
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

Service::Service(db::Database& db, const security::AuditLog& audit,
                 const security::SecretBox& secrets, Clock now, SessionLimits limits)
    : db_(db), audit_(audit), secrets_(secrets), now_(std::move(now)), limits_(limits) {}

Organisation Service::add_organisation(const NewOrganisation& in, const Actor& actor) {
  Invalid errors;
  static const std::regex code_re(R"(^[A-Z0-9][A-Z0-9_-]{1,31}$)");
  if (!std::regex_match(in.code, code_re))
    errors.push_back({"code", "invalid", "2 to 32 upper-case letters, digits, '-' or '_'."});
  if (in.name.empty() || in.name.size() > 200)
    errors.push_back({"name", "required", "A name of 1 to 200 characters is required."});
  auto type = org_type_from(in.type);
  if (!type)
    errors.push_back({"type", "invalid",
                      "One of coordination, ministry, prefecture, parquet, police, association, "
                      "union, independent_body."});
  if (!valid_territory(in.territory))
    errors.push_back({"territory", "invalid",
                      "'national', a region code (R11) or a département code (93, 2A, 974)."});
  fail_if(errors);
  return db_.transact([&](soci::session& s) {
    if (store::find_organisation_by_code(s, in.code))
      fail_if({{"code", "taken", "An organisation already has this code."}});
    Organisation o{0, in.code, in.name, *type, in.territory};
    o.id = store::insert_organisation(s, o, db::iso_utc(now_()));
    audit_.append(s, db_.backend(),
                  entry(actor, o.id, "organisation.create", "organisation", std::to_string(o.id)));
    return o;
  });
}

AddedUser Service::add_user(const NewUser& in, const Actor& actor) {
  Invalid errors;
  const std::string email = normalise_email(in.email);
  if (!valid_email(email))
    errors.push_back({"email", "invalid", "A valid e-mail address is required."});
  if (in.display_name.empty() || in.display_name.size() > 200)
    errors.push_back({"display_name", "required", "A name of 1 to 200 characters is required."});
  auto role = role_from(in.role);
  if (!role)
    errors.push_back({"role", "invalid", "One of viewer, contributor, referent, org_admin."});
  if (auto p = security::password_problem(in.password, email)) {
    const char* msg = *p == "too_short"  ? "At least 12 characters."
                      : *p == "too_long" ? "At most 1024 bytes."
                      : *p == "common"   ? "This password is too common; choose another one."
                                         : "The password must not contain the e-mail address.";
    errors.push_back({"password", *p, msg});
  }
  fail_if(errors);
  const std::string hash = security::hash_password(in.password);  // outside the transaction
  return db_.transact([&](soci::session& s) {
    auto org = store::find_organisation_by_code(s, in.org_code);
    if (!org) fail_if({{"org", "unknown", "No organisation has this code."}});
    if (store::find_user_by_email(s, email))
      fail_if({{"email", "taken", "An account already uses this e-mail address."}});
    User u;
    u.email = email;
    u.display_name = in.display_name;
    u.organisation_id = org->id;
    u.role = *role;
    u.platform_admin = in.platform_admin;
    u.password_hash = hash;
    std::optional<std::string> plain;
    if (requires_totp(org->type) || in.platform_admin) {
      plain = security::new_totp_secret();
      u.totp_secret = secrets_.seal(*plain, kTotpPurpose);
    }
    u.id = store::insert_user(s, u, db::iso_utc(now_()));
    audit_.append(s, db_.backend(),
                  entry(actor, org->id, "user.create", "user", std::to_string(u.id), "ok",
                        "{\"role\":\"" + std::string(to_string(u.role)) + "\"}"));
    return AddedUser{u, plain};
  });
}

void Service::disable_user(const std::string& email_in, const Actor& actor) {
  const std::string email = normalise_email(email_in);
  db_.transact([&](soci::session& s) {
    auto u = store::find_user_by_email(s, email);
    if (!u) fail_if({{"email", "unknown", "No account uses this e-mail address."}});
    const auto at = db::iso_utc(now_());
    store::disable_user(s, u->id, at);
    store::revoke_user_sessions(s, u->id, at);
    audit_.append(s, db_.backend(),
                  entry(actor, u->organisation_id, "user.disable", "user", std::to_string(u->id)));
  });
}

// A valid code that was not used before: each 30-second code opens one login only (ASVS
// 2.8.4), so a code seen over a shoulder or in a log cannot be replayed.
bool Service::fresh_totp(const User& user, const std::string& code,
                         std::chrono::system_clock::time_point now) {
  auto step = security::totp_step(secrets_.open(*user.totp_secret, kTotpPurpose), code,
                                  std::chrono::system_clock::to_time_t(now));
  if (!step) return false;
  return db_.transact([&](soci::session& s) {
    long long uid = user.id, step_v = *step;
    soci::statement update =
        (s.prepare << "UPDATE users SET totp_last_step = :st WHERE id = :u AND (totp_last_step "
                      "IS NULL OR totp_last_step < :st2)",
         soci::use(step_v), soci::use(uid), soci::use(step_v));
    update.execute(true);
    return update.get_affected_rows() == 1;
  });
}

LoginResult Service::login(const LoginInput& in) {
  LoginResult result;
  const std::string email = normalise_email(in.email);
  const auto now = now_();
  const Actor anonymous = Actor::system(in.request_id);

  // Throttling first: a throttled attempt costs no hashing (ASVS 2.2.1, ANSSI). Counting the
  // attempts and recording this one (as a failure until it succeeds) are one step under a lock
  // on the address, so concurrent guesses get no more tries than sequential ones.
  std::int64_t attempt = 0;
  const int wait = db_.transact([&](soci::session& s) {
    store::lock_login_attempts(s, db_.backend(), email);
    const auto counts = store::count_login_attempts(
        s, email, in.remote, db::iso_utc(now - seconds(3600)), db::iso_utc(now - seconds(900)),
        db::iso_utc(now - std::chrono::hours(24 * 30)));
    const int w = login_wait(counts, now);
    if (w == 0) attempt = store::record_login_attempt(s, email, in.remote, db::iso_utc(now), false);
    return w;
  });
  if (wait > 0) {
    result.outcome = LoginResult::Outcome::throttled;
    result.retry_after_seconds = wait;
    return result;
  }

  std::optional<User> user;
  std::optional<Organisation> org;
  db_.read([&](soci::session& s) {
    user = store::find_user_by_email(s, email);
    if (user) org = store::find_organisation(s, user->organisation_id);
  });
  const bool password_ok =
      security::verify_password(user ? user->password_hash : std::string(), in.password);
  const bool usable = password_ok && user && !user->disabled && org;

  if (usable && (requires_totp(org->type) || user->platform_admin) && !user->totp_secret)
    result.outcome = LoginResult::Outcome::totp_enrolment_required;
  else if (usable && user->totp_secret && in.totp.empty())
    result.outcome = LoginResult::Outcome::totp_required;
  else if (usable && user->totp_secret && !fresh_totp(*user, in.totp, now) &&
           !(in.totp.size() == 11 && in.totp[5] == '-' &&
             db_.transact([&](soci::session& s) {  // a recovery code, spent if it matches
               return store::consume_recovery_code(
                   s, user->id, security::hash_session_token(in.totp), db::iso_utc(now));
             })))
    result.outcome = LoginResult::Outcome::invalid;
  else if (usable)
    result.outcome = LoginResult::Outcome::ok;

  const bool ok = result.outcome == LoginResult::Outcome::ok;
  const bool counts_as_failure = result.outcome == LoginResult::Outcome::invalid;
  // The right password of an account with a second factor is the first step of a normal
  // login, not a refusal: the audit trail records the login when the code comes (or its
  // refusal when the code is wrong), so a normal login leaves no "denied" entry.
  if (result.outcome == LoginResult::Outcome::totp_required) return result;
  db_.transact([&](soci::session& s) {
    if (ok)
      store::mark_login_attempt_success(s, attempt);
    else if (!counts_as_failure)  // a right password waiting for its code is no failure
      store::forget_login_attempt(s, attempt);
    Actor actor = anonymous;
    if (user) actor.user_id = user->id, actor.org_id = user->organisation_id;
    if (!ok) {
      audit_.append(s, db_.backend(),
                    entry(actor, actor.org_id, "auth.login", "user",
                          user ? std::to_string(user->id) : "", "denied"));
      return;
    }
  });
  if (ok) return open_session(*user, *org, in.remote, in.user_agent, in.request_id, "password");
  return result;
}

LoginResult Service::open_session(const User& user, const Organisation& org,
                                  const std::string& remote, const std::string& user_agent,
                                  const std::string& request_id, const std::string& method) {
  LoginResult result;
  result.outcome = LoginResult::Outcome::ok;
  result.session_token = security::new_session_token();
  SessionUser su{user, org, security::hash_session_token(result.session_token),
                 security::new_csrf_token()};
  db_.transact([&](soci::session& s) {
    const auto at = db::iso_utc(now_());
    store::insert_session(s, {su.token_hash, user.id, su.csrf_token, at, at, false}, remote,
                          user_agent.substr(0, 300));
    audit_.append(
        s, db_.backend(),
        entry(member(user.id, user.organisation_id, request_id), user.organisation_id, "auth.login",
              "user", std::to_string(user.id), "ok", "{\"method\":\"" + method + "\"}"));
  });
  result.session = std::move(su);
  return result;
}

std::optional<SessionUser> Service::session(const std::string& token) {
  if (token.empty() || token.size() > 100) return std::nullopt;
  const auto hash = security::hash_session_token(token);
  const auto now = now_();
  bool touch = false;
  auto found = db_.read([&](soci::session& s) -> std::optional<SessionUser> {
    auto row = store::find_session(s, hash);
    if (!row || row->revoked) return std::nullopt;
    if (now - db::parse_iso_utc(row->created_at) > limits_.absolute) return std::nullopt;
    if (now - db::parse_iso_utc(row->last_seen_at) > limits_.idle) return std::nullopt;
    auto user = store::find_user(s, row->user_id);
    if (!user || user->disabled) return std::nullopt;
    auto org = store::find_organisation(s, user->organisation_id);
    if (!org) return std::nullopt;
    touch = now - db::parse_iso_utc(row->last_seen_at) > seconds(60);
    return SessionUser{*user, *org, hash, row->csrf_token};
  });
  // Most requests only read; the idle timer is written at most once a minute per session.
  if (found && touch)
    db_.transact([&](soci::session& s) { store::touch_session(s, hash, db::iso_utc(now)); });
  return found;
}

Organisation Service::create_organisation(const Actor& who, const NewOrganisation& in) {
  return add_organisation(in, who);
}

Relations Service::relation_to_organisation(const Actor& who, const std::string& org_code) {
  return db_.read([&](soci::session& s) {
    auto org = store::find_organisation_by_code(s, org_code);
    if (!org) throw kit::NotFound("No organisation with this code.");
    return org->id == who.org_id ? Relations{Relation::own_organisation} : Relations{};
  });
}

Relations Service::relation_to_member(const Actor& who, std::int64_t user_id) {
  return db_.read([&](soci::session& s) {
    auto u = store::find_user(s, user_id);
    if (!u) throw kit::NotFound("No member with this id in your organisation.");
    return u->organisation_id == who.org_id ? Relations{Relation::own_organisation} : Relations{};
  });
}

std::vector<User> Service::members(const std::string& org_code) {
  return db_.read([&](soci::session& s) {
    auto org = store::find_organisation_by_code(s, org_code);
    if (!org) throw kit::NotFound("No organisation with this code.");
    return store::list_members(s, org->id);
  });
}

void Service::disable_member(const Actor& who, std::int64_t user_id) {
  db_.transact([&](soci::session& s) {
    auto u = store::find_user(s, user_id);
    if (!u) throw kit::NotFound("No member with this id in your organisation.");
    if (u->id == who.user_id)
      throw kit::Invalid({{"id", "self", "You cannot disable your own account."}});
    const auto at = db::iso_utc(now_());
    store::disable_user(s, u->id, at);
    store::revoke_user_sessions(s, u->id, at);
    audit_.append(s, db_.backend(),
                  entry(who, u->organisation_id, "user.disable", "user", std::to_string(u->id)));
  });
}

std::vector<Organisation> Service::organisations() {
  return db_.read([](soci::session& s) { return store::list_organisations(s); });
}

std::vector<Service::SessionInfo> Service::sessions_of(const SessionUser& who) {
  const auto now = now_();
  return db_.read([&](soci::session& s) {
    std::vector<SessionInfo> out;
    for (const auto& a : store::list_active_sessions(s, who.user.id)) {
      if (now - db::parse_iso_utc(a.created_at) > limits_.absolute) continue;
      if (now - db::parse_iso_utc(a.last_seen_at) > limits_.idle) continue;
      out.push_back({a.token_hash.substr(0, 16), a.created_at, a.last_seen_at, a.remote,
                     a.user_agent, a.token_hash == who.token_hash});
    }
    return out;
  });
}

kit::FieldErrors password_errors(const std::string& password, const std::string& email) {
  const auto p = security::password_problem(password, email);
  if (!p) return {};
  const char* msg = *p == "too_short"  ? "At least 12 characters."
                    : *p == "too_long" ? "At most 1024 bytes."
                    : *p == "common"   ? "This password is too common; choose another one."
                                       : "The password must not contain the e-mail address.";
  return {{"password", *p, msg}};
}

void Service::change_password(const SessionUser& who, const std::string& current,
                              const std::string& next, const std::string& remote,
                              const std::string& request_id) {
  kit::FieldErrors missing;
  if (current.empty()) missing.push_back({"current_password", "required", "The current password."});
  if (next.empty()) missing.push_back({"password", "required", "The new password."});
  if (!missing.empty()) throw kit::Invalid(std::move(missing));
  const auto now = now_();
  const std::string& email = who.user.email;
  std::int64_t attempt = 0;
  const int wait = db_.transact([&](soci::session& s) {
    store::lock_login_attempts(s, db_.backend(), email);
    const auto counts = store::count_login_attempts(
        s, email, remote, db::iso_utc(now - seconds(3600)), db::iso_utc(now - seconds(900)),
        db::iso_utc(now - std::chrono::hours(24 * 30)));
    const int w = login_wait(counts, now);
    if (w == 0) attempt = store::record_login_attempt(s, email, remote, db::iso_utc(now), false);
    return w;
  });
  if (wait > 0) throw kit::Throttled(wait, "Too many wrong passwords: try again later.");
  std::optional<User> user;
  db_.read([&](soci::session& s) { user = store::find_user(s, who.user.id); });
  if (!user) throw kit::Unauthenticated("Log in again.");
  const bool right = security::verify_password(user->password_hash, current);
  const Actor actor = member(who.user.id, who.organisation.id, request_id);
  if (!right) {
    db_.transact([&](soci::session& s) {
      audit_.append(s, db_.backend(),
                    entry(actor, who.organisation.id, "user.password_change", "user",
                          std::to_string(who.user.id), "denied"));
    });
    throw kit::Invalid(
        {{"current_password", "wrong", "This is not the account's current password."}});
  }
  auto errors = password_errors(next, email);
  if (errors.empty() && next == current)
    errors.push_back({"password", "same", "Choose a password other than the current one."});
  // The right current password settles the attempt, whatever the new one.
  db_.transact([&](soci::session& s) { store::mark_login_attempt_success(s, attempt); });
  if (!errors.empty()) throw kit::Invalid(std::move(errors));
  const std::string hash = security::hash_password(next);
  db_.transact([&](soci::session& s) {
    const auto at = db::iso_utc(now_());
    long long uid = who.user.id;
    s << "UPDATE users SET password_hash = :p WHERE id = :u", soci::use(hash), soci::use(uid);
    store::revoke_other_sessions(s, who.user.id, who.token_hash, at);
    mail::enqueue(s, {email, "Votre mot de passe Vigie a été changé",
                      "Bonjour,\n\nLe mot de passe de votre compte Vigie a été changé le " +
                          at.substr(0, 10) + " à " + at.substr(11, 5) +
                          " (UTC) ; vos autres sessions ont été fermées.\n\nSi ce n'est pas "
                          "vous, demandez un nouveau mot de passe depuis la page de connexion "
                          "(« Mot de passe oublié ? ») et prévenez l'administrateur de votre "
                          "organisation.\n\n— Vigie\n"});
    audit_.append(s, db_.backend(),
                  entry(actor, who.organisation.id, "user.password_change", "user",
                        std::to_string(who.user.id), "ok"));
  });
}

std::optional<std::string> Service::previous_visit(const SessionUser& who) {
  return db_.read([&](soci::session& s) { return store::previous_visit(s, who.token_hash); });
}

void Service::set_language(const Actor& who, const std::string& language) {
  if (language != "fr" && language != "en")
    throw kit::Invalid({{"language", "invalid", "French (fr) or English (en)."}});
  db_.transact([&](soci::session& s) {
    store::set_user_language(s, who.user_id, language);
    audit_.append(s, db_.backend(),
                  entry(who, who.org_id, "user.language", "user", std::to_string(who.user_id), "ok",
                        "{\"language\":\"" + language + "\"}"));
  });
}

bool Service::revoke_own_session(const SessionUser& who, const std::string& id,
                                 const std::string& request_id) {
  if (id.size() != 16) return false;
  return db_.transact([&](soci::session& s) {
    for (const auto& a : store::list_active_sessions(s, who.user.id)) {
      if (a.token_hash.compare(0, 16, id) != 0) continue;
      store::revoke_session(s, a.token_hash, db::iso_utc(now_()));
      audit_.append(s, db_.backend(),
                    entry(member(who.user.id, who.organisation.id, request_id), who.organisation.id,
                          "session.revoke", "session", id));
      return true;
    }
    return false;
  });
}

void Service::logout(const SessionUser& who, const std::string& request_id) {
  db_.transact([&](soci::session& s) {
    store::revoke_session(s, who.token_hash, db::iso_utc(now_()));
    audit_.append(s, db_.backend(),
                  entry(member(who.user.id, who.organisation.id, request_id), who.organisation.id,
                        "auth.logout", "user", std::to_string(who.user.id)));
  });
}

}  // namespace vigie::accounts
