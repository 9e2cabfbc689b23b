#pragma once
// StaticFiles serves the built web UI from a directory. Hashed bundles under `assets/` are
// cached for a year as immutable; any other existing file is revalidated on each use. A path
// without a file extension that names no file is a client-side route: it gets `index.html`.

#include "http/response.hpp"

#include <filesystem>
#include <optional>
#include <string_view>

namespace vigie::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);

  // A response for this decoded URL path, or nullopt when nothing may be served for it
  // (unsafe path, missing file with an extension, or no index.html in the root).
  std::optional<Response> serve(std::string_view path) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

}  // namespace vigie::http
