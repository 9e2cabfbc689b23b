#include "http/access_log.hpp"

#include "http/log_text.hpp"

#include <boost/json.hpp>
#include <chrono>
#include <ctime>
#include <stdexcept>

namespace vigie::http {

namespace {
std::string utc_now_iso() {
  using namespace std::chrono;
  auto now = system_clock::now();
  auto t = system_clock::to_time_t(now);
  auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms));
  return buf;
}
}  // namespace

AccessLog::AccessLog(const std::string& destination) {
  if (destination == "off") return;
  if (destination == "-" || destination.empty()) {
    out_ = stdout;
    return;
  }
  out_ = std::fopen(destination.c_str(), "a");
  if (!out_) throw std::runtime_error("cannot open access log file " + destination);
  owned_ = true;
}

AccessLog::~AccessLog() {
  if (owned_ && out_) std::fclose(out_);
}

void AccessLog::write(const AccessRecord& r) {
  if (!out_) return;
  boost::json::object o{{"time", utc_now_iso()},
                        {"request_id", loggable(r.request_id, 64)},
                        {"remote", loggable(r.remote, 64)},
                        {"method", loggable(r.method, 32)},
                        {"path", loggable(redact_path(r.path), 2000)},
                        {"status", r.status},
                        {"bytes", r.bytes},
                        {"duration_us", r.duration_us},
                        {"user_agent", loggable(r.user_agent, 300)}};
  std::string line = boost::json::serialize(o);
  line.push_back('\n');
  std::lock_guard lock(mu_);
  std::fwrite(line.data(), 1, line.size(), out_);
  std::fflush(out_);
}

}  // namespace vigie::http
