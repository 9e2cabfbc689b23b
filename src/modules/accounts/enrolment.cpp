#include "modules/accounts/enrolment.hpp"

#include "db/row.hpp"
#include "db/timestamp.hpp"
#include "kit/errors.hpp"
#include "mail/outbox.hpp"
#include "modules/accounts/store.hpp"
#include "security/password.hpp"
#include "security/qr_svg.hpp"
#include "security/session_token.hpp"
#include "security/totp.hpp"

#include <regex>

namespace vigie::accounts {

namespace {

using std::chrono::hours;
using std::chrono::minutes;

[[noreturn]] void invalid(kit::FieldErrors errors) {
  throw kit::Invalid(std::move(errors));
}

void check_password(const std::string& password, const std::string& email) {
  if (auto e = password_errors(password, email); !e.empty()) invalid(std::move(e));
}

security::AuditEntry entry(std::optional<std::int64_t> user, std::optional<std::int64_t> org,
                           std::optional<std::int64_t> owner, std::string action, std::string type,
                           std::string id, const std::string& request_id) {
  return {user,       org,  owner, std::move(action), std::move(type), std::move(id),
          request_id, "ok", "{}"};
}

}  // namespace

Enrolment::Enrolment(db::Database& db, const security::AuditLog& audit,
                     const security::SecretBox& secrets, std::string public_url, Clock now)
    : db_(db),
      audit_(audit),
      secrets_(secrets),
      public_url_(std::move(public_url)),
      now_(std::move(now)) {
  while (!public_url_.empty() && public_url_.back() == '/') public_url_.pop_back();
}

void Enrolment::invite(const Actor& who, const NewInvitation& in) {
  const auto& request_id = who.request_id;
  const std::string email = normalise_email(in.email);
  kit::FieldErrors errors;
  static const std::regex email_re(R"(^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$)");
  if (!std::regex_match(email, email_re))
    errors.push_back({"email", "invalid", "A valid e-mail address is required."});
  auto role = role_from(in.role);
  if (!role)
    errors.push_back({"role", "invalid", "One of viewer, contributor, referent, org_admin."});
  if (in.display_name.size() > 200)
    errors.push_back({"display_name", "too_long", "At most 200 characters."});
  if (!errors.empty()) invalid(errors);
  const std::string token = security::new_session_token();
  db_.transact([&](soci::session& s) {
    auto org = in.org_code.empty() ? store::find_organisation(s, who.org_id)
                                   : store::find_organisation_by_code(s, in.org_code);
    if (!org) invalid({{"org", "unknown", "No organisation has this code."}});
    const auto relation =
        org->id == who.org_id ? Relations{Relation::own_organisation} : Relations{};
    if (!allowed(who, "user.invite", relation))
      throw kit::Forbidden(
          "Only the organisation's administrators (or platform "
          "administrators) may invite members.");
    const auto now = now_();
    // An address that already has an account gets the same answer as any other (no account
    // enumeration by inviting): its owner is told by e-mail instead, and nothing is created.
    if (const auto existing = store::find_user_by_email(s, email)) {
      const auto inviter_org = store::find_organisation(s, who.org_id);
      mail::enqueue(
          s, {email, "Invitation à rejoindre Vigie",
              "Bonjour,\n\n" + (inviter_org ? inviter_org->name : std::string("Une organisation")) +
                  " a voulu vous inviter à rejoindre Vigie pour l'organisation « " + org->name +
                  " ». Vous avez déjà un compte Vigie avec cette adresse : connectez-vous sur " +
                  public_url_ +
                  "/connexion (mot de passe oublié ? demandez un nouveau lien depuis cette "
                  "page).\n\nSi vous n'attendiez pas cette invitation, ignorez ce message.\n\n"
                  "— Vigie\n"});
      audit_.append(s, db_.backend(),
                    entry(who.user_id, who.org_id, org->id, "user.invite", "invitation",
                          security::hash_session_token(token).substr(0, 16), request_id));
      return;
    }
    const std::string hash = security::hash_session_token(token), created = db::iso_utc(now),
                      expires = db::iso_utc(now + hours(24 * 7)), role_text(to_string(*role));
    long long org_id = org->id, by = who.user_id;
    const auto inviter = store::find_user(s, who.user_id);
    const auto inviter_org = store::find_organisation(s, who.org_id);
    const std::string inviter_name = inviter ? inviter->display_name : std::string();
    const std::string inviter_org_name = inviter_org ? inviter_org->name : std::string();
    s << "INSERT INTO invitations (token_hash, email, display_name, organisation_id, role, "
         "invited_by, created_at, expires_at) VALUES (:h, :e, :d, :o, :r, :b, :c, :x)",
        soci::use(hash), soci::use(email), soci::use(in.display_name), soci::use(org_id),
        soci::use(role_text), soci::use(by), soci::use(created), soci::use(expires);
    mail::enqueue(s, {email, "Invitation à rejoindre Vigie",
                      "Bonjour,\n\n" + inviter_name + " (" + inviter_org_name +
                          ") vous invite à rejoindre Vigie, la plateforme de suivi du plan "
                          "national contre la traite des êtres humains, pour l'organisation « " +
                          org->name +
                          " ».\n\nPour créer votre compte, ouvrez ce lien dans les "
                          "7 jours (il ne sert qu'une fois) :\n" +
                          public_url_ + "/invitation/" + token +
                          "\n\nSi vous n'attendiez pas cette invitation, ignorez ce "
                          "message.\n\n— Vigie\n"});
    audit_.append(s, db_.backend(),
                  entry(who.user_id, who.org_id, org->id, "user.invite", "invitation",
                        hash.substr(0, 16), request_id));
  });
}

std::optional<InvitationInfo> Enrolment::invitation(const std::string& token) {
  if (token.size() > 100) return std::nullopt;
  const std::string hash = security::hash_session_token(token), now = db::iso_utc(now_());
  return db_.transact([&](soci::session& s) -> std::optional<InvitationInfo> {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT i.email, i.display_name, o.name, i.role, o.type FROM invitations i "
                      "JOIN organisations o ON o.id = i.organisation_id WHERE i.token_hash = :h "
                      "AND i.used_at IS NULL AND i.expires_at > :n",
         soci::use(hash), soci::use(now));
    for (const auto& r : rows)
      return InvitationInfo{
          r.get<std::string>(0), r.get<std::string>(1), r.get<std::string>(2),
          r.get<std::string>(3),
          requires_totp(org_type_from(r.get<std::string>(4)).value_or(OrgType::association))};
    return std::nullopt;
  });
}

