#include "db/timestamp.hpp"

#include <ctime>
#include <stdexcept>

namespace vigie::db {
std::string iso_utc(std::chrono::system_clock::time_point t) {
  auto tt = std::chrono::system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::chrono::system_clock::time_point parse_iso_utc(const std::string& text) {
  std::tm tm{};
  if (text.size() < 20 || !strptime(text.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm))
    throw std::invalid_argument("not an ISO-8601 UTC time: " + text);
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

}  // namespace vigie::db
