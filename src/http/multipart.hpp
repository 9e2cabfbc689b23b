#pragma once
// Reads a multipart/form-data request body (RFC 7578): its parts with their field name, file
// name and declared type. The declared type is never trusted for what a file is (the caller
// checks the bytes); a body that is not well-formed multipart throws kit::Invalid naming
// "file", so the client learns what to fix.

#include "http/request.hpp"

#include <string>
#include <vector>

namespace vigie::http {

struct FormPart {
  std::string name, filename, content_type, data;
};

std::vector<FormPart> parse_multipart(const Request& req);

}  // namespace vigie::http