Accepted Enrolment::accept(const std::string& token, const std::string& display_name,
                           const std::string& password, const std::string& request_id) {
  auto info = invitation(token);
  if (!info) throw kit::NotFound("This invitation does not exist, was used or has expired.");
  check_password(password, info->email);
  if (display_name.size() > 200) invalid({{"display_name", "too_long", "At most 200 characters."}});
  const std::string hash = security::hash_password(password);
  const std::string token_hash = security::hash_session_token(token);
  Accepted out = db_.transact([&](soci::session& s) {
    long long org_id = 0;
    std::string role, stored_name;
    s << "SELECT organisation_id, role, display_name FROM invitations WHERE token_hash = :h AND "
         "used_at IS NULL",
        soci::use(token_hash), soci::into(org_id), soci::into(role), soci::into(stored_name);
    if (!s.got_data()) throw kit::NotFound("This invitation was used in the meantime.");
    auto org = store::find_organisation(s, org_id);
    if (store::find_user_by_email(s, info->email))
      invalid({{"email", "taken", "An account already uses this e-mail address."}});
    User u;
    u.email = info->email;
    u.display_name = !display_name.empty()  ? display_name
                     : !stored_name.empty() ? stored_name
                                            : info->email;
    u.organisation_id = org_id;
    u.role = role_from(role).value_or(Role::viewer);
    u.password_hash = hash;
    std::optional<std::string> plain;
    if (requires_totp(org->type)) {
      plain = security::new_totp_secret();
      u.totp_secret = secrets_.seal(*plain, kTotpPurpose);
    }
    u.id = store::insert_user(s, u, db::iso_utc(now_()));
    const auto at = db::iso_utc(now_());
    s << "UPDATE invitations SET used_at = :at WHERE token_hash = :h", soci::use(at),
        soci::use(token_hash);
    audit_.append(
        s, db_.backend(),
        entry(u.id, org_id, org_id, "user.create", "user", std::to_string(u.id), request_id));
    return Accepted{u, *org, plain, "", ""};
  });
  if (out.totp_secret) {
    out.totp_uri = security::totp_uri(*out.totp_secret, out.user.email);
    out.totp_qr_svg = security::qr_svg(out.totp_uri);
  }
  return out;
}

