#include "modules/accounts/oidc_routes.hpp"

#include "kit/errors.hpp"

#include "http/problem.hpp"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

namespace vigie::accounts {

namespace {
http::Response redirect(const std::string& location) {
  http::Response r;
  r.status = 302;
  r.set_header("Location", location);
  return r;
}
}  // namespace

void register_oidc_routes(http::Router& router, const Authenticator& auth, OidcLogin& oidc) {
  router.add("GET", "/api/v1/auth/oidc",
             [&oidc](http::Request&) {
               return http::Response::json(
                   200, {{"enabled", oidc.settings().enabled()}, {"label", oidc.settings().label}});
             },
             {.open = true});

  router.add("GET", "/api/v1/auth/oidc/start",
             [&oidc](http::Request&) {
               if (!oidc.settings().enabled()) throw kit::NotFound();
               try {
                 return redirect(oidc.start());
               } catch (const std::exception& e) {
                 spdlog::warn("OpenID login could not start: {}", e.what());
                 return redirect("/connexion?erreur=oidc-unavailable");
               }
             },
             {.open = true});

  router.add(
      "GET", "/api/v1/auth/oidc/callback",
      [&auth, &oidc](http::Request& req) {
        if (!oidc.settings().enabled()) throw kit::NotFound();
        if (req.query_param("error")) return redirect("/connexion?erreur=oidc-cancelled");
        OidcLogin::Finished f;
        try {
          f = oidc.finish(req.query_param("code").value_or(""),
                          req.query_param("state").value_or(""), req.remote_address,
                          std::string(req.header("user-agent").value_or("")), req.request_id);
        } catch (const std::exception& e) {
          spdlog::warn("OpenID login failed: {}", e.what());
          return redirect("/connexion?erreur=oidc-unavailable");
        }
        if (f.result.outcome != LoginResult::Outcome::ok)
          return redirect("/connexion?erreur=oidc-" + f.reason);
        auto r = redirect("/compte");
        r.set_header("Set-Cookie", http::session_cookie(auth.cookies(), f.result.session_token));
        return r;
      },
      {.open = true});
}

}  // namespace vigie::accounts
