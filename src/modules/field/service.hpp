#pragma once
// Field-data use cases: victim profiles (form and spreadsheet import), who read them,
// releases and the statistics computed on them, field signals and their workflow.
//
// Who sees what (PRODUCT.md "Access and confidentiality", decided with the policy):
// - individual records: their organisation and the coordinator only; every read by the
//   coordinator of another organisation's records is audited with that organisation as owner
//   and listed in its "who read my records" view;
// - statistics: the coordinator sees live, exact counts; an organisation sees its own records
//   live and exact (scope "mine"); everyone else, and every organisation's national view, sees
//   the last release through disclosure control (k = 11, secondary suppression, rounding to 5),
//   so comparing two days' figures reveals no single new record;
// - signals: their organisation, the coordinator, and once shared the committee or the
//   organisations named.

#include "db/database.hpp"
#include "kit/actor.hpp"
#include "kit/relation.hpp"
#include "modules/field/alerts.hpp"
#include "modules/field/model.hpp"
#include "modules/field/rules.hpp"
#include "privacy/disclosure_control.hpp"
#include "security/audit_log.hpp"
#include "text/xlsx.hpp"

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace vigie::field {

struct RecordPage {
  std::vector<VictimRecord> records;
  std::int64_t total = 0;  // matching records, of the caller's organisation (or all)
};

struct ImportError {
  std::size_t row = 0;  // spreadsheet row, the header being row 1
  std::string column;   // the template's column name, "" for the whole row
  std::string message;
  std::string code =
      "invalid";      // the rule's code ("unknown_code", "required"…), for the UI's words
  std::string value;  // the cell as written (for "'x' is not a code of…")
  boost::json::object details = {};  // the rule's own (the identifier guard's FR/EN hint)
};

struct ImportResult {
  std::size_t rows = 0;             // data rows read
  bool written = false;             // false for a dry run or when there is any error
  std::vector<ImportError> errors;  // every bad row's every error; nothing written when any
};

struct StatsQuery {
  std::vector<std::string> dimensions;  // allowed by privacy::allowed_dimension, at most 3
  std::optional<int> year;
  bool mine = false;  // the caller's organisation's own records, live
};

struct StatsView {
  std::optional<Release> release;  // the release counted; nullopt for live counts
  bool controlled = true;          // disclosure control applied
  std::string scope;               // "national" or "mine"
  privacy::ControlledTable table;
};

class Service {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;
  Service(db::Database& db, const security::AuditLog& audit,
          Clock now = std::chrono::system_clock::now, std::string public_url = "");

  // The same service on another clock (the demo records its history month by month).
  Service with_clock(Clock now) const {
    Service other(db_, audit_, std::move(now), public_url_);
    other.released_ = released_;
    other.live_ = live_;
    return other;
  }

  // The caller's relations to a signal: own_organisation (its author), shared_with_me (shared
  // with the committee or with the caller's organisation by name). NotFound if none exists.
  kit::Relations relation_to_signal(const kit::Actor& who, std::int64_t id);

  VictimRecord create_record(const kit::Actor& who, const RecordInput& in);
  // The caller's organisation's records; for the coordinator every organisation's, each
  // other organisation's share of the page audited and recorded as a read of its records.
  RecordPage records(const kit::Actor& who, std::optional<int> year, std::size_t limit,
                     std::size_t offset);
  std::vector<RecordRead> reads(const kit::Actor& who);

  // Template and import: columns named as the record's members, lists '|'-separated.
  static text::Table import_template();
  // Checks every row (collecting every error); writes them all in one transaction when
  // `write` and no row is bad.
  ImportResult import_records(const kit::Actor& who, const text::Table& rows, bool write);

  // Freezes a release now (the coordinator), or the month's if it has none (the periodic
  // task; nullopt when it exists already).
  Release freeze_release(const kit::Actor& who);
  std::optional<Release> freeze_monthly_release();

  // Throws kit::Invalid for a dimension that is not allowed or too many.
  StatsView stats(const kit::Actor& who, const StatsQuery& q);

  Signal create_signal(const kit::Actor& who, const SignalInput& in);
  std::vector<Signal> signals(const kit::Actor& who);  // those the caller may read
  // Moves a signal to `to` ("acknowledged", "shared" with `with`, "closed"); Conflict (409)
  // naming the allowed transitions for any other.
  Signal transition(const kit::Actor& who, std::int64_t id, const std::string& to,
                    const std::vector<std::string>& with);
  std::vector<std::pair<Signal, bool>> notifications(const kit::Actor& who);  // (signal, read)

  // Retention: removes the profiles whose first contact is more than `years` years before this
  // month, once they are counted in a stored release (created before the last release was
  // frozen); on SQLite their bytes are wiped (secure_delete) and the log checkpointed. Returns
  // how many were removed.
  std::int64_t purge(int years);

  // The alerts standing today (alerts.hpp states the rules).
  std::vector<Alert> alerts(const kit::Actor& who);
  // Tells the coordination's referents of each alert not told yet (the periodic task); returns
  // how many were new.
  int notify_alerts();

 private:
  Today today() const;
  db::Database& db_;
  const security::AuditLog& audit_;
  Clock now_;
  std::string public_url_;
  // Controlled tables computed on a release, by release, dimensions and year: a release never
  // changes, so neither do they (bounded; emptied when full).
  struct ReleasedTables {
    std::mutex mutex;
    std::map<std::string, privacy::ControlledTable> tables;
  };
  std::shared_ptr<ReleasedTables> released_ = std::make_shared<ReleasedTables>();
  // Live tables (the coordinator's, an organisation's own) with the records' generation they
  // were counted at: served again while the generation has not moved (store::generation).
  struct LiveTables {
    std::mutex mutex;
    std::map<std::string, std::pair<std::int64_t, privacy::ControlledTable>> tables;
  };
  std::shared_ptr<LiveTables> live_ = std::make_shared<LiveTables>();
};

}  // namespace vigie::field
