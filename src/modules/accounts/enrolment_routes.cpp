#include "modules/accounts/enrolment_routes.hpp"

#include "kit/errors.hpp"

#include "http/json_body.hpp"
#include "http/problem.hpp"
#include "kit/input.hpp"
#include "modules/accounts/routes.hpp"
#include "text/json_fields.hpp"

#include <boost/json.hpp>

namespace vigie::accounts {

namespace {
void require_same_origin(const http::Request& req) {
  if (!http::same_origin(req))
    throw kit::Forbidden("This request did not come from Vigie's pages.", "cross-origin");
}

http::Response no_content(int status = 204) {
  http::Response r;
  r.status = status;
  return r;
}

// Open routes: the token in the path (or the e-mail) is what they act on, not a session.
const http::RouteOptions kJson{
    .body_limit = 8 * 1024, .accepts = {"application/json"}, .open = true};

}  // namespace

void register_enrolment_routes(http::Router& router, const Authenticator&, Enrolment& enrolment) {
  router.add("POST", "/api/v1/invitations",
             [&enrolment](http::Request& req) {
               const auto body = http::parse_json_object(req);
               kit::Input in(body);
               NewInvitation invitation{
                   in.optional_text("email", {.max_chars = 254}).value_or(""),
                   in.optional_text("display_name", {.max_chars = 1000}).value_or(""),
                   in.optional_text("role", {.max_chars = 32}).value_or(""),
                   in.optional_text("org", {.max_chars = 32}).value_or("")};
               in.done();
               enrolment.invite(req.actor(), invitation);
               return no_content(202);
             },
             // The organisation is named in the body: the service checks the relation to it.
             {.body_limit = 8 * 1024,
              .accepts = {"application/json"},
              .action = "user.invite",
              .per_item = true});

  router.add("GET", "/api/v1/invitations/{token}",
             [&enrolment](http::Request& req) {
               auto info = enrolment.invitation(req.param("token"));
               if (!info)
                 throw kit::NotFound("This invitation does not exist, was used or has expired.");
               return http::Response::json(200, {{"email", info->email},
                                                 {"display_name", info->display_name},
                                                 {"organisation", info->organisation_name},
                                                 {"role", info->role},
                                                 {"requires_totp", info->requires_totp}});
             },
             {.open = true});

  router.add(
      "POST", "/api/v1/invitations/{token}/accept",
      [&enrolment](http::Request& req) {
        require_same_origin(req);
        auto body = http::parse_json_object(req);
        auto a = enrolment.accept(req.param("token"), text::string_member(body, "display_name"),
                                  text::string_member(body, "password"), req.request_id);
        boost::json::object out{{"email", a.user.email},
                                {"organisation", a.organisation.name},
                                {"role", to_string(a.user.role)}};
        if (a.totp_secret) {
          out["totp_secret"] = *a.totp_secret;
          out["totp_uri"] = a.totp_uri;
          out["totp_qr_svg"] = a.totp_qr_svg;
        }
        return http::Response::json(201, out);
      },
      kJson);

  router.add(
      "POST", "/api/v1/password-resets",
      [&enrolment](http::Request& req) {
        require_same_origin(req);
        auto body = http::parse_json_object(req);
        enrolment.request_password_reset(text::string_member(body, "email"), req.request_id);
        return no_content(202);
      },
      kJson);

  router.add(
      "POST", "/api/v1/password-resets/{token}",
      [&enrolment](http::Request& req) {
        require_same_origin(req);
        auto body = http::parse_json_object(req);
        enrolment.reset_password(req.param("token"), text::string_member(body, "password"),
                                 req.request_id);
        return no_content();
      },
      kJson);
}

void register_second_factor_routes(http::Router& router, const Authenticator& auth,
                                   SecondFactor& second_factor) {
  // The guard has checked totp.manage_own; the session itself holds the secret to change.
  auto own = [&auth](const http::Request& req) { return auth.require_for_change(req); };
  const http::RouteOptions opts{.body_limit = 1024,
                                .accepts = {"application/json"},
                                .action = "totp.manage_own",
                                .relation = own_relation};
  router.add(
      "POST", "/api/v1/me/totp",
      [own, &second_factor](http::Request& req) {
        auto e = second_factor.begin(own(req));
        return http::Response::json(200,
                                    {{"secret", e.secret}, {"uri", e.uri}, {"qr_svg", e.qr_svg}});
      },
      opts);
  router.add(
      "POST", "/api/v1/me/totp/confirm",
      [own, &second_factor](http::Request& req) {
        auto who = own(req);
        auto body = http::parse_json_object(req);
        boost::json::array codes;
        for (auto& c :
             second_factor.confirm(who, text::string_member(body, "code"), req.request_id))
          codes.push_back(boost::json::string(c));
        return http::Response::json(200, {{"recovery_codes", std::move(codes)}});
      },
      opts);
  router.add(
      "POST", "/api/v1/me/totp/disable",
      [own, &second_factor](http::Request& req) {
        auto who = own(req);
        auto body = http::parse_json_object(req);
        second_factor.disable(who, text::string_member(body, "code"), req.request_id);
        return no_content();
      },
      opts);
}

}  // namespace vigie::accounts
