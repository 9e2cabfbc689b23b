#include "http/router.hpp"

#include <algorithm>
#include <stdexcept>

namespace vigie::http {

namespace {

std::vector<std::string> split_path(std::string_view path) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < path.size()) {
    if (path[i] == '/') {
      ++i;
      continue;
    }
    auto j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    out.emplace_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

bool is_capture(const std::string& seg) {
  return seg.size() > 2 && seg.front() == '{' && seg.back() == '}';
}

// Returns a score (higher = more literal segments) or -1 when the pattern does not match.
int match_segments(const std::vector<std::string>& pattern, const std::vector<std::string>& path,
                   std::map<std::string, std::string>* params) {
  if (pattern.size() != path.size()) return -1;
  int score = 0;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (is_capture(pattern[i])) {
      if (path[i].empty()) return -1;
      if (params) (*params)[pattern[i].substr(1, pattern[i].size() - 2)] = path[i];
    } else if (pattern[i] == path[i]) {
      ++score;
    } else {
      return -1;
    }
  }
  return score;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
  for (const auto& r : routes_)
    if (r.method == method && r.pattern == pattern)
      throw std::invalid_argument("duplicate route " + method + " " + pattern);
  if (options.action.empty() && !options.open)
    throw std::invalid_argument("route " + method + " " + pattern +
                                " names no policy action and is not declared open");
  if (!options.action.empty() && options.open)
    throw std::invalid_argument("route " + method + " " + pattern + " is open and guarded");
  Route r{std::move(method), std::move(pattern), std::move(handler), std::move(options), {}};
  r.segments = split_path(r.pattern);
  routes_.push_back(std::move(r));
}

RouteMatch Router::match(std::string_view method, std::string_view path) const {
  const auto segs = split_path(path);
  RouteMatch result;
  int best = -1;
  auto try_method = [&](std::string_view m) {
    for (const auto& r : routes_) {
      if (r.method != m) continue;
      int s = match_segments(r.segments, segs, nullptr);
      if (s > best) {
        best = s;
        result.route = &r;
      }
    }
  };
  try_method(method);
  if (!result.route && method == "HEAD") try_method("GET");
  if (result.route) {
    match_segments(result.route->segments, segs, &result.params);
    return result;
  }
  for (const auto& r : routes_) {
    if (match_segments(r.segments, segs, nullptr) >= 0 &&
        std::find(result.allowed.begin(), result.allowed.end(), r.method) == result.allowed.end()) {
      result.allowed.push_back(r.method);
      if (r.method == "GET") result.allowed.push_back("HEAD");
    }
  }
  std::sort(result.allowed.begin(), result.allowed.end());
  result.allowed.erase(std::unique(result.allowed.begin(), result.allowed.end()),
                       result.allowed.end());
  return result;
}

}  // namespace vigie::http
