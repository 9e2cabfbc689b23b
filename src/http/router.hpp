#pragma once
// The Router maps (method, path pattern) to a handler. Patterns are '/'-separated segments,
// literal or `{name}` (one segment captured into Request::path_params). Literal segments win
// over captures. Lookup distinguishes "no such path" (404) from "path exists, other method"
// (405, with the allowed methods).
//
// Every route is guarded or declared open: registration throws std::invalid_argument for a
// route that names no policy action and is not marked `open`. For a guarded route the
// Dispatcher asks the Gate (http/gate.hpp) to admit the caller before the handler runs and
// before the handler reads the body: the caller is authenticated (with the CSRF check for
// state-changing methods), its relations to the resource are resolved by the module's
// `relation` function, and the policy decides.

#include "http/request.hpp"
#include "http/response.hpp"
#include "kit/relation.hpp"

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace vigie::http {

using Handler = std::function<Response(Request&)>;

struct RouteOptions {
  // Largest body accepted, in bytes; 0 means "use the server's default".
  std::size_t body_limit = 0;
  // Media types accepted for a request body; empty means the route takes no body.
  std::vector<std::string> accepts;
  // False for handlers that never wait (no database, no disk): they run on the I/O thread and
  // skip the hop to the worker pool. Anything that touches the database must stay true.
  bool blocking = true;
  // The policy action the route performs ("audit.read_all"), checked before the handler runs;
  // also read by the route inventory and the generated authorisation matrix.
  std::string action = {};
  // For routes of several actions (a list filtered by what the caller may see), the others:
  // the caller is admitted when any of them is allowed; the service filters.
  std::vector<std::string> also = {};
  // True for routes anyone may call (probes, login, the public plan); they have no action.
  bool open = false;
  // The caller's relations to the resource the path names (the module's one function for that
  // resource type). May throw kit::NotFound for a resource that does not exist. Unset: none.
  std::function<kit::Relations(const kit::Actor&, const Request&)> relation = {};
  // For a route acting on several resources named in its body (a batch): admit callers the
  // policy allows under some relation; the service checks each item.
  bool per_item = false;
  // A refusal answers 404 rather than 403 (the caller may not know the resource exists).
  bool hide_refusal = false;
  // Refusals are written to the audit trail (sensitive resources).
  bool audit_refusal = false;
};

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
  std::vector<std::string> segments;  // split pattern
};

struct RouteMatch {
  const Route* route = nullptr;      // set when found
  std::vector<std::string> allowed;  // methods available at this path when route is null
  std::map<std::string, std::string> params;
};

class Router {
 public:
  // Registers a route; throws std::invalid_argument on a duplicate (method, pattern).
  void add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});

  // Finds the route for this method and decoded path. HEAD falls back to GET routes.
  RouteMatch match(std::string_view method, std::string_view path) const;

  // Every registered route, for the route inventory (tests, docs).
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace vigie::http
