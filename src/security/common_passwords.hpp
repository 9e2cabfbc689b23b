#pragma once
#include <string_view>
namespace vigie::security {
// True when the lower-cased password is on the shipped list of common passwords of 12+
// characters (the only ones the length rule lets through).
bool is_common_password(std::string_view lowered);
}  // namespace vigie::security
