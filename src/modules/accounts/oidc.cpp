#include "modules/accounts/oidc.hpp"

#include "db/timestamp.hpp"
#include "modules/accounts/store.hpp"
#include "outbound/http_client.hpp"
#include "security/session_token.hpp"
#include "text/json_fields.hpp"

#include <sodium.h>
#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <cstring>

namespace vigie::accounts {

namespace {

// What a sealed PKCE verifier is sealed for (oidc_logins.code_verifier).
constexpr std::string_view kVerifierPurpose = "oidc_logins.code_verifier";

std::string b64url(const unsigned char* data, std::size_t n) {
  std::string out(sodium_base64_ENCODED_LEN(n, sodium_base64_VARIANT_URLSAFE_NO_PADDING), '\0');
  sodium_bin2base64(out.data(), out.size(), data, n, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(std::strlen(out.c_str()));
  return out;
}

std::optional<boost::json::object> jwt_payload(const std::string& jwt) {
  auto a = jwt.find('.'), b = jwt.find('.', a + 1);
  if (a == std::string::npos || b == std::string::npos) return std::nullopt;
  const std::string part = jwt.substr(a + 1, b - a - 1);
  std::string bin(part.size(), '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(bin.data()), bin.size(), part.data(),
                        part.size(), nullptr, &len, nullptr,
                        sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
    return std::nullopt;
  bin.resize(len);
  boost::system::error_code ec;
  auto v = boost::json::parse(bin, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return v.as_object();
}

}  // namespace

OidcLogin::OidcLogin(db::Database& db, Service& accounts, OidcSettings settings, Clock now)
    : db_(db), accounts_(accounts), settings_(std::move(settings)), now_(std::move(now)) {}

OidcLogin::Discovery OidcLogin::discovery() {
  std::lock_guard lock(mu_);
  if (discovery_) return *discovery_;
  auto r = outbound::get(settings_.issuer + "/.well-known/openid-configuration");
  if (r.status != 200)
    throw std::runtime_error("OpenID discovery answered " + std::to_string(r.status));
  auto doc = boost::json::parse(r.body).as_object();
  Discovery d{
      text::string_member(doc, "issuer"), text::string_member(doc, "authorization_endpoint"),
      text::string_member(doc, "token_endpoint"), text::string_member(doc, "userinfo_endpoint")};
  if (d.issuer != settings_.issuer)
    throw std::runtime_error("the provider's issuer " + d.issuer + " is not the configured one");
  discovery_ = d;
  return d;
}

std::string OidcLogin::start() {
  const auto d = discovery();
  const std::string state = security::new_session_token(), nonce = security::new_session_token(),
                    verifier = security::new_session_token() + security::new_session_token();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(verifier.data()),
                     verifier.size());
  const std::string challenge = b64url(digest, sizeof digest);
  db_.transact([&](soci::session& s) {
    const auto now = now_();
    const std::string old = db::iso_utc(now - std::chrono::minutes(10)), at = db::iso_utc(now),
                      hash = security::hash_session_token(state),
                      sealed = accounts_.secrets().seal(verifier, kVerifierPurpose);
    s << "DELETE FROM oidc_logins WHERE created_at < :old", soci::use(old);
    s << "INSERT INTO oidc_logins (state_hash, code_verifier, nonce, created_at) VALUES (:h, :v, "
         ":n, :c)",
        soci::use(hash), soci::use(sealed), soci::use(nonce), soci::use(at);
  });
  using outbound::url_encode;
  return d.authorization_endpoint +
         (d.authorization_endpoint.find('?') == std::string::npos ? "?" : "&") +
         "response_type=code&client_id=" + url_encode(settings_.client_id) +
         "&redirect_uri=" + url_encode(settings_.redirect_url) +
         "&scope=" + url_encode("openid email given_name usual_name") +
         "&state=" + url_encode(state) + "&nonce=" + url_encode(nonce) +
         "&code_challenge=" + challenge + "&code_challenge_method=S256";
}

OidcLogin::Finished OidcLogin::finish(const std::string& code, const std::string& state,
                                      const std::string& remote, const std::string& user_agent,
                                      const std::string& request_id) {
  Finished out;
  // 1. The state must be one we issued, in the last 10 minutes, and is spent now.
  std::string verifier, nonce;
  bool found = db_.transact([&](soci::session& s) {
    const std::string hash = security::hash_session_token(state),
                      old = db::iso_utc(now_() - std::chrono::minutes(10));
    s << "SELECT code_verifier, nonce FROM oidc_logins WHERE state_hash = :h AND created_at >= :o",
        soci::use(hash), soci::use(old), soci::into(verifier), soci::into(nonce);
    bool got = s.got_data();
    if (got) verifier = accounts_.secrets().open(verifier, kVerifierPurpose);
    s << "DELETE FROM oidc_logins WHERE state_hash = :h", soci::use(hash);
    return got;
  });
  if (!found || code.empty()) return {{}, "state"};

  // 2. The code, with the PKCE verifier, for tokens — directly from the provider over its
  // authenticated channel (OpenID Connect Core §3.1.3.7).
  const auto d = discovery();
  auto tr = outbound::post_form(d.token_endpoint,
                                {{"grant_type", "authorization_code"},
                                 {"code", code},
                                 {"redirect_uri", settings_.redirect_url},
                                 {"code_verifier", verifier}},
                                settings_.client_id, settings_.client_secret);
  if (tr.status != 200) {
    spdlog::warn("OpenID token endpoint answered {}", tr.status);
    return {{}, "token"};
  }
  auto tokens = boost::json::parse(tr.body).as_object();
  auto claims = jwt_payload(text::string_member(tokens, "id_token"));
  if (!claims) return {{}, "token"};

  // 3. The ID token must be for us, from this issuer, fresh, and carry our nonce.
  const auto now_s =
      std::chrono::duration_cast<std::chrono::seconds>(now_().time_since_epoch()).count();
  bool aud_ok = false;
  if (const auto* aud = claims->if_contains("aud")) {
    if (aud->is_string()) aud_ok = aud->as_string() == settings_.client_id;
    if (aud->is_array())
      for (const auto& a : aud->as_array())
        aud_ok |= a.is_string() && a.as_string() == settings_.client_id;
  }
  const auto* exp = claims->if_contains("exp");
  if (text::string_member(*claims, "iss") != d.issuer || !aud_ok || !exp || !exp->is_number() ||
      exp->to_number<double>() < static_cast<double>(now_s) ||
      text::string_member(*claims, "nonce") != nonce)
    return {{}, "claims"};

  // 4. The e-mail address: in the ID token, or from userinfo (plain JSON or a JWT).
  boost::json::object info = *claims;
  if (text::string_member(info, "email").empty() && !d.userinfo_endpoint.empty()) {
    auto ui = outbound::get(d.userinfo_endpoint, {"Authorization: Bearer " +
                                                  text::string_member(tokens, "access_token")});
    if (ui.status == 200) {
      boost::system::error_code ec;
      auto v = boost::json::parse(ui.body, ec);
      if (!ec && v.is_object())
        info = v.as_object();
      else if (auto p = jwt_payload(ui.body))
        info = *p;
    }
  }
  const std::string email = normalise_email(text::string_member(info, "email"));
  const auto* verified = info.if_contains("email_verified");
  const bool email_ok =
      !email.empty() &&
      (settings_.trust_email || (verified && verified->is_bool() && verified->as_bool()));
  if (!email_ok) return {{}, "claims"};

  // 5. An invited, enabled account; with a second factor from the provider when required.
  std::optional<User> user;
  std::optional<Organisation> org;
  db_.transact([&](soci::session& s) {
    user = store::find_user_by_email(s, email);
    if (user) org = store::find_organisation(s, user->organisation_id);
  });
  if (!user || user->disabled || !org) return {{}, "unknown-account"};
  if (requires_totp(org->type) || user->platform_admin) {
    bool mfa = false;
    if (const auto* amr = claims->if_contains("amr"); amr && amr->is_array())
      for (const auto& m : amr->as_array())
        mfa |= m.is_string() &&
               (m.as_string() == "mfa" || m.as_string() == "otp" || m.as_string() == "hwk");
    if (!mfa) return {{}, "mfa-required"};
  }
  out.result = accounts_.open_session(*user, *org, remote, user_agent, request_id, "oidc");
  return out;
}

}  // namespace vigie::accounts
