#pragma once
// Plan follow-up use cases. Every committee member reads the plan; the referents (and admins)
// of an action's pilot organisations, and the coordination's referents, report on it.

#include "db/database.hpp"
#include "kit/actor.hpp"
#include "kit/relation.hpp"
#include "modules/plan/model.hpp"
#include "security/audit_log.hpp"
#include "text/export_language.hpp"
#include "text/xlsx.hpp"

#include <chrono>
#include <functional>
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

struct ActionUpdate {
  std::int64_t action_id = 0;
  UpdateInput input;
};

struct MeasureDetail {
  Measure measure;
  std::string axis_code;
  std::vector<std::pair<std::int64_t, Update>> history;  // (action id, update), newest first
};

// A new measure in an axis, with one implementation action carrying its pilots.
struct MeasureInput {
  std::string code, title_fr, title_en;
  std::vector<std::string> pilots;
  std::optional<std::string> deadline;
};
// A change to a measure; absent members stay as they are. `move` swaps with the neighbour
// before (-1) or after (+1) in its axis.
struct MeasureChange {
  std::optional<std::string> title_fr, title_en;
  std::optional<int> weight;
  std::optional<bool> retired;
  int move = 0;
};
// A new action, or a change to one (absent members stay as they are; an empty deadline or
// cost clears it).
struct ActionChange {
  std::optional<std::string> title, deadline, cost_eur, funding, official_text_url;
  std::optional<int> weight;
  std::optional<std::vector<std::string>> pilots, partners;
};
struct IndicatorInput {
  std::string name, unit, direction, target_date;
  std::optional<double> baseline, target;
  std::optional<std::int64_t> action_id;
};
struct ValueInput {
  std::string period, source;
  std::optional<double> value;
};
struct CampaignInput {
  std::string label, deadline;
  std::vector<std::string> measure_codes;  // empty: every measure in force
};
// The e-mails a campaign sends (the rule: campaign_service.cpp).
enum class CampaignNotice { opened, before, overdue };

struct CampaignView {
  Campaign campaign;
  std::vector<OwedAction> actions;
  int reported() const;
};
// One row of an import that cannot be applied: the spreadsheet row (1 = header) and column.
struct RowError {
  std::size_t row = 0;
  std::string column, message;
};
struct ImportResult {
  std::vector<RowError> errors;  // when not empty, nothing was changed
  int measures_created = 0, measures_updated = 0, actions_created = 0, actions_updated = 0,
      rows_unchanged = 0;
  bool applied = false;
};

// What every plan service works on: the database, the audit trail, the clock, and the public
// address for links in e-mails. Each themed service below holds its own copy.
class Context {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;
  // `public_url`: the base of the links in campaign e-mails.
  Context(db::Database& db, const security::AuditLog& audit,
          Clock now = std::chrono::system_clock::now, std::string public_url = "");

  // Today's date (YYYY-MM-DD, UTC) by the injected clock.
  std::string today() const;
  // The tree with its roll-ups (read-only transaction); nullopt before a plan is loaded.
  std::optional<Plan> tree();

 protected:
  db::Database& db_;
  const security::AuditLog& audit_;
  Clock now_;
  std::string public_url_;
};

// A measure as other modules see it (the diagnostics' official picture): no table of the
// plan leaves the module, only this.
// A status code of a MeasureSummary as a reader of `lang` reads it ("En cours"), for other
// modules' exports; an unknown code is returned as it is.
std::string status_words(std::string_view status_code, text::Lang lang);

struct MeasureSummary {
  std::string code, axis_code, title_fr, title_en;
  std::string status;  // to_string(Status) of the roll-up
  double progress = 0;
  std::optional<std::string> last_report_on;  // the newest dated report by a person or the data
  std::vector<std::string> pilots;            // organisation codes of its actions' pilots
  bool retired = false;
  // A cross-cutting theme (a transversal axis: code == axis_code), rolled up from its measures.
  bool theme = false;
};

// Following the plan: the tree, a measure's history, the pilots' progress reports
// (service.cpp), and the shipped plan.
class ReportService : public Context {
 public:
  using Context::Context;
  // pilot when the caller's organisation pilots the action; kit::NotFound when none exists.
  kit::Relations relation_to_action(const kit::Actor& who, std::int64_t action_id);
  std::optional<MeasureDetail> measure(const std::string& code);
  // Every measure with its roll-up, in plan order (empty before a plan is loaded).
  std::vector<MeasureSummary> measure_summaries();
  // The measures, then the cross-cutting themes (transversal axes) with their roll-up, their
  // measures' pilots and newest report: what the field can give a diagnostic on.
  std::vector<MeasureSummary> subject_summaries();
  // One measure's or one theme's summary (nullopt when none has this code), read from that
  // measure alone, or that theme's axis: a field view reads this rather than the whole plan.
  std::optional<MeasureSummary> subject_summary(const std::string& code);
  // Records a new dated update. Throws NotFound (unknown action), Forbidden (not a pilot),
  // Invalid (input, including a direct identifier in the comment).
  Update report(const kit::Actor& who, std::int64_t action_id, const UpdateInput& in);
  // Several updates in one transaction: all are recorded, or none (Invalid with errors named
  // updates/<index>/<field>; Forbidden when one action is not the caller's to report on).
  std::vector<Update> report_many(const kit::Actor& who, const std::vector<ActionUpdate>& updates);
  // Loads the shipped 2024-2027 plan (data/plan-2024-2027.json, compiled in) into an empty
  // database; returns false when a plan is already there.
  bool load_reference_plan();