// The same answer, and the same work, whatever the address: every request is recorded (the
// address hashed) and leaves an audit entry in one committed transaction. An address with an
// enabled account gets an e-mail, at most kResetsPerHour an hour, and only the newest link
// works; for any other address a decoy of the e-mail's size is written instead.
void Enrolment::request_password_reset(const std::string& email_in, const std::string& request_id) {
  constexpr int kResetsPerHour = 3;
  const std::string email = normalise_email(email_in);
  const std::string token = security::new_session_token();
  const std::string email_hash = security::hash_session_token("password-reset:" + email);
  const mail::Message message{
      email, "Réinitialisation de votre mot de passe Vigie",
      "Bonjour,\n\nUne réinitialisation du mot de passe de votre compte Vigie a "
      "été demandée. Pour choisir un nouveau mot de passe, ouvrez ce lien dans "
      "les 30 minutes (il ne sert qu'une fois) :\n" +
          public_url_ + "/mot-de-passe/" + token +
          "\n\nSi vous n'êtes pas à l'origine de cette demande, ignorez ce "
          "message : votre mot de passe reste inchangé.\n\n— Vigie\n"};
  db_.transact([&](soci::session& s) {
    const auto now = now_();
    const std::string created = db::iso_utc(now), hour_ago = db::iso_utc(now - hours(1));
    int recent = 0;
    s << "SELECT count(*) FROM password_reset_requests WHERE email_hash = :e AND created_at > :h",
        soci::use(email_hash), soci::use(hour_ago), soci::into(recent);
    auto user = store::find_user_by_email(s, email);
    const bool send = user && !user->disabled && recent < kResetsPerHour;
    const std::string decoy(send ? 0 : message.body.size(), '.');
    soci::indicator decoy_ind = send ? soci::i_null : soci::i_ok;
    s << "INSERT INTO password_reset_requests (email_hash, created_at, decoy) VALUES (:e, :c, :d)",
        soci::use(email_hash), soci::use(created), soci::use(decoy, decoy_ind);
    if (send) {
      const std::string hash = security::hash_session_token(token),
                        expires = db::iso_utc(now + minutes(30));
      long long uid = user->id;
      s << "UPDATE password_resets SET used_at = :c WHERE user_id = :u AND used_at IS NULL",
          soci::use(created), soci::use(uid);
      s << "INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (:h, "
           ":u, :c, :x)",
          soci::use(hash), soci::use(uid), soci::use(created), soci::use(expires);
      mail::enqueue(s, message);
    }
    audit_.append(s, db_.backend(),
                  {std::nullopt, std::nullopt,
                   user ? std::optional<std::int64_t>(user->organisation_id) : std::nullopt,
                   "user.password_reset_request", "user", user ? std::to_string(user->id) : "",
                   request_id, send ? "ok" : "not_sent", "{}"});
  });
}

void Enrolment::reset_password(const std::string& token, const std::string& password,
                               const std::string& request_id) {
  const std::string token_hash = security::hash_session_token(token), now = db::iso_utc(now_());
  std::optional<User> user;
  db_.transact([&](soci::session& s) {
    long long uid = 0;
    s << "SELECT user_id FROM password_resets WHERE token_hash = :h AND used_at IS NULL AND "
         "expires_at > :n",
        soci::use(token_hash), soci::use(now), soci::into(uid);
    if (s.got_data()) user = store::find_user(s, uid);
  });
  if (!user || user->disabled)
    throw kit::NotFound("This link does not exist, was used or has expired.");
  check_password(password, user->email);
  const std::string hash = security::hash_password(password);
  db_.transact([&](soci::session& s) {
    long long uid = user->id;
    s << "UPDATE password_resets SET used_at = :n WHERE token_hash = :h AND used_at IS NULL",
        soci::use(now), soci::use(token_hash);
    s << "UPDATE users SET password_hash = :p WHERE id = :u", soci::use(hash), soci::use(uid);
    store::revoke_user_sessions(s, user->id, now);
    audit_.append(s, db_.backend(),
                  entry(user->id, user->organisation_id, user->organisation_id,
                        "user.password_reset", "user", std::to_string(user->id), request_id));
  });
}

}  // namespace vigie::accounts
