#include "outbound/http_client.hpp"

#include <curl/curl.h>

#include <cctype>

#include <memory>
#include <mutex>
#include <stdexcept>

namespace vigie::outbound {

namespace {

size_t collect(char* data, size_t size, size_t n, void* user) {
  static_cast<std::string*>(user)->append(data, size * n);
  return size * n;
}

using Curl = std::unique_ptr<CURL, decltype(&curl_easy_cleanup)>;

Curl make() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  Curl c(curl_easy_init(), curl_easy_cleanup);
  if (!c) throw std::runtime_error("libcurl could not start");
  curl_easy_setopt(c.get(), CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(c.get(), CURLOPT_TIMEOUT, 20L);
  curl_easy_setopt(c.get(), CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c.get(), CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c.get(), CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c.get(), CURLOPT_WRITEFUNCTION, collect);
  return c;
}

HttpResult perform(CURL* c, curl_slist* headers) {
  HttpResult r;
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &r.body);
  if (headers) curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  CURLcode rc = curl_easy_perform(c);
  if (headers) curl_slist_free_all(headers);
  if (rc != CURLE_OK) throw std::runtime_error(std::string("HTTP: ") + curl_easy_strerror(rc));
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
  return r;
}

}  // namespace

std::string url_encode(const std::string& value) {
  std::string out;
  static const char* hex = "0123456789ABCDEF";
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

HttpResult get(const std::string& url, const std::vector<std::string>& headers) {
  auto c = make();
  curl_easy_setopt(c.get(), CURLOPT_URL, url.c_str());
  curl_slist* list = nullptr;
  for (const auto& h : headers) list = curl_slist_append(list, h.c_str());
  return perform(c.get(), list);
}

HttpResult post_form(const std::string& url,
                     const std::vector<std::pair<std::string, std::string>>& fields,
                     const std::string& basic_user, const std::string& basic_password) {
  auto c = make();
  std::string body;
  for (const auto& [k, v] : fields)
    body += (body.empty() ? "" : "&") + url_encode(k) + "=" + url_encode(v);
  curl_easy_setopt(c.get(), CURLOPT_URL, url.c_str());
  curl_easy_setopt(c.get(), CURLOPT_POSTFIELDS, body.c_str());
  curl_easy_setopt(c.get(), CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  if (!basic_user.empty()) {
    // RFC 6749 §2.3.1: client credentials are form-encoded before Basic authentication.
    const std::string user = url_encode(basic_user), pass = url_encode(basic_password);
    curl_easy_setopt(c.get(), CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(c.get(), CURLOPT_USERNAME, user.c_str());
    curl_easy_setopt(c.get(), CURLOPT_PASSWORD, pass.c_str());
    return perform(c.get(), curl_slist_append(nullptr, "Accept: application/json"));
  }
  return perform(c.get(), curl_slist_append(nullptr, "Accept: application/json"));
}

}  // namespace vigie::outbound
