#include "http/cookies.hpp"

namespace vigie::http {

std::optional<std::string> cookie(const Request& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k != "cookie") continue;
    std::string_view rest = v;
    while (!rest.empty()) {
      auto semi = rest.find(';');
      auto part = rest.substr(0, semi);
      while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
      auto eq = part.find('=');
      if (eq != std::string_view::npos && part.substr(0, eq) == name)
        return std::string(part.substr(eq + 1));
      if (semi == std::string_view::npos) break;
      rest.remove_prefix(semi + 1);
    }
  }
  return std::nullopt;
}

std::string session_cookie_name(const CookieOptions& o) {
  return o.secure ? "__Host-vigie_session" : "vigie_session";
}

std::string session_cookie(const CookieOptions& o, std::string_view value) {
  return session_cookie_name(o) + "=" + std::string(value) + "; Path=/; HttpOnly; SameSite=Strict" +
         (o.secure ? "; Secure" : "");
}

std::string cleared_session_cookie(const CookieOptions& o) {
  return session_cookie_name(o) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" +
         (o.secure ? "; Secure" : "");
}

bool same_origin(const Request& r) {
  if (auto site = r.header("sec-fetch-site"); site && *site == "cross-site") return false;
  auto origin = r.header("origin");
  if (!origin) return true;
  auto host = r.header("host");
  if (!host) return false;
  std::string_view o = *origin;
  if (o.starts_with("https://"))
    o.remove_prefix(8);
  else if (o.starts_with("http://"))
    o.remove_prefix(7);
  else
    return false;
  return o == *host;
}

}  // namespace vigie::http
