#include "http/log_text.hpp"

#include <spdlog/details/log_msg.h>

#include <chrono>
#include <ctime>

namespace vigie::http {

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0 when the byte there starts none.
std::size_t utf8_sequence(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return 1;
  std::size_t n = 0;
  std::uint32_t cp = 0;
  if ((c & 0xE0) == 0xC0)
    n = 2, cp = c & 0x1F;
  else if ((c & 0xF0) == 0xE0)
    n = 3, cp = c & 0x0F;
  else if ((c & 0xF8) == 0xF0)
    n = 4, cp = c & 0x07;
  else
    return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto d = static_cast<unsigned char>(s[i + k]);
    if ((d & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (d & 0x3F);
  }
  // Overlong forms, surrogates and values beyond Unicode are invalid too.
  if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) ||
      (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
    return 0;
  return n;
}

bool token_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_';
}

}  // namespace

std::string loggable(std::string_view text, std::size_t max) {
  std::string out;
  out.reserve(std::min(text.size(), max));
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = utf8_sequence(text, i);
    const std::size_t add = n == 0 ? 4 : n;
    if (out.size() + add > max) {
      out += "…";
      break;
    }
    if (n == 0) {
      static const char* hex = "0123456789ABCDEF";
      const auto b = static_cast<unsigned char>(text[i]);
      out += "\\x";
      out.push_back(hex[b >> 4]);
      out.push_back(hex[b & 15]);
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string json_escaped(std::string_view text, std::size_t max) {
  const std::string valid = loggable(text, max);
  std::string out;
  out.reserve(valid.size() + 8);
  for (const char ch : valid) {
    const auto c = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out.push_back('\\');
      out.push_back(ch);
    } else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

std::string redact_path(std::string_view path) {
  std::string out;
  std::size_t i = 0;
  while (i <= path.size()) {
    auto j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    const auto seg = path.substr(i, j - i);
    bool token = seg.size() >= 24;
    for (char c : seg) token = token && token_char(c);
    out.append(token ? std::string_view(":token") : seg);
    if (j < path.size()) out.push_back('/');
    i = j + 1;
  }
  return out;
}

void JsonLogFormatter::format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) {
  using namespace std::chrono;
  const auto t = system_clock::to_time_t(msg.time);
  const auto ms = duration_cast<milliseconds>(msg.time.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char time[96];
  std::snprintf(time, sizeof time, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  const auto level = spdlog::level::to_string_view(msg.level);
  std::string line = std::string("{\"time\":\"") + time + "\",\"level\":\"" +
                     std::string(level.data(), level.size()) + "\",\"message\":\"" +
                     json_escaped(std::string_view(msg.payload.data(), msg.payload.size()), 8000) +
                     "\"}\n";
  dest.append(line.data(), line.data() + line.size());
}

std::unique_ptr<spdlog::formatter> JsonLogFormatter::clone() const {
  return std::make_unique<JsonLogFormatter>();
}

}  // namespace vigie::http
