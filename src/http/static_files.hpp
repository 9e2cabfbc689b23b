#pragma once
// StaticFiles serves the built web UI from a directory. Hashed bundles under `assets/` are
// cached for a year as immutable; any other existing file is revalidated on each use. A path
// that names no file and no known file type is a client-side route: it gets `index.html`.
// Files up to 4 MiB are kept in memory and re-read when their size or modification time
// changes; larger ones are streamed from disk. Thread-safe.

#include "http/response.hpp"

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace vigie::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);

  // A response for this decoded URL path, or nullopt when nothing may be served for it
  // (unsafe path, missing file with an extension, or no index.html in the root).
  std::optional<Response> serve(std::string_view path) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  struct Cached {
    std::shared_ptr<const std::string> bytes;
    std::filesystem::file_time_type mtime;
    std::uintmax_t size = 0;
  };
  Response respond(const std::filesystem::path& file, bool immutable) const;

  std::filesystem::path root_;
  mutable std::mutex mu_;
  mutable std::unordered_map<std::string, Cached> cache_;
};

}  // namespace vigie::http
