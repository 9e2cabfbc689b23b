#pragma once
// The audit trail's checkpoint outside the database: the newest entry's (seq, hash), signed,
// in the data directory's file `audit.checkpoint` (mode 0600). Deleting the newest audit rows
// leaves a chain that still verifies; the checkpoint names an entry that is then missing.
//
// The file holds one JSON line {"seq", "hash", "at", "mac"}; mac = HMAC-SHA-256 over
// "vigie-audit-checkpoint" 0x1f seq 0x1f hash 0x1f at, with the audit key (a file edited by hand
// does not verify). It only moves forward: a write naming an older entry than the file's is
// ignored, so that a lagging process never hides a newer checkpoint. Written atomically (a
// temporary file renamed over it).

#include "security/audit_log.hpp"

#include <array>
#include <filesystem>
#include <optional>
#include <string>

namespace vigie::security {

struct SignedCheckpoint {
  AuditCheckpoint entry;
  std::string at;  // when it was written (ISO 8601 UTC)
};

std::filesystem::path checkpoint_path(const std::filesystem::path& data_dir);

// nullopt when there is no file yet; throws std::runtime_error when it is unreadable or its
// signature does not verify (someone edited it: that is itself a finding).
std::optional<SignedCheckpoint> read_checkpoint(const std::filesystem::path& file,
                                                const std::array<unsigned char, 32>& key);

// Records `entry` unless the file already names a newer one; returns true when written.
bool write_checkpoint(const std::filesystem::path& file, const std::array<unsigned char, 32>& key,
                      const AuditCheckpoint& entry);

}  // namespace vigie::security
