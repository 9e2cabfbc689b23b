// The language of a downloaded table (CSV, XLSX): French unless English is asked for, and the
// conventions of a spreadsheet in that language — French Excel expects ';' between cells and a
// decimal comma; English uses ',' and a decimal point. Every module's exports follow them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vigie::text {

enum class Lang { fr, en };

// "en" → English; anything else (absent included) → French.
Lang lang_of(std::string_view code);
std::string_view yes_no_label(bool yes, Lang lang);
char csv_separator(Lang lang);
// A number rounded to two decimals, without trailing zeros ("1,5" in French, "1.5" in
// English); empty when there is none.
std::string decimal_label(const std::optional<double>& v, Lang lang);

}  // namespace vigie::text
