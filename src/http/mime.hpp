#pragma once
#include <string>
#include <string_view>

namespace vigie::http {
// Content-Type for a file name by its extension; "application/octet-stream" when unknown.
std::string mime_type_for(std::string_view filename);
}  // namespace vigie::http
