#pragma once
// What `serve` does for the audit trail's integrity (security/audit_checkpoint.hpp):
// - at start, check(): the whole chain against the data directory's checkpoint; when broken (or
//   the checkpoint file is forged), an error is logged and the log is blocked — every write is
//   refused (503) until an operator runs `vigie audit acknowledge`; reads go on;
// - then, every few seconds: the checkpoint file follows the newest entry; an entry it names
//   that disappears (rows deleted while serving) blocks the log too; while blocked, the chain is
//   checked again, and writes resume once the breaks are acknowledged.

#include "db/database.hpp"
#include "security/audit_log.hpp"

#include <array>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <thread>

namespace vigie::app {

class AuditWatch {
 public:
  AuditWatch(db::Database& db, const security::AuditLog& log, std::array<unsigned char, 32> key,
             std::filesystem::path checkpoint_file,
             std::chrono::milliseconds period = std::chrono::seconds(5));
  ~AuditWatch();
  AuditWatch(const AuditWatch&) = delete;
  AuditWatch& operator=(const AuditWatch&) = delete;

  // Verifies the chain against the checkpoint; blocks (or unblocks) the log. True when sound.
  bool check();
  // One pass of the background work (public for tests).
  void tick();
  void start();
  void stop();

 private:
  db::Database& db_;
  const security::AuditLog& log_;
  std::array<unsigned char, 32> key_;
  std::filesystem::path file_;
  std::chrono::milliseconds period_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace vigie::app
