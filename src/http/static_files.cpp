#include "http/static_files.hpp"

#include "http/mime.hpp"

#include <system_error>

namespace vigie::http {

namespace {

// Rejects anything that could leave the root: "..", ".", backslashes, NUL, hidden files.
bool safe_relative(std::string_view path) {
  std::size_t i = 0;
  while (i < path.size()) {
    auto j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    auto seg = path.substr(i, j - i);
    if (!seg.empty() && seg.front() == '.') return false;
    if (seg.find('\\') != std::string_view::npos || seg.find('\0') != std::string_view::npos)
      return false;
    i = j + 1;
  }
  return true;
}

Response file_response(const std::filesystem::path& p, bool immutable) {
  Response r;
  r.file = p;
  r.set_header("Content-Type", mime_type_for(p.filename().string()));
  r.set_header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

}  // namespace

StaticFiles::StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

std::optional<Response> StaticFiles::serve(std::string_view path) const {
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (!safe_relative(path)) return std::nullopt;
  std::error_code ec;
  if (!path.empty()) {
    auto candidate = root_ / std::filesystem::path(std::string(path));
    if (std::filesystem::is_regular_file(candidate, ec))
      return file_response(candidate, path.starts_with("assets/"));
    auto last_slash = path.rfind('/');
    auto last = last_slash == std::string_view::npos ? path : path.substr(last_slash + 1);
    if (last.find('.') != std::string_view::npos) return std::nullopt;
  }
  auto index = root_ / "index.html";
  if (!std::filesystem::is_regular_file(index, ec)) return std::nullopt;
  return file_response(index, false);
}

}  // namespace vigie::http
