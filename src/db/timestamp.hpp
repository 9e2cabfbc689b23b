#pragma once
// Vigie stores instants as ISO-8601 UTC text ("2026-11-28T10:15:00Z"): portable across SQLite
// and PostgreSQL, sortable as text, readable in a dump.

#include <chrono>
#include <string>

namespace vigie::db {
std::string iso_utc(std::chrono::system_clock::time_point t);
// Reads what iso_utc wrote; throws std::invalid_argument on anything else.
std::chrono::system_clock::time_point parse_iso_utc(const std::string& text);
inline std::string iso_utc_now() {
  return iso_utc(std::chrono::system_clock::now());
}
}  // namespace vigie::db
