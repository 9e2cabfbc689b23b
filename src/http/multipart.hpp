#pragma once
// Reads a multipart/form-data request body (RFC 7578): its parts with their field name, file
// name and declared type. The declared type is never trusted for what a file is (the caller
// checks the bytes); a body that is not well-formed multipart throws kit::Invalid naming
// "file", so the client learns what to fix.

#include "http/request.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace vigie::http {

struct FormPart {
  std::string name, filename, content_type;
  std::string_view data;  // the part's bytes where they are in the request's body: no copy
};

// The parts of `req`'s body; they refer to it, so they live no longer than the request.
std::vector<FormPart> parse_multipart(const Request& req);

}  // namespace vigie::http
