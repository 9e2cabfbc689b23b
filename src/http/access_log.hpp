#pragma once
// AccessLog writes one JSON object per answered request (JSON lines). Query strings and
// bodies are never logged: they may hold tokens or personal data. Thread-safe.

#include <cstdint>
#include <cstdio>
#include <mutex>
#include <string>

namespace vigie::http {

struct AccessRecord {
  std::string request_id;
  std::string remote;
  std::string method;
  std::string path;
  int status = 0;
  std::uint64_t bytes = 0;
  std::int64_t duration_us = 0;  // integer: Boost.JSON writes doubles as 1.2E0
  std::string user_agent;
};

class AccessLog {
 public:
  // destination: "-" for standard output, "off" to disable, otherwise a file appended to.
  // Throws std::runtime_error when the file cannot be opened.
  explicit AccessLog(const std::string& destination);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  void write(const AccessRecord& record);
  bool enabled() const { return out_ != nullptr; }

 private:
  std::FILE* out_ = nullptr;
  bool owned_ = false;
  std::mutex mu_;
};

}  // namespace vigie::http
