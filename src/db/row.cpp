#include "db/row.hpp"

#include <stdexcept>

namespace vigie::db {

std::int64_t row_int(const soci::row& r, std::size_t i) {
  switch (r.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return r.get<int>(i);
    case soci::dt_long_long:
      return r.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<std::int64_t>(r.get<unsigned long long>(i));
    case soci::dt_double:
      return static_cast<std::int64_t>(r.get<double>(i));
    case soci::dt_string:
      return std::stoll(r.get<std::string>(i));
    default:
      throw std::runtime_error("column " + std::to_string(i) + " is not an integer");
  }
}

std::optional<std::int64_t> row_optional_int(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) != soci::i_ok) return std::nullopt;
  return row_int(r, i);
}

std::string row_text(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) != soci::i_ok) return {};
  return r.get<std::string>(i);
}

double row_double(const soci::row& r, std::size_t i) {
  if (r.get_properties(i).get_data_type() == soci::dt_double) return r.get<double>(i);
  if (r.get_properties(i).get_data_type() == soci::dt_string)
    return std::stod(r.get<std::string>(i));
  return static_cast<double>(row_int(r, i));
}

std::optional<double> row_optional_double(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) != soci::i_ok) return std::nullopt;
  return row_double(r, i);
}

}  // namespace vigie::db