 private:
  // Records one checked update inside the caller's transaction (checks the caller pilots it).
  Update write_update(soci::session& s, const kit::Actor& who, std::int64_t action_id,
                      const UpdateInput& in);
};

// The referential, kept by the coordination: measures and actions (referential_service.cpp),
// and its spreadsheet exchange (referential_exchange.cpp).
// A table to download: its rows (header first), its file name and its CSV separator, all in
// the reader's language.
struct TableExport {
  text::Table rows;
  std::string file_name;
  char separator = ';';
};

class ReferentialService : public Context {
 public:
  using Context::Context;
  Measure create_measure(const kit::Actor& who, const std::string& axis_code,
                         const MeasureInput& in);
  void change_measure(const kit::Actor& who, const std::string& code, const MeasureChange& in);
  std::int64_t add_action(const kit::Actor& who, const std::string& measure_code,
                          const ActionChange& in);
  void change_action(const kit::Actor& who, std::int64_t id, const ActionChange& in);
  // The referential as a table in the reader's language ("fr" unless "en"; see
  // referential_table.hpp for the columns), with its file name ("….<extension>") and the CSV
  // separator of that language. Throws kit::NotFound when no plan is loaded.
  TableExport export_table(std::string_view lang, std::string_view extension);
  // Checks every row; applies them all in one transaction only when none has an error and
  // `apply` is set.
  ImportResult import_table(const kit::Actor& who, const text::Table& rows, bool apply);
};

// Indicators of measures and their values per period (indicator_service.cpp).
class IndicatorService : public Context {
 public:
  using Context::Context;
  // pilot when the caller's organisation pilots the indicator's action (or, for an indicator
  // of the whole measure, one of its actions); kit::NotFound when none exists.
  kit::Relations relation_to_indicator(const kit::Actor& who, std::int64_t indicator_id);
  std::vector<Indicator> indicators(const std::string& measure_code);
  Indicator create_indicator(const kit::Actor& who, const std::string& measure_code,
                             const IndicatorInput& in);
  // By the pilots of the measure's actions (of the indicator's action when it has one) and the
  // coordination (the route guard checks it).
  IndicatorValue record_value(const kit::Actor& who, std::int64_t indicator_id,
                              const ValueInput& in);
};

// Reporting campaigns (campaign_service.cpp).
class CampaignService : public Context {
 public:
  using Context::Context;
  // Opening tells the referents of every pilot organisation in scope by e-mail.
  CampaignView open_campaign(const kit::Actor& who, const CampaignInput& in);
  std::vector<CampaignView> campaigns();
  std::optional<CampaignView> campaign(std::int64_t id);
  // The campaign's actions as a table in the reader's language ("fr" unless "en"): measure,
  // action, pilots, reported or not and when. Throws kit::NotFound for an unknown id.
  TableExport export_table(std::int64_t id, std::string_view lang);
  // Freezes the campaign: completion and the tree as they are now, kept for reports.
  CampaignView close_campaign(const kit::Actor& who, std::int64_t id);
  // What an organisation owes in the open campaigns.
  std::vector<CampaignView> owed_by(const std::string& org_code);
  // Queues the reminders due today (see campaign_service.cpp for the rule); returns how many
  // e-mails were queued. Idempotent within a day.
  int send_reminders();

 private:
  // Queues a campaign notice to the organisation's referents and admins, records it and
  // audits it; returns how many e-mails were queued.
  int notify(soci::session& s, CampaignNotice kind, const Campaign& c, const std::string& org,
             const std::vector<const OwedAction*>& actions);
};

// The plan module's services, by theme, sharing one context.
struct Service {
  Service(db::Database& db, const security::AuditLog& audit,
          Context::Clock now = std::chrono::system_clock::now, std::string public_url = "")
      : reports(db, audit, now, public_url),
        referential(db, audit, now, public_url),
        indicators(db, audit, now, public_url),
        campaigns(db, audit, now, public_url) {}
  ReportService reports;
  ReferentialService referential;
  IndicatorService indicators;
  CampaignService campaigns;
};

}  // namespace vigie::plan
