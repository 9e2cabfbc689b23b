#pragma once
// Reading the audit trail (the writer and verifier are security/audit_log).

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigie::audit::store {

struct Row {
  std::int64_t seq = 0;
  std::string at;
  std::int64_t actor_user_id = 0, actor_org_id = 0, owner_org_id = 0;  // 0: none
  std::string action, object_type, object_id, outcome, request_id;
  std::string actor_email, actor_org, owner_org;  // named by the directory
};

// Which entries: each member that is set narrows the list.
struct Query {
  std::optional<std::int64_t> owner;       // entries about records of this organisation
  std::optional<std::int64_t> before;      // older than this sequence number
  std::optional<std::int64_t> actor_user;  // done by this user
  std::optional<std::int64_t> actor_org;   // done by a member of this organisation
  std::vector<std::string> prefixes;       // an action starting with one of these (at most 6)
  std::string from, to_before;             // at >= from, at < to_before (ISO text)
  std::string outcome;
  int limit = 50;
};

// Newest first, at most `limit`.
std::vector<Row> list(soci::session& s, const Query& q);

}  // namespace vigie::audit::store
