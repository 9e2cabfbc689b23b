#include "text/export_language.hpp"

#include <cmath>
#include <cstdio>

namespace vigie::text {

Lang lang_of(std::string_view code) {
  return code == "en" ? Lang::en : Lang::fr;
}

std::string_view yes_no_label(bool yes, Lang lang) {
  if (lang == Lang::en) return yes ? "yes" : "no";
  return yes ? "oui" : "non";
}

char csv_separator(Lang lang) {
  return lang == Lang::en ? ',' : ';';
}

std::string decimal_label(const std::optional<double>& v, Lang lang) {
  if (!v || !std::isfinite(*v)) return {};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", std::round(*v * 100.0) / 100.0);
  std::string s = buf;
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  if (lang == Lang::fr)
    for (auto& c : s)
      if (c == '.') c = ',';
  return s;
}

}  // namespace vigie::text
