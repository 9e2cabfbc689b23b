#pragma once
// The audit trail: an append-only log of every write and of every read of sensitive records,
// each entry chained to the previous one by an HMAC (key from the key file):
//     hash_i = HMAC-SHA-256(key, hash_{i-1} || canonical(entry_i)),  hash_0 = 32 zero bytes.
// Changing, deleting, inserting or reordering rows behind the server's back breaks the chain
// at the first altered entry; `vigie audit verify` names it. Removing the newest entries is
// caught by comparing with a checkpoint kept outside the database (audit_checkpoint.hpp).
//
// A break an operator has looked into is acknowledged by an entry of its own ("audit.acknowledge",
// details {"broken_at": seq, …}), itself chained: verification then reports the break as known
// and the chain as sound. Until then `serve` blocks the log (block()): every append — and so
// every write, which must leave its trace — is refused with kit::Unavailable.
//
// append() must run inside the caller's write transaction, so that no write exists without
// its trace and no trace without its write.

#include "db/database.hpp"

#include <array>
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigie::security {

struct AuditEntry {
  std::optional<std::int64_t> actor_user_id;  // nullopt: the system or an anonymous caller
  std::optional<std::int64_t> actor_org_id;
  std::optional<std::int64_t> owner_org_id;  // the organisation whose record was acted on
  std::string action;                        // "org.create", "auth.login", "saisine.read", ...
  std::string object_type;                   // "organisation", "user", "session", ...
  std::string object_id;
  std::string request_id;  // empty for the command line
  std::string outcome;     // "ok", "denied", "failed"
  std::string details;     // short JSON text, never personal data of victims
};

struct AuditCheckpoint {
  std::int64_t seq = 0;
  std::string hash;  // hex
};

struct AuditBreak {
  std::int64_t seq = 0;  // the first entry concerned
  std::string problem;
};

struct AuditVerification {
  bool ok = true;  // no break, or every break acknowledged
  std::int64_t entries = 0;
  std::optional<std::int64_t> first_broken_seq;  // the first unacknowledged break
  std::string problem;                           // what is wrong there
  std::vector<AuditBreak> unacknowledged;        // every break not yet acknowledged
  std::vector<AuditBreak> acknowledged;          // breaks an operator has acknowledged
};

class AuditLog {
 public:
  explicit AuditLog(std::array<unsigned char, 32> key) : key_(key) {}
  AuditLog(const AuditLog&) = delete;
  AuditLog& operator=(const AuditLog&) = delete;

  // Appends an entry in the transaction of `s`. On PostgreSQL it takes a transaction-level
  // advisory lock so that concurrent writers chain one after the other.
  AuditCheckpoint append(soci::session& s, db::Backend backend, const AuditEntry& entry) const;

  // Walks the whole chain. When `expected` is given, also checks that the log still holds
  // that entry with that hash (so removing the newest entries is noticed).
  AuditVerification verify(db::Database& db,
                           const std::optional<AuditCheckpoint>& expected = std::nullopt) const;

  // The newest entry, to keep as a checkpoint outside the database.
  AuditCheckpoint head(db::Database& db) const;

  // While blocked, append() throws kit::Unavailable: nothing extends a broken chain.
  void block() const { blocked_ = true; }
  void unblock() const { blocked_ = false; }
  bool blocked() const { return blocked_; }

 private:
  std::string chain(const std::string& prev_hex, const std::string& canonical) const;
  std::array<unsigned char, 32> key_;
  mutable std::atomic<bool> blocked_{false};
};

}  // namespace vigie::security
