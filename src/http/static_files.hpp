#pragma once
// StaticFiles serves the built web UI from a directory. Hashed bundles under `assets/` are
// cached for a year as immutable; any other existing file is revalidated on each use. A path
// that names no file and no known file type is a client-side route: it gets `index.html`,
// with status 200 when it matches a pattern of `routes.txt` (written by the web build: one
// pattern a line, a ":name" segment matching any one segment) and 404 otherwise, so a
// mistyped address is a 404 for crawlers and link checkers too; without routes.txt every such
// path is 200. A file built with a brotli (`<file>.br`) or gzip (`<file>.gz`) copy beside it
// is served compressed when the request's Accept-Encoding allows (brotli first), with
// `Content-Encoding` and `Vary: Accept-Encoding`. Files up to 4 MiB are kept in memory and
// re-read when their size or modification time changes; larger ones are streamed from disk.
// Thread-safe.

#include "http/response.hpp"

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vigie::http {

class StaticFiles {
 public:
  // Reads `routes.txt` from the root, when there is one.
  explicit StaticFiles(std::filesystem::path root);

  // A response for this decoded URL path, or nullopt when nothing may be served for it
  // (unsafe path, missing file with an extension, or no index.html in the root).
  // `accept_encoding` is the request's Accept-Encoding header ("" when absent).
  std::optional<Response> serve(std::string_view path, std::string_view accept_encoding = "") const;

  // True when `path` is a page of the web app (always true without routes.txt).
  bool is_client_route(std::string_view path) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  struct Cached {
    std::shared_ptr<const std::string> bytes;
    std::filesystem::file_time_type mtime;
    std::uintmax_t size = 0;
  };
  Response respond(const std::filesystem::path& file, bool immutable) const;
  Response respond_encoded(const std::filesystem::path& file, bool immutable,
                           std::string_view accept_encoding) const;

  std::filesystem::path root_;
  std::optional<std::vector<std::vector<std::string>>> routes_;  // segments of each pattern
  mutable std::mutex mu_;
  mutable std::unordered_map<std::string, Cached> cache_;
};

}  // namespace vigie::http
