#include "mail/smtp.hpp"

#include "security/random.hpp"

#include <curl/curl.h>
#include <sodium.h>

#include <cstring>
#include <ctime>
#include <mutex>
#include <stdexcept>

namespace vigie::mail {

namespace {

// RFC 2047 encoded-word for a UTF-8 subject. Control characters (a line break in a label
// that ends up in a subject) become spaces: a header never spans lines or adds another.
std::string encode_header(std::string text) {
  for (auto& c : text)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  bool ascii = true;
  for (unsigned char c : text) ascii &= c < 0x80;
  if (ascii) return text;
  std::string b64(sodium_base64_ENCODED_LEN(text.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(b64.data(), b64.size(), reinterpret_cast<const unsigned char*>(text.data()),
                    text.size(), sodium_base64_VARIANT_ORIGINAL);
  b64.resize(std::strlen(b64.c_str()));
  return "=?UTF-8?B?" + b64 + "?=";
}

struct Upload {
  std::string data;
  std::size_t pos = 0;
};

size_t read_cb(char* buf, size_t size, size_t n, void* user) {
  auto* up = static_cast<Upload*>(user);
  size_t len = std::min(size * n, up->data.size() - up->pos);
  std::memcpy(buf, up->data.data() + up->pos, len);
  up->pos += len;
  return len;
}

}  // namespace

std::string render(const SmtpSettings& s, const Message& m) {
  char date[64];
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  std::strftime(date, sizeof date, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  const auto domain = s.from.substr(s.from.find('@') + 1);
  std::string body;
  for (char c : m.body) {  // CRLF line ends, as SMTP wants
    if (c == '\n')
      body += "\r\n";
    else
      body += c;
  }
  return "Date: " + std::string(date) + "\r\nFrom: Vigie <" + s.from + ">\r\nTo: <" + m.to +
         ">\r\nMessage-ID: <" + security::random_hex(16) + "@" + domain +
         ">\r\nSubject: " + encode_header(m.subject) +
         "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
         "Content-Transfer-Encoding: 8bit\r\nAuto-Submitted: auto-generated\r\n\r\n" +
         body + "\r\n";
}

void send(const SmtpSettings& s, const Message& m) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  if (s.url.empty()) throw std::runtime_error("mail is not configured ([mail] smtp_url)");
  CURL* curl = curl_easy_init();
  if (!curl) throw std::runtime_error("libcurl could not start");
  Upload up{render(s, m)};
  curl_slist* rcpt = curl_slist_append(nullptr, ("<" + m.to + ">").c_str());
  const std::string from = "<" + s.from + ">";
  curl_easy_setopt(curl, CURLOPT_URL, s.url.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, rcpt);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, read_cb);
  curl_easy_setopt(curl, CURLOPT_READDATA, &up);
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, static_cast<long>(kSendTimeout.count()));
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  if (!s.username.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, s.username.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, s.password.c_str());
    curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  }
  CURLcode rc = curl_easy_perform(curl);
  curl_slist_free_all(rcpt);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) throw std::runtime_error(std::string("SMTP: ") + curl_easy_strerror(rc));
}

}  // namespace vigie::mail
