// The referential in and out of spreadsheets. An import changes nothing until every row is
// valid; then it applies all of them in one transaction. Rows are matched by action id (empty:
// a new action) and measure code (unknown: a new measure in the row's axis). Nothing is ever
// deleted: a measure leaves the plan by being retired.
#include "db/timestamp.hpp"
#include "kit/audit.hpp"
#include "kit/errors.hpp"
#include "modules/plan/referential_rules.hpp"
#include "modules/plan/referential_table.hpp"
#include "modules/plan/rollup.hpp"
#include "modules/plan/service.hpp"
#include "modules/plan/store.hpp"
#include "text/csv.hpp"
#include "text/trim.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>
#include <map>

namespace vigie::plan {

namespace {

// A cell as the export wrote it: the CSV writer prefixes text that a spreadsheet would run as
// a formula (= + - @, tab, CR, LF first) with an apostrophe, which the import takes off again.
std::string cell_text(const std::string& s) {
  if (s.size() > 1 && s[0] == '\'' && text::starts_like_formula(std::string_view(s).substr(1)))
    return text::trim(s.substr(1));
  return text::trim(s);
}

std::optional<bool> yes_no(const std::string& s) {
  std::string l;
  for (char c : s) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (l == "yes" || l == "oui" || l == "true" || l == "1") return true;
  if (l == "no" || l == "non" || l == "false" || l == "0" || l.empty()) return false;
  return std::nullopt;
}

struct WantedMeasure {
  std::size_t first_row = 0;
  std::string axis, title_fr, title_en;
  int weight = 1;
  bool retired = false;
};

struct WantedAction {
  std::size_t row = 0;
  std::string measure;
  std::optional<std::int64_t> id;
  Action action;
};

std::vector<std::string> sorted(std::vector<std::string> v) {
  std::sort(v.begin(), v.end());
  return v;
}

bool same_action(const Action& a, const Action& b) {
  return a.title == b.title && a.weight == b.weight && sorted(a.pilots) == sorted(b.pilots) &&
         a.partners == b.partners && a.deadline == b.deadline && a.cost_eur == b.cost_eur &&
         a.funding == b.funding && a.official_text_url == b.official_text_url;
}

}  // namespace

TableExport ReferentialService::export_table(std::string_view lang_code,
                                             std::string_view extension) {
  auto plan = tree();
  if (!plan) throw kit::NotFound("No plan is loaded yet.");
  const auto lang = lang_of(lang_code);
  return {referential_rows(*plan, lang), referential_file_name(*plan, lang, extension),
          csv_separator(lang)};
}

ImportResult ReferentialService::import_table(const kit::Actor& who, const text::Table& rows,
                                              bool apply) {
  ImportResult result;
  auto fail = [&](std::size_t row, std::size_t column, std::string message) {
    result.errors.push_back(
        {row, column < kColumnCount ? std::string(kColumnNames[column]) : "", std::move(message)});
  };
  std::string expected;
  for (std::size_t c = 0; c < kImportedColumns; ++c)
    expected += (c ? ", " : "") + std::string(column_headers(Lang::en)[c]);
  // The headers of a French or an English export, or the column codes of earlier ones.
  bool header_ok = !rows.empty() && rows[0].size() >= kImportedColumns;
  for (std::size_t c = 0; header_ok && c < kImportedColumns; ++c)
    header_ok = names_column(rows[0][c], static_cast<Column>(c));
  if (!header_ok) {
    fail(1, kColumnCount, "The first row must name the columns of the export: " + expected + ".");
    return result;
  }

  return db_.transact([&](soci::session& s) {
    auto current = store::load_tree(s);
    if (!current) {
      fail(1, kColumnCount, "No plan is loaded yet.");
      return result;
    }
    std::map<std::string, std::string> axis_of_measure;
    std::map<std::string, const Measure*> measures;
    std::map<std::int64_t, std::pair<std::string, const Action*>> actions;
    std::map<std::string, std::int64_t> axes;
    for (const auto& axis : current->axes) {
      axes[axis.code] = axis.id;
      for (const auto& m : axis.measures) {
        axis_of_measure[m.code] = axis.code;
        measures[m.code] = &m;
        for (const auto& a : m.actions) actions[a.id] = {m.code, &a};
      }
    }
    const auto known = store::known_pilot_codes(s);

    std::map<std::string, WantedMeasure> wanted_measures;
    std::vector<std::string> measure_order;
    std::vector<WantedAction> wanted_actions;
    std::map<std::int64_t, std::size_t> action_rows;
    for (std::size_t r = 1; r < rows.size(); ++r) {
      const std::size_t line = r + 1;
      std::vector<std::string> cell(kImportedColumns);
      for (std::size_t c = 0; c < kImportedColumns && c < rows[r].size(); ++c)
        cell[c] = cell_text(rows[r][c]);
      if (std::all_of(cell.begin(), cell.end(), [](const auto& v) { return v.empty(); })) continue;
      const std::size_t errors_before = result.errors.size();
      auto check = [&](std::size_t column, const std::optional<rules::Problem>& p) {
        if (p) fail(line, column, p->message);
      };

      WantedMeasure wm;
      wm.first_row = line;
      wm.axis = cell[kAxis];
      if (!axes.contains(wm.axis)) fail(line, kAxis, "Unknown axis: " + wm.axis + ".");
      const auto& code = cell[kMeasure];
      check(kMeasure, rules::measure_code(code));
      if (auto it = axis_of_measure.find(code);
          it != axis_of_measure.end() && it->second != wm.axis)
        fail(line, kAxis,
             "Measure " + code + " belongs to axis " + it->second +
                 "; moving a measure to another axis is not supported.");
      wm.title_fr = cell[kMeasureTitleFr];
      check(kMeasureTitleFr, rules::title(wm.title_fr));
      wm.title_en = cell[kMeasureTitleEn];
      check(kMeasureTitleEn, rules::title(wm.title_en, false));
      if (auto w = rules::whole_number(cell[kMeasureWeight])) {
        check(kMeasureWeight, rules::weight(*w));
        wm.weight = static_cast<int>(std::clamp<long long>(*w, 0, 1000));
      } else {
        fail(line, kMeasureWeight, "A whole number from 1 to 100.");
      }
      if (auto y = yes_no(cell[kMeasureRetired]))
        wm.retired = *y;
      else
        fail(line, kMeasureRetired, "yes or no.");

      WantedAction wa;
      wa.row = line;
      wa.measure = code;
      if (!cell[kActionId].empty()) {
        auto id = rules::whole_number(cell[kActionId]);
        auto it = id ? actions.find(*id) : actions.end();
        if (it == actions.end())
          fail(line, kActionId, "No action has this id; leave it empty to add an action.");
        else if (it->second.first != code)
          fail(line, kActionId,
               "Action " + cell[kActionId] + " belongs to measure " + it->second.first + ".");
        else if (auto [at, fresh] = action_rows.emplace(*id, line); !fresh)
          fail(line, kActionId,
               "Action " + cell[kActionId] + " is already on row " + std::to_string(at->second) +
                   ".");
        else
          wa.id = *id;
      }
      Action& a = wa.action;
      a.title = cell[kActionTitle];
      check(kActionTitle, rules::title(a.title));
      if (auto w = rules::whole_number(cell[kActionWeight])) {
        check(kActionWeight, rules::weight(*w));
        a.weight = static_cast<int>(std::clamp<long long>(*w, 0, 1000));
      } else {
        fail(line, kActionWeight, "A whole number from 1 to 100.");
      }
      a.pilots = split_pilots(cell[kPilots]);
      check(kPilots, rules::pilots(a.pilots, known));
      a.partners = split_partners(cell[kPartners]);
      std::string deadline = cell[kDeadline];
      // A spreadsheet may have turned the date into its day number.
      if (auto serial = rules::whole_number(deadline))
        deadline = text::excel_serial_to_iso(*serial);
      check(kDeadline, rules::date(deadline));
      if (!deadline.empty()) a.deadline = deadline;
      check(kCostEur, rules::cost(cell[kCostEur], a.cost_eur));
      a.funding = cell[kFunding];
      check(kFunding, rules::title(a.funding, false));
      a.official_text_url = cell[kOfficialTextUrl];
      check(kOfficialTextUrl, rules::link(a.official_text_url));

      if (result.errors.size() > errors_before) continue;
      if (auto [it, fresh] = wanted_measures.emplace(code, wm); !fresh) {
        const auto& w = it->second;
        if (w.axis != wm.axis || w.title_fr != wm.title_fr || w.title_en != wm.title_en ||
            w.weight != wm.weight || w.retired != wm.retired)
          fail(line, kMeasure,
               "The measure's columns differ from row " + std::to_string(w.first_row) +
                   ": they must be the same on "
                   "every row of the measure.");
      } else {
        measure_order.push_back(code);
      }
      wanted_actions.push_back(std::move(wa));
    }
    if (!result.errors.empty()) return result;

    // Everything is valid: count (and, when applying, make) the changes.
    std::map<std::string, std::int64_t> measure_ids;
    std::map<std::string, bool> measure_changed;
    for (const auto& code : measure_order) {
      const auto& w = wanted_measures.at(code);
      auto it = measures.find(code);
      if (it == measures.end()) {
        ++result.measures_created;
        measure_changed[code] = true;
        if (!apply) continue;
        Measure m;
        m.code = code;
        m.title_fr = w.title_fr;
        m.title_en = w.title_en;
        m.weight = w.weight;
        m.confidence = "entered";
        const auto axis_id = axes.at(w.axis);
        measure_ids[code] =
            store::insert_measure(s, axis_id, m, store::next_measure_position(s, axis_id));
        if (w.retired) {
          auto row = *store::find_measure(s, code);
          row.retired_at = today();
          store::update_measure(s, row);
        }
        continue;
      }
      const Measure& m = *it->second;
      measure_ids[code] = m.id;
      const bool changed = m.title_fr != w.title_fr || m.title_en != w.title_en ||
                           m.weight != w.weight || m.retired != w.retired;
      measure_changed[code] = changed;
      if (!changed) continue;
      ++result.measures_updated;
      if (!apply) continue;
      auto row = *store::find_measure(s, code);
      row.title_fr = w.title_fr;
      row.title_en = w.title_en;
      row.weight = w.weight;
      if (w.retired != row.retired_at.has_value())
        row.retired_at = w.retired ? std::optional<std::string>(today()) : std::nullopt;
      store::update_measure(s, row);
    }
    for (auto& wa : wanted_actions) {
      bool changed = measure_changed[wa.measure];
      if (!wa.id) {
        ++result.actions_created;
        if (apply)
          store::insert_action(s, measure_ids.at(wa.measure), wa.action,
                               store::next_action_position(s, measure_ids.at(wa.measure)));
        continue;
      }
      wa.action.id = *wa.id;
      if (!same_action(*actions.at(*wa.id).second, wa.action)) {
        changed = true;
        ++result.actions_updated;
        if (apply) store::update_action(s, wa.action);
      }
      if (!changed) ++result.rows_unchanged;
    }
    const bool any = result.measures_created + result.measures_updated + result.actions_created +
                         result.actions_updated >
                     0;
    if (apply && any) {
      result.applied = true;
      kit::AuditRecord(who, "plan.import", "plan", current->code)
          .details(boost::json::object{{"measures_created", result.measures_created},
                                       {"measures_updated", result.measures_updated},
                                       {"actions_created", result.actions_created},
                                       {"actions_updated", result.actions_updated}})
          .append(s, db_.backend(), audit_);
    }
    return result;
  });
}

}  // namespace vigie::plan
