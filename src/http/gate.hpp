#pragma once
// The Gate admits the caller of a guarded route before its handler runs: it authenticates the
// request (session, and for state-changing methods the CSRF token and same origin), resolves
// the caller's relations to the resource through the route's `relation` function, asks the
// permission policy for the route's action, and sets Request::caller. A refusal throws a
// kit::DomainError: Unauthenticated (401), Forbidden (403), or NotFound (404) when the route
// hides refusals or the resource does not exist. The HTTP platform knows only this interface;
// the accounts module implements it (it owns sessions and the policy).

#include "http/request.hpp"
#include "http/router.hpp"

namespace vigie::http {

class Gate {
 public:
  virtual ~Gate() = default;
  virtual void admit(Request& request, const Route& route) const = 0;
};

}  // namespace vigie::http
