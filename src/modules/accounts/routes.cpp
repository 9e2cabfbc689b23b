#include "modules/accounts/routes.hpp"

#include "http/json_body.hpp"
#include "http/problem.hpp"
#include "text/json_fields.hpp"

#include <boost/json.hpp>

namespace vigie::accounts {

namespace {

// What the caller may do, action by action, under each relation: for the UI to show only
// what will work (the server decides anyway).
boost::json::object permissions_json(const SessionUser& s) {
  boost::json::object out;
  for (auto action : policy_actions()) {
    boost::json::array relations;
    for (auto rel : {Relation::own_organisation, Relation::shared_with_me,
                     Relation::addressed_to_me, Relation::none})
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
            {"totp_enabled", s.user.totp_secret.has_value()}}},
          {"organisation",
           {{"id", s.organisation.id},
            {"code", s.organisation.code},
            {"name", s.organisation.name},
            {"type", to_string(s.organisation.type)},
            {"territory", s.organisation.territory}}},
          {"csrf_token", s.csrf_token}};
}

}  // namespace

void register_routes(http::Router& router, const Authenticator& auth) {
  router.add("POST", "/api/v1/auth/login",
             [&auth](http::Request& req) {
               if (!http::same_origin(req))
                 throw http::ProblemException({403,
                                               "cross-origin",
                                               "Forbidden",
                                               "This request did not come from Vigie's pages.",
                                               {}});
               auto body = http::parse_json_object(req);
               LoginInput in{text::string_member(body, "email"),
                             text::string_member(body, "password"),
                             text::string_member(body, "totp"),
                             req.remote_address,
                             std::string(req.header("user-agent").value_or("")),
                             req.request_id};
               auto result = auth.service().login(in);
               using O = LoginResult::Outcome;
               switch (result.outcome) {
                 case O::ok: {
                   auto r = http::Response::json(200, me_json(*result.session));
                   r.set_header("Set-Cookie",
                                http::session_cookie(auth.cookies(), result.session_token));
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
             {.body_limit = 8 * 1024, .accepts = {"application/json"}});

  router.add("POST", "/api/v1/auth/logout",
             [&auth](http::Request& req) {
               auto who = auth.require_for_change(req);
               auth.service().logout(who, req.request_id);
               http::Response r;
               r.status = 204;
               r.set_header("Set-Cookie", http::cleared_session_cookie(auth.cookies()));
               return r;
             },
             {.body_limit = 1024, .accepts = {"application/json"}});  // an empty object, or nothing

  router.add("GET", "/api/v1/me", [&auth](http::Request& req) {
    return http::Response::json(200, me_json(auth.require(req)));
  });

  router.add("GET", "/api/v1/organisations",
             [&auth](http::Request& req) {
               auto who = auth.require(req);
               boost::json::array out;
               for (const auto& o : auth.service().organisations(who))
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
        auto who = auth.require_for_change(req);
        auto body = http::parse_json_object(req);
        auto territory = text::string_member(body, "territory");
        auto o = auth.service().create_organisation(
            who,
            {text::string_member(body, "code"), text::string_member(body, "name"),
             text::string_member(body, "type"), territory.empty() ? "national" : territory},
            req.request_id);
        return http::Response::json(201, {{"code", o.code},
                                          {"name", o.name},
                                          {"type", to_string(o.type)},
                                          {"territory", o.territory}});
      },
      {.body_limit = 8 * 1024, .accepts = {"application/json"}, .action = "organisation.create"});

  router.add("GET", "/api/v1/organisations/{code}/members",
             [&auth](http::Request& req) {
               auto who = auth.require(req);
               boost::json::array out;
               for (const auto& u : auth.service().members(who, req.param("code")))
                 out.push_back({{"id", u.id},
                                {"email", u.email},
                                {"display_name", u.display_name},
                                {"role", to_string(u.role)},
                                {"platform_admin", u.platform_admin},
                                {"totp_enabled", u.totp_secret.has_value()},
                                {"disabled", u.disabled}});
               return http::Response::json(200, {{"members", std::move(out)}});
             },
             {.action = "member.list"});

  router.add("POST", "/api/v1/users/{id}/disable",
             [&auth](http::Request& req) {
               auto who = auth.require_for_change(req);
               std::int64_t id = 0;
               try {
                 id = std::stoll(req.param("id"));
               } catch (...) {
                 throw http::ProblemException(http::not_found());
               }
               auth.service().disable_member(who, id, req.request_id);
               http::Response r;
               r.status = 204;
               return r;
             },
             {.body_limit = 1024, .accepts = {"application/json"}, .action = "member.disable"});

  router.add("GET", "/api/v1/me/sessions",
             [&auth](http::Request& req) {
               auto who = auth.require(req);
               if (!allowed(caller_of(who), "session.list_own", Relation::own_organisation))
                 throw http::ProblemException({403, "forbidden", "Forbidden", "", {}});
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
             {.action = "session.list_own"});

  router.add(
      "DELETE", "/api/v1/me/sessions/{id}",
      [&auth](http::Request& req) {
        auto who = auth.require_for_change(req);
        if (!allowed(caller_of(who), "session.revoke_own", Relation::own_organisation))
          throw http::ProblemException({403, "forbidden", "Forbidden", "", {}});
        // Another user's session, or none: the same 404.
        if (!auth.service().revoke_own_session(who, req.param("id"), req.request_id))
          throw http::ProblemException(http::not_found("You have no open session with this id."));
        http::Response r;
        r.status = 204;
        return r;
      },
      {.action = "session.revoke_own"});

  // For pages that work both logged in and not: always 200, so an anonymous visit does not
  // show up as an error in the browser.
  router.add("GET", "/api/v1/auth/session", [&auth](http::Request& req) {
    auto who = auth.current(req);
    if (!who) return http::Response::json(200, {{"authenticated", false}});
    auto body = me_json(*who);
    body["authenticated"] = true;
    return http::Response::json(200, body);
  });
}

}  // namespace vigie::accounts
