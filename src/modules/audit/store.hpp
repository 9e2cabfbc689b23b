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

// Newest first, at most `limit`, older than `before` when given; only entries about records of
// `owner_org_id` when given.
std::vector<Row> list(soci::session& s, std::optional<std::int64_t> owner_org_id,
                      std::optional<std::int64_t> before, int limit);

}  // namespace vigie::audit::store
