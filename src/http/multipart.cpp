#include "http/multipart.hpp"

#include "kit/errors.hpp"

#include <algorithm>
#include <cctype>

namespace vigie::http {

namespace {

[[noreturn]] void malformed() {
  throw kit::Invalid({{"file", "malformed", "Send the file as multipart/form-data."}});
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The value of `key` in a header's parameters (`; key="value"` or `; key=value`), or "".
std::string parameter(std::string_view header, std::string_view key) {
  const auto l = lower(header);
  std::size_t at = 0;
  const std::string needle = std::string(key) + "=";
  while ((at = l.find(needle, at)) != std::string::npos) {
    if (at == 0 || l[at - 1] == ';' || l[at - 1] == ' ') break;
    at += needle.size();
  }
  if (at == std::string::npos) return "";
  std::size_t from = at + needle.size();
  if (from < header.size() && header[from] == '"') {
    const auto end = header.find('"', from + 1);
    if (end == std::string::npos) return "";
    return std::string(header.substr(from + 1, end - from - 1));
  }
  const auto end = header.find(';', from);
  std::string v(header.substr(from, end == std::string::npos ? std::string::npos : end - from));
  while (!v.empty() && v.back() == ' ') v.pop_back();
  return v;
}

}  // namespace

std::vector<FormPart> parse_multipart(const Request& req) {
  const auto type = req.header("Content-Type");
  if (!type || req.media_type() != "multipart/form-data") malformed();
  const auto boundary = parameter(*type, "boundary");
  if (boundary.empty() || boundary.size() > 200) malformed();
  const std::string_view body = req.body;
  const std::string delimiter = "--" + boundary;
  std::size_t at = body.find(delimiter);
  if (at == std::string_view::npos) malformed();
  std::vector<FormPart> parts;
  for (;;) {
    at += delimiter.size();
    if (body.substr(at, 2) == "--") return parts;  // the closing delimiter
    if (body.substr(at, 2) != "\r\n") malformed();
    at += 2;
    const auto head_end = body.find("\r\n\r\n", at);
    if (head_end == std::string_view::npos) malformed();
    FormPart part;
    for (std::size_t line = at; line < head_end;) {
      auto eol = body.find("\r\n", line);
      if (eol == std::string_view::npos || eol > head_end) eol = head_end;
      const auto h = body.substr(line, eol - line);
      const auto colon = h.find(':');
      if (colon != std::string_view::npos) {
        const auto name = lower(h.substr(0, colon));
        auto value = h.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        if (name == "content-disposition") {
          part.name = parameter(value, "name");
          part.filename = parameter(value, "filename");
        } else if (name == "content-type") {
          part.content_type = lower(value);
        }
      }
      line = eol + 2;
    }
    const auto data_from = head_end + 4;
    const auto next = body.find("\r\n" + delimiter, data_from);
    if (next == std::string_view::npos) malformed();
    part.data = body.substr(data_from, next - data_from);
    parts.push_back(std::move(part));
    at = next + 2;
  }
}

}  // namespace vigie::http
