#pragma once
// Diagnostic calls: the coordination asks chosen organisations, or every organisation of some
// types, for diagnostics on chosen measures before a date. The call shows who answered (an
// organisation has answered a measure when it published a diagnostic of it since the
// opening). The organisations asked are told by e-mail at opening and reminded by the kit's
// rule (kit/reminders.hpp) while they owe a measure; `serve` runs the pass with the campaign
// reminders, and `vigie plan remind` too.

#include "db/database.hpp"
#include "kit/actor.hpp"
#include "modules/diagnostics/call_store.hpp"
#include "modules/plan/service.hpp"
#include "security/audit_log.hpp"

#include <chrono>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace vigie::diagnostics {

struct CallInput {
  std::string label, deadline;
  std::vector<std::string> measures;       // at least one, in force
  std::vector<std::string> organisations;  // codes
  std::vector<std::string> org_types;      // every organisation of these types too
};

struct CallView {
  store::Call call;
  std::set<std::pair<std::string, std::string>> answered;  // (organisation, measure)
  int owed() const { return static_cast<int>(call.targets.size() * call.measures.size()); }
  int done() const { return static_cast<int>(answered.size()); }
};

class CallService {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;
  CallService(db::Database& db, const security::AuditLog& audit, plan::ReportService& plan,
              Clock now = std::chrono::system_clock::now, std::string public_url = "");

  CallView open(const kit::Actor& who, const CallInput& in);
  std::vector<CallView> list();
  // kit::NotFound when there is no such call.
  CallView get(std::int64_t id);
  // Conflict when already closed.
  CallView close(const kit::Actor& who, std::int64_t id);
  // Queues the reminders due today; returns how many e-mails were queued.
  int send_reminders();

 private:
  CallView view_of(soci::session& s, store::Call c);
  int tell(soci::session& s, const store::Call& c, const std::string& org, const std::string& kind,
           const std::vector<std::string>& owed);
  std::string today() const;

  db::Database& db_;
  const security::AuditLog& audit_;
  plan::ReportService& plan_;
  Clock now_;
  std::string public_url_;
};

}  // namespace vigie::diagnostics
