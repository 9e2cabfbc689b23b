#pragma once
// A Response is what a handler returns: a status, headers and either an in-memory body or a
// file streamed from disk. The server adds the security headers and the request id.

#include <boost/json/value.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigie::http {

struct Response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // When set, the body is this file's content (read by the server, never loaded whole).
  std::optional<std::filesystem::path> file;
  // When set, the body is this shared, immutable buffer (cached static files), not `body`.
  std::shared_ptr<const std::string> shared_body;

  // Replaces any header of that name (case-insensitive).
  void set_header(std::string_view name, std::string value);
  std::optional<std::string_view> header(std::string_view name) const;

  static Response json(int status, const boost::json::value& body);
  static Response text(int status, std::string body, std::string content_type);
};

}  // namespace vigie::http
