#pragma once
// What may go into a log line. Logs are JSON lines (the access log, and the application log
// through JsonLogFormatter): each value is valid UTF-8 (an invalid byte becomes the four
// characters \xHH) and every control character is escaped by the JSON writer, so no value can
// forge a line, move the cursor of a terminal (ANSI escapes) or break a log parser.
// Secret path segments (invitation and reset tokens travel in links) never reach a log.

#include <spdlog/formatter.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace vigie::http {

// `text` as valid UTF-8, cut to at most `max` bytes (on a character boundary, with "…").
std::string loggable(std::string_view text, std::size_t max = 2000);

// `text` as the inside of a JSON string (quotes, backslashes and control characters escaped;
// invalid UTF-8 as in loggable()).
std::string json_escaped(std::string_view text, std::size_t max = 2000);

// The path with every segment that looks like a token (24 or more characters of base64url or
// hexadecimal, as Vigie's tokens are) replaced by ":token".
std::string redact_path(std::string_view path);

// An spdlog formatter writing one JSON object per line:
// {"time":"…Z","level":"warn","message":"…"}.
class JsonLogFormatter : public spdlog::formatter {
 public:
  void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override;
  std::unique_ptr<spdlog::formatter> clone() const override;
};

}  // namespace vigie::http
