#pragma once
// The accounts module's Gate (http/gate.hpp): every guarded route's caller is admitted here,
// before its handler runs. It authenticates the session (and, for every method other than
// GET and HEAD, the CSRF token and same origin), builds the kit::Actor, resolves the caller's
// relations through the route's `relation` function and asks THE policy (policy.hpp) for the
// route's action or one of its `also` actions. A refusal is 403, or 404 where the route hides
// refusals; refusals of routes marked `audit_refusal` are written to the audit trail.

#include "http/gate.hpp"
#include "modules/accounts/authenticator.hpp"
#include "security/audit_log.hpp"

namespace vigie::accounts {

class RouteGate : public http::Gate {
 public:
  RouteGate(const Authenticator& auth, db::Database& db, const security::AuditLog& audit)
      : auth_(auth), db_(db), audit_(audit) {}
  void admit(http::Request& request, const http::Route& route) const override;

 private:
  const Authenticator& auth_;
  db::Database& db_;
  const security::AuditLog& audit_;
};

}  // namespace vigie::accounts
