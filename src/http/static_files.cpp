#include "http/static_files.hpp"

#include "http/mime.hpp"

#include <cctype>
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

std::vector<std::string> segments(std::string_view path) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i <= path.size()) {
    auto j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    if (j > i) out.emplace_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// True when Accept-Encoding names `coding` without "q=0" (RFC 9110 §12.5.3; case-insensitive).
bool accepts(std::string_view header, std::string_view coding) {
  std::size_t i = 0;
  while (i < header.size()) {
    auto j = header.find(',', i);
    if (j == std::string_view::npos) j = header.size();
    auto item = trim(header.substr(i, j - i));
    i = j + 1;
    auto semi = item.find(';');
    auto name = trim(item.substr(0, semi));
    if (name.size() != coding.size()) continue;
    bool same = true;
    for (std::size_t k = 0; k < name.size(); ++k)
      same = same && std::tolower(static_cast<unsigned char>(name[k])) == coding[k];
    if (!same) continue;
    if (semi == std::string_view::npos) return true;
    auto q = trim(item.substr(semi + 1));
    if (q.starts_with("q=") || q.starts_with("Q=")) {
      auto v = trim(q.substr(2));
      return v.find_first_not_of("0.") != std::string_view::npos;  // "0", "0.0": refused
    }
    return true;
  }
  return false;
}

}  // namespace

StaticFiles::StaticFiles(std::filesystem::path root) : root_(std::move(root)) {
  std::ifstream in(root_ / "routes.txt");
  if (!in) return;
  routes_.emplace();
  for (std::string line; std::getline(in, line);) {
    auto l = trim(line);
    if (!l.empty() && l.front() == '/') routes_->push_back(segments(l));
  }
}

bool StaticFiles::is_client_route(std::string_view path) const {
  if (!routes_) return true;
  const auto got = segments(path);
  for (const auto& want : *routes_) {
    if (want.size() != got.size()) continue;
    bool match = true;
    for (std::size_t i = 0; i < want.size() && match; ++i)
      match = want[i].front() == ':' || want[i] == got[i];
    if (match) return true;
  }
  return false;
}

Response StaticFiles::respond_encoded(const std::filesystem::path& p, bool immutable,
                                      std::string_view accept_encoding) const {
  std::error_code ec;
  const struct {
    const char* coding;
    const char* suffix;
  } variants[] = {{"br", ".br"}, {"gzip", ".gz"}};
  bool any = false;
  for (const auto& v : variants) {
    auto compressed = p;
    compressed += v.suffix;
    if (!std::filesystem::is_regular_file(compressed, ec)) continue;
    any = true;
    if (!accepts(accept_encoding, v.coding)) continue;
    Response r = respond(compressed, immutable);
    r.set_header("Content-Type", mime_type_for(p.filename().string()));
    r.set_header("Content-Encoding", v.coding);
    r.set_header("Vary", "Accept-Encoding");
    return r;
  }
  Response r = respond(p, immutable);
  if (any) r.set_header("Vary", "Accept-Encoding");
  return r;
}

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

std::optional<Response> StaticFiles::serve(std::string_view path,
                                           std::string_view accept_encoding) const {
  const std::string_view full = path;
  while (!path.empty() && path.front() == '/') path.remove_prefix(1);
  if (!safe_relative(path)) return std::nullopt;
  std::error_code ec;
  if (!path.empty()) {
    auto candidate = root_ / std::filesystem::path(std::string(path));
    if (std::filesystem::is_regular_file(candidate, ec))
      return respond_encoded(candidate, path.starts_with("assets/"), accept_encoding);
    // A missing asset (a known file type) is a 404; anything else, even with a dot
    // ("/plan/mesures/A1.a"), is a client-side route.
    auto last_slash = path.rfind('/');
    auto last = last_slash == std::string_view::npos ? path : path.substr(last_slash + 1);
    if (mime_type_for(last) != "application/octet-stream") return std::nullopt;
  }
  auto index = root_ / "index.html";
  if (!std::filesystem::is_regular_file(index, ec)) return std::nullopt;
  Response r = respond_encoded(index, false, accept_encoding);
  if (!is_client_route(full)) r.status = 404;
  return r;
}

}  // namespace vigie::http
