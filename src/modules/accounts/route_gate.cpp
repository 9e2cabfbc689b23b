#include "modules/accounts/route_gate.hpp"

#include "kit/audit.hpp"
#include "kit/errors.hpp"
#include "modules/accounts/policy.hpp"

namespace vigie::accounts {

void RouteGate::admit(http::Request& req, const http::Route& route) const {
  const bool reads = req.method == "GET" || req.method == "HEAD";
  const auto who = reads ? auth_.require(req) : auth_.require_for_change(req);
  const auto actor = actor_of(who, req.request_id);
  const auto& o = route.options;

  bool ok = false;
  if (o.per_item) {
    ok = allowed_under_some_relation(actor, o.action);
    for (const auto& a : o.also) ok = ok || allowed_under_some_relation(actor, a);
  } else {
    const auto relations = o.relation ? o.relation(actor, req) : Relations{};
    ok = allowed(actor, o.action, relations);
    for (const auto& a : o.also) ok = ok || allowed(actor, a, relations);
  }
  if (!ok) {
    if (o.audit_refusal)
      db_.transact([&](soci::session& s) {
        kit::AuditRecord(actor, o.action, "route", route.pattern)
            .outcome("denied")
            .detail("path", req.path)
            .append(s, db_.backend(), audit_);
      });
    if (o.hide_refusal) throw kit::NotFound();
    throw kit::Forbidden("Your organisation or role does not allow this.");
  }
  req.caller = actor;
}

}  // namespace vigie::accounts
