#include "app/audit_watch.hpp"

#include "security/audit_checkpoint.hpp"

#include <soci/soci.h>
#include <spdlog/spdlog.h>

namespace vigie::app {

AuditWatch::AuditWatch(db::Database& db, const security::AuditLog& log,
                       std::array<unsigned char, 32> key, std::filesystem::path checkpoint_file,
                       std::chrono::milliseconds period)
    : db_(db), log_(log), key_(key), file_(std::move(checkpoint_file)), period_(period) {}

AuditWatch::~AuditWatch() {
  stop();
}

bool AuditWatch::check() {
  std::optional<security::AuditCheckpoint> expected;
  std::string file_problem;
  try {
    if (auto f = security::read_checkpoint(file_, key_)) expected = f->entry;
  } catch (const std::exception& e) {
    file_problem = e.what();
  }
  const auto v = log_.verify(db_, expected);
  if (v.ok && file_problem.empty()) {
    if (log_.blocked()) {
      spdlog::info("audit trail: the breaks are acknowledged; writes resume");
      log_.unblock();
    }
    return true;
  }
  if (!log_.blocked()) {
    for (const auto& b : v.unacknowledged)
      spdlog::error("audit trail BROKEN at entry {}: {}", b.seq, b.problem);
    if (!file_problem.empty()) spdlog::error("audit trail checkpoint: {}", file_problem);
    spdlog::error(
        "writes are refused until an operator has looked into it and run `vigie audit "
        "acknowledge --reason …`; reads go on");
    log_.block();
  }
  return false;
}

void AuditWatch::tick() {
  if (log_.blocked()) {
    check();
    return;
  }
  try {
    std::optional<security::SignedCheckpoint> file;
    try {
      file = security::read_checkpoint(file_, key_);
    } catch (const std::exception&) {
      check();  // a forged or unreadable file: say so, and block
      return;
    }
    // The entry the file names must still be there, unchanged.
    if (file) {
      std::string hash;
      long long seq = file->entry.seq;
      db_.read([&](soci::session& s) {
        s << "SELECT hash FROM audit_log WHERE seq = :s", soci::use(seq), soci::into(hash);
        if (!s.got_data()) hash.clear();
      });
      if (hash != file->entry.hash) {
        check();
        return;
      }
    }
    const auto head = log_.head(db_);
    if (head.seq > 0 && (!file || head.seq > file->entry.seq))
      security::write_checkpoint(file_, key_, head);
  } catch (const std::exception& e) {
    spdlog::warn("audit checkpoint not updated: {}", e.what());
  }
}

void AuditWatch::start() {
  thread_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      lock.unlock();
      tick();
      lock.lock();
      wake_.wait_for(lock, period_, [this] { return stopping_; });
    }
  });
}

void AuditWatch::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  stopping_ = false;
}

}  // namespace vigie::app
