#include "modules/accounts/routes.hpp"

#include "http/json_body.hpp"
#include "http/problem.hpp"
#include "kit/input.hpp"

#include <boost/json.hpp>

namespace vigie::accounts {

namespace {

// What the caller may do, action by action, under each relation: for the UI to show only
// what will work (the server decides anyway).
boost::json::object permissions_json(const SessionUser& s) {
  boost::json::object out;
  for (auto action : policy_actions()) {
    boost::json::array relations;
    for (auto rel : all_relations())
      if (allowed(caller_of(s), action, rel))
        relations.push_back(boost::json::string(to_string(rel)));
    if (!relations.empty()) out[action] = std::move(relations);
  }
  return out;
}

boost::json::object me_json(const SessionUser& s) {
  return {{"permissions", permissions_json(s)},
          {"user",
           {{"id", s.user.id},
            {"email", s.user.email},
            {"display_name", s.user.display_name},
            {"role", to_string(s.user.role)},
            {"platform_admin", s.user.platform_admin},
            {"totp_enabled", s.user.totp_secret.has_value()},
            {"language", s.user.language ? boost::json::value(*s.user.language)
                                         : boost::json::value(nullptr)}}},
          {"organisation",
           {{"id", s.organisation.id},
            {"code", s.organisation.code},
            {"name", s.organisation.name},
            {"type", to_string(s.organisation.type)},
            {"territory", s.organisation.territory}}},
          {"csrf_token", s.csrf_token}};
}

}  // namespace

kit::Relations own_relation(const kit::Actor&, const http::Request&) {
  return {kit::Relation::own_organisation};
}

void register_routes(http::Router& router, const Authenticator& auth) {
  router.add(
      "POST", "/api/v1/auth/login",
      [&auth](http::Request& req) {
        if (!http::same_origin(req))
          throw kit::Forbidden("This request did not come from Vigie's pages.", "cross-origin");
        auto body = http::parse_json_object(req);
        kit::Input input(body);
        LoginInput in{input.text("email", {.max_chars = 254}),
                      input.text("password", {.max_chars = 1024}),
                      input.optional_text("totp", {.max_chars = 32}).value_or(""),
                      req.remote_address,
                      std::string(req.header("user-agent").value_or("")),
                      req.request_id};
        input.done();
        auto result = auth.service().login(in);
        using O = LoginResult::Outcome;
        switch (result.outcome) {
          case O::ok: {
            auto r = http::Response::json(200, me_json(*result.session));
            r.set_header("Set-Cookie", http::session_cookie(auth.cookies(), result.session_token));
            return r;
          }
          case O::totp_required:
            return http::Problem{401,
                                 "totp-required",
                                 "Second factor required",
                                 "Enter the 6-digit code of your authenticator app.",
                                 {}}
                .to_response(req.request_id);
          case O::totp_enrolment_required:
            return http::Problem{403,
                                 "totp-enrolment-required",
                                 "Second factor not set up",
                                 "This account must use a second factor; ask your "
                                 "organisation's administrator to set it up.",
                                 {}}
                .to_response(req.request_id);
          case O::throttled: {
            auto r = http::Problem{
                429,
                "too-many-attempts",
                "Too many attempts",
                "Wait before trying again.",
                {}}.to_response(req.request_id);
            r.set_header("Retry-After", std::to_string(result.retry_after_seconds));
            return r;
          }
          case O::invalid:
            break;
        }
        return http::Problem{401,
                             "invalid-credentials",
                             "Login failed",
                             "The e-mail address, the password or the code is wrong.",
                             {}}
            .to_response(req.request_id);
      },
      {.body_limit = 8 * 1024, .accepts = {"application/json"}, .open = true});

  // Open: it needs a session (and the CSRF token) but no permission.
  router.add("POST", "/api/v1/auth/logout",
             [&auth](http::Request& req) {
               auto who = auth.require_for_change(req);
               auth.service().logout(who, req.request_id);
               http::Response r;
               r.status = 204;
               r.set_header("Set-Cookie", http::cleared_session_cookie(auth.cookies()));
               return r;
             },
             // an empty object, or nothing
             {.body_limit = 1024, .accepts = {"application/json"}, .open = true});

  // Open: any logged-in caller reads their own account.
  router.add(
      "GET", "/api/v1/me",
      [&auth](http::Request& req) { return http::Response::json(200, me_json(auth.require(req))); },
      {.open = true});

  router.add("GET", "/api/v1/organisations",
             [&auth](http::Request&) {
               boost::json::array out;
               for (const auto& o : auth.service().organisations())
                 out.push_back({{"code", o.code},
                                {"name", o.name},
                                {"type", to_string(o.type)},
                                {"territory", o.territory}});
               return http::Response::json(200, {{"organisations", std::move(out)}});
             },
             {.action = "organisation.list"});

  router.add(
      "POST", "/api/v1/organisations",
      [&auth](http::Request& req) {
        auto body = http::parse_json_object(req);
        kit::Input in(body);
        NewOrganisation o{in.text("code", {.max_chars = 32}), in.text("name", {.max_chars = 200}),
                          in.text("type", {.max_chars = 32}),
                          in.optional_text("territory", {.max_chars = 16}).value_or("national")};
        if (o.territory.empty()) o.territory = "national";
        in.done();
        auto created = auth.service().create_organisation(req.actor(), o);
        return http::Response::json(201, {{"code", created.code},
                                          {"name", created.name},
                                          {"type", to_string(created.type)},
                                          {"territory", created.territory}});
      },
      {.body_limit = 8 * 1024, .accepts = {"application/json"}, .action = "organisation.create"});

  router.add("GET", "/api/v1/organisations/{code}/members",
             [&auth](http::Request& req) {
               boost::json::array out;
               for (const auto& u : auth.service().members(req.param("code")))
                 out.push_back({{"id", u.id},
                                {"email", u.email},
                                {"display_name", u.display_name},
                                {"role", to_string(u.role)},
                                {"platform_admin", u.platform_admin},
                                {"totp_enabled", u.totp_secret.has_value()},
                                {"disabled", u.disabled}});
               return http::Response::json(200, {{"members", std::move(out)}});
             },
             {.action = "member.list",
              .relation = [&auth](const kit::Actor& who, const http::Request& req) {
                return auth.service().relation_to_organisation(who, req.param("code"));
              }});

  router.add("POST", "/api/v1/users/{id}/disable",
             [&auth](http::Request& req) {
               const auto id = req.id_param("id", "No member with this id in your organisation.");
               auth.service().disable_member(req.actor(), id);
               http::Response r;
               r.status = 204;
               return r;
             },
             {.body_limit = 1024,
              .accepts = {"application/json"},
              .action = "member.disable",
              // Somebody the caller may not manage: the same 404 as nobody.
              .relation =
                  [&auth](const kit::Actor& who, const http::Request& req) {
                    return auth.service().relation_to_member(
                        who, req.id_param("id", "No member with this id in your organisation."));
                  },
              .hide_refusal = true});

  router.add("GET", "/api/v1/me/sessions",
             [&auth](http::Request& req) {
               auto who = auth.require(req);
               boost::json::array out;
               for (const auto& s : auth.service().sessions_of(who))
                 out.push_back({{"id", s.id},
                                {"created_at", s.created_at},
                                {"last_seen_at", s.last_seen_at},
                                {"remote", s.remote},
                                {"user_agent", s.user_agent},
                                {"current", s.current}});
               return http::Response::json(200, {{"sessions", std::move(out)}});
             },
             {.action = "session.list_own", .relation = own_relation});

  router.add("DELETE", "/api/v1/me/sessions/{id}",
             [&auth](http::Request& req) {
               auto who = auth.require_for_change(req);
               // Another user's session, or none: the same 404.
               if (!auth.service().revoke_own_session(who, req.param("id"), req.request_id))
                 throw kit::NotFound("You have no open session with this id.");
               http::Response r;
               r.status = 204;
               return r;
             },
             {.action = "session.revoke_own", .relation = own_relation});

  router.add("PUT", "/api/v1/me/language",
             [&auth](http::Request& req) {
               const auto body = http::parse_json_object(req);
               kit::Input in(body);
               const auto language = in.text("language", {.max_chars = 8});
               in.done();
               auth.service().set_language(req.actor(), language);
               http::Response r;
               r.status = 204;
               return r;
             },
             {.body_limit = 1024,
              .accepts = {"application/json"},
              .action = "account.manage_own",
              .relation = own_relation});

  router.add("GET", "/api/v1/me/previous-visit",
             [&auth](http::Request& req) {
               const auto at = auth.service().previous_visit(auth.require(req));
               return http::Response::json(
                   200, {{"at", at ? boost::json::value(*at) : boost::json::value(nullptr)}});
             },
             {.action = "account.manage_own", .relation = own_relation});

  router.add("POST", "/api/v1/me/password",
             [&auth](http::Request& req) {
               const auto body = http::parse_json_object(req);
               kit::Input in(body);
               const auto current =
                   in.optional_text("current_password", {.max_chars = 4096}).value_or("");
               const auto next = in.optional_text("password", {.max_chars = 4096}).value_or("");
               in.done();
               auth.service().change_password(auth.require(req), current, next, req.remote_address,
                                              req.request_id);
               http::Response r;
               r.status = 204;
               return r;
             },
             {.body_limit = 16 * 1024,
              .accepts = {"application/json"},
              .action = "account.manage_own",
              .relation = own_relation});

  // For pages that work both logged in and not: always 200, so an anonymous visit does not
  // show up as an error in the browser.
  router.add("GET", "/api/v1/auth/session",
             [&auth](http::Request& req) {
               auto who = auth.current(req);
               if (!who) return http::Response::json(200, {{"authenticated", false}});
               auto body = me_json(*who);
               body["authenticated"] = true;
               return http::Response::json(200, body);
             },
             {.open = true});
}

}  // namespace vigie::accounts
