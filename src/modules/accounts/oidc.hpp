#pragma once
// Login through an OpenID Connect provider — ProConnect, the French State's login for civil
// servants — with the authorization code flow and PKCE (S256). Off unless [oidc] is set. An
// account is never created this way: the provider's verified e-mail must match an enabled,
// invited Vigie user. Accounts that require a second factor must come with one from the
// provider (amr containing "mfa", "otp" or "hwk").

#include "modules/accounts/service.hpp"

#include <mutex>
#include <optional>
#include <string>

namespace vigie::accounts {

struct OidcSettings {
  std::string issuer;  // e.g. https://auth.agentconnect.gouv.fr/api/v2; empty: off
  std::string client_id;
  std::string client_secret;
  std::string redirect_url;  // …/api/v1/auth/oidc/callback as registered with the provider
  std::string label = "ProConnect";
  bool trust_email = false;  // accept e-mails without email_verified (ProConnect's are verified)
  bool enabled() const { return !issuer.empty(); }
};

class OidcLogin {
 public:
  OidcLogin(db::Database& db, Service& accounts, OidcSettings settings,
            Clock now = std::chrono::system_clock::now);

  const OidcSettings& settings() const { return settings_; }

  // The provider's authorization URL for a new login; remembers state, nonce and verifier.
  std::string start();

  // Completes a login from the provider's redirect. Outcome ok with a session, or a failure
  // whose `reason` names what went wrong ("state", "token", "claims", "unknown-account",
  // "mfa-required").
  struct Finished {
    LoginResult result;
    std::string reason;
  };
  Finished finish(const std::string& code, const std::string& state, const std::string& remote,
                  const std::string& user_agent, const std::string& request_id);

 private:
  struct Discovery {
    std::string issuer, authorization_endpoint, token_endpoint, userinfo_endpoint;
  };
  Discovery discovery();

  db::Database& db_;
  Service& accounts_;
  OidcSettings settings_;
  Clock now_;
  std::mutex mu_;
  std::optional<Discovery> discovery_;
};

}  // namespace vigie::accounts
