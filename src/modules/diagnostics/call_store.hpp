#pragma once
// The only door to the diagnostic calls' tables; every function runs in the caller's
// transaction.

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigie::diagnostics::store {

struct Call {
  std::int64_t id = 0;
  std::string label, deadline;
  std::vector<std::string> measures;
  std::string opened_at;
  std::optional<std::string> closed_at;
  std::vector<std::pair<std::int64_t, std::string>> targets;  // (org id, org code)
};

std::int64_t insert_call(soci::session& s, const Call& c, std::int64_t opened_by);
std::optional<Call> find_call(soci::session& s, std::int64_t id);
std::vector<Call> list_calls(soci::session& s);
void close_call(soci::session& s, std::int64_t id, const std::string& at);
// The (organisation, measure) pairs answered: published since `since`, by these organisations.
std::vector<std::pair<std::string, std::string>> answered(soci::session& s, const Call& c);
// Records the notice of `kind` to the organisation on day `on`; false when already recorded
// (by a concurrent pass): then it is not sent again.
bool record_notice(soci::session& s, std::int64_t call_id, const std::string& org,
                   const std::string& kind, const std::string& on);
std::vector<std::string> notices_sent(soci::session& s, std::int64_t call_id,
                                      const std::string& org, const std::string& kind);

}  // namespace vigie::diagnostics::store
