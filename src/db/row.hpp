#pragma once
// Reading soci::row values whatever integer type each backend reports for a column (SQLite
// says int for INTEGER, PostgreSQL long long for BIGINT): soci::row::get<T> needs the exact one.

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

namespace vigie::db {

std::int64_t row_int(const soci::row& r, std::size_t i);
std::optional<std::int64_t> row_optional_int(const soci::row& r, std::size_t i);
std::string row_text(const soci::row& r, std::size_t i);  // "" for NULL
double row_double(const soci::row& r, std::size_t i);
std::optional<double> row_optional_double(const soci::row& r, std::size_t i);

}  // namespace vigie::db
