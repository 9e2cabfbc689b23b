#include "http/static_files.hpp"

#include "http/mime.hpp"

#include <fstream>
#include <iterator>
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

constexpr std::uintmax_t kMaxCachedFile = 4 * 1024 * 1024;

}  // namespace

StaticFiles::StaticFiles(std::filesystem::path root) : root_(std::move(root)) {}

Response StaticFiles::respond(const std::filesystem::path& p, bool immutable) const {
  Response r;
  r.set_header("Content-Type", mime_type_for(p.filename().string()));
  r.set_header("Cache-Control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
  std::error_code ec;
  const auto size = std::filesystem::file_size(p, ec);
  const auto mtime = std::filesystem::last_write_time(p, ec);
  if (ec || size > kMaxCachedFile) {
    r.file = p;
    return r;
  }
  const std::string key = p.string();
  {
    std::lock_guard lock(mu_);
    auto it = cache_.find(key);
    if (it != cache_.end() && it->second.size == size && it->second.mtime == mtime) {
      r.shared_body = it->second.bytes;
      return r;
    }
  }
  std::ifstream in(p, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    r.file = p;  // let the server report the failure
    return r;
  }
  auto shared = std::make_shared<const std::string>(std::move(bytes));
  {
    std::lock_guard lock(mu_);
    cache_[key] = Cached{shared, mtime, size};
  }
  r.shared_body = std::move(shared);
  return r;
}

std::optional<Response> StaticFiles::serve(std::string_view path) const {
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (!safe_relative(path)) return std::nullopt;
  std::error_code ec;
  if (!path.empty()) {
    auto candidate = root_ / std::filesystem::path(std::string(path));
    if (std::filesystem::is_regular_file(candidate, ec))
      return respond(candidate, path.starts_with("assets/"));
    // A missing asset (a known file type) is a 404; anything else, even with a dot
    // ("/plan/mesures/A1.a"), is a client-side route.
    auto last_slash = path.rfind('/');
    auto last = last_slash == std::string_view::npos ? path : path.substr(last_slash + 1);
    if (mime_type_for(last) != "application/octet-stream") return std::nullopt;
  }
  auto index = root_ / "index.html";
  if (!std::filesystem::is_regular_file(index, ec)) return std::nullopt;
  return respond(index, false);
}

}  // namespace vigie::http
