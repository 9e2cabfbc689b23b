#pragma once
// Sending one e-mail over SMTP (libcurl), as configured in [mail]. Plain text, UTF-8.

#include <chrono>
#include <string>

namespace vigie::mail {

struct SmtpSettings {
  std::string url;       // smtp://host:port or smtps://host:port; empty: mail is off
  std::string from;      // the sender address
  std::string username;  // optional
  std::string password;  // optional
};

struct Message {
  std::string to, subject, body;
};

// The longest one send() may take (connection included): the outbox sizes its claims on it.
inline constexpr std::chrono::seconds kSendTimeout{30};

// Throws std::runtime_error with curl's reason when the server refuses or cannot be reached.
void send(const SmtpSettings& settings, const Message& message);

// The RFC 5322 text of a message (headers and body), exposed for tests.
std::string render(const SmtpSettings& settings, const Message& message);

}  // namespace vigie::mail
