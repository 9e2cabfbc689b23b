#include "http/mime.hpp"

#include <array>
#include <utility>

namespace vigie::http {

std::string mime_type_for(std::string_view filename) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 18> kTypes{{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".pdf", "application/pdf"},
      {".xml", "application/xml"},
  }};
  auto dot = filename.rfind('.');
  if (dot != std::string_view::npos) {
    auto ext = filename.substr(dot);
    for (const auto& [e, t] : kTypes)
      if (e == ext) return std::string(t);
  }
  return "application/octet-stream";
}

}  // namespace vigie::http
