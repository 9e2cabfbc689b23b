#pragma once
// Plan follow-up use cases. Every committee member reads the plan; the referents (and admins)
// of an action's pilot organisations, and the coordination's referents, report on it.

#include "db/database.hpp"
#include "modules/accounts/service.hpp"
#include "modules/plan/model.hpp"
#include "security/audit_log.hpp"

#include <optional>
#include <string>
#include <vector>

namespace vigie::plan {

struct UpdateInput {
  std::string status;
  std::optional<int> progress;
  std::string comment;
  std::vector<std::string> evidence;
  std::string reported_on;  // empty: today
};

struct MeasureDetail {
  Measure measure;
  std::string axis_code;
  std::vector<std::pair<std::int64_t, Update>> history;  // (action id, update), newest first
};

class Service {
 public:
  Service(db::Database& db, const security::AuditLog& audit,
          accounts::Clock now = std::chrono::system_clock::now);

  // The tree with its roll-ups; nullopt before a plan is loaded.
  std::optional<Plan> tree();
  std::optional<MeasureDetail> measure(const std::string& code);
  // Records a new dated update. Throws 404 (unknown action), 403 (not a pilot), 422 (input,
  // including a direct identifier in the comment).
  Update report(const accounts::SessionUser& who, std::int64_t action_id, const UpdateInput& in,
                const std::string& request_id);

  // Loads the shipped 2024-2027 plan (data/plan-2024-2027.json, compiled in) into an empty
  // database; returns false when a plan is already there.
  bool load_reference_plan();

  std::string today() const;

 private:
  db::Database& db_;
  const security::AuditLog& audit_;
  accounts::Clock now_;
};

}  // namespace vigie::plan
