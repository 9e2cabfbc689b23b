#pragma once
// Outbound HTTP(S) requests (libcurl), for talking to an OpenID provider. Blocking: call it
// from a worker thread, never from an I/O thread.

#include <string>
#include <utility>
#include <vector>

namespace vigie::outbound {

struct HttpResult {
  long status = 0;
  std::string body;
};

// GET `url` with optional headers. Throws std::runtime_error when the server cannot be reached.
HttpResult get(const std::string& url, const std::vector<std::string>& headers = {});
// POST an application/x-www-form-urlencoded body built from `fields`.
HttpResult post_form(const std::string& url,
                     const std::vector<std::pair<std::string, std::string>>& fields,
                     const std::string& basic_user = "", const std::string& basic_password = "");
// Percent-encodes a value for a URL query or a form body.
std::string url_encode(const std::string& value);

}  // namespace vigie::outbound
