#include "modules/field/service.hpp"

#include "db/timestamp.hpp"
#include "kit/audit.hpp"
#include "kit/errors.hpp"
#include "kit/rules.hpp"
#include "kit/territory.hpp"
#include "mail/outbox.hpp"
#include "modules/accounts/directory.hpp"
#include "modules/accounts/policy.hpp"
#include "modules/field/codes.hpp"
#include "modules/field/import.hpp"
#include "modules/field/store.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace vigie::field {

namespace {

constexpr std::size_t kMaxPage = 1000;

// The dimensions field statistics are broken down by (each also allowed by disclosure control).
const std::vector<std::string> kDimensions{"departement",   "region",      "year",
                                           "month",         "quarter",     "sex",
                                           "age_band",      "minor",       "form_of_exploitation",
                                           "sector",        "nationality", "nationality_region",
                                           "victim_status", "support",     "operation"};

// The values of one count row along one dimension: several for the multi-valued members (a
// record with two forms counts under each), one otherwise.
std::vector<std::string> values_of(const store::CountRow& r, const std::string& dim) {
  auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
  if (dim == "departement") return {r.departement};
  if (dim == "region") {
    const auto t = kit::territory(r.departement);
    return {t ? t->region : std::string("unknown")};
  }
  if (dim == "year") return {std::to_string(r.year)};
  if (dim == "month") return {std::to_string(r.year) + "-" + two(r.month)};
  if (dim == "quarter") return {std::to_string(r.year) + "-Q" + std::to_string((r.month + 2) / 3)};
  if (dim == "sex") return {r.sex};
  if (dim == "age_band") return {r.age_band};
  if (dim == "minor") return {r.minor ? "yes" : "no"};
  if (dim == "form_of_exploitation") return split_codes(r.forms);
  if (dim == "sector") return {r.sector.empty() ? "none" : r.sector};
  if (dim == "nationality") return {r.nationality.empty() ? "unknown" : r.nationality};
  if (dim == "nationality_region") {
    const auto w = world_region(r.nationality);
    return {w.empty() ? std::string("unknown") : std::string(w)};
  }
  if (dim == "victim_status") return {r.victim_status};
  if (dim == "support") {
    auto s = split_codes(r.support);
    if (s.empty()) s.push_back("none");
    return s;
  }
  if (dim == "operation") return {r.operation.empty() ? "none" : r.operation};
  return {};
}

// The record columns a dimension is computed from.
std::vector<std::string> columns_of(const std::vector<std::string>& dims) {
  std::vector<std::string> out;
  auto need = [&](const char* c) {
    if (std::find(out.begin(), out.end(), c) == out.end()) out.emplace_back(c);
  };
  for (const auto& d : dims) {
    if (d == "departement" || d == "region") need("departement");
    if (d == "year" || d == "month" || d == "quarter") need("contact_year");
    if (d == "month" || d == "quarter") need("contact_month");
    if (d == "sex") need("sex");
    if (d == "age_band") need("age_band");
    if (d == "minor") need("minor_at_contact");
    if (d == "form_of_exploitation") need("forms");
    if (d == "sector") need("sector");
    if (d == "nationality" || d == "nationality_region") need("nationality");
    if (d == "victim_status") need("victim_status");
    if (d == "support") need("support");
    if (d == "operation") need("operation");
  }
  return out;
}

// Adds `n` to every combination of the row's values along the dimensions.
void add_row(privacy::CountTable& table, const store::CountRow& r,
             const std::vector<std::string>& dims) {
  std::vector<std::vector<std::string>> values;
  for (const auto& d : dims) {
    values.push_back(values_of(r, d));
    if (values.back().empty()) return;
  }
  std::vector<std::size_t> at(dims.size(), 0);
  std::vector<std::string> key(dims.size());
  for (;;) {
    for (std::size_t i = 0; i < dims.size(); ++i) key[i] = values[i][at[i]];
    table.add(key, r.n);
    std::size_t i = 0;
    while (i < dims.size() && ++at[i] == values[i].size()) at[i++] = 0;
    if (i == dims.size()) break;
  }
}

bool shared_with(const Signal& g, const std::string& org_code) {
  if (g.state != SignalState::shared && g.state != SignalState::closed) return false;
  for (const auto& w : g.shared_with)
    if (w == "committee" || w == org_code) return true;
  return false;
}

}  // namespace

Service::Service(db::Database& db, const security::AuditLog& audit, Clock now,
                 std::string public_url)
    : db_(db), audit_(audit), now_(std::move(now)), public_url_(std::move(public_url)) {}

Today Service::today() const {
  const auto day = std::chrono::floor<std::chrono::days>(now_());
  const std::chrono::year_month_day ymd{day};
  return {static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month()))};
}

// ---- Records ----------------------------------------------------------------------------

VictimRecord Service::create_record(const kit::Actor& who, const RecordInput& in) {
  kit::FieldErrors errors;
  auto r = validate_record(in, today(), errors);
  if (!r) throw kit::Invalid(std::move(errors));
  r->org_id = who.org_id;
  r->org_code = who.org_code;
  r->created_at = db::iso_utc(now_());
  db_.transact([&](soci::session& s) {
    store::insert_records(s, {*r}, who.user_id, r->created_at);
    // No content of the record in the trail: it is as sensitive as the record.
    kit::AuditRecord(who, "field.record_create", "field_record", who.org_code)
        .append(s, db_.backend(), audit_);
  });
  return *r;
}

RecordPage Service::records(const kit::Actor& who, std::optional<int> year, std::size_t limit,
                            std::size_t offset) {
  // The coordinator reads every organisation's; anyone else only their own (the gate let
  // them in under own_organisation).
  const bool all = accounts::allowed(who, "field.record_read", kit::Relations{});
  store::RecordFilter f{all ? std::nullopt : std::optional<std::int64_t>(who.org_id), year,
                        std::min(limit, kMaxPage), offset};
  return db_.transact([&](soci::session& s) {
    RecordPage page{store::records(s, f), store::count_records(s, f)};
    std::map<std::int64_t, int> others;  // owner organisation -> records of it in the page
    for (const auto& r : page.records)
      if (r.org_id != who.org_id) ++others[r.org_id];
    const auto at = db::iso_utc(now_());
    for (const auto& [org, n] : others) {
      store::insert_read(s, {org, who.org_code, who.user_id, at, n, "list"});
      kit::AuditRecord(who, "field.records_read", "field_records", org)
          .owner(org)
          .detail("records", n)
          .append(s, db_.backend(), audit_);
    }
    return page;
  });
}

std::vector<RecordRead> Service::reads(const kit::Actor& who) {
  return db_.read([&](soci::session& s) { return store::reads(s, who.org_id, 500); });
}

// ---- Import ------------------------------------------------------------------------------

text::Table Service::import_template() {
  return {template_header(), template_example()};
}

ImportResult Service::import_records(const kit::Actor& who, const text::Table& rows, bool write) {
  ImportResult result;
  auto parsed = parse_import(rows, today());
  result.rows = parsed.records.size() + parsed.bad_rows;
  result.errors = std::move(parsed.errors);
  if (!result.errors.empty() || !write) return result;
  const auto at = db::iso_utc(now_());
  for (auto& r : parsed.records) {
    r.org_id = who.org_id;
    r.org_code = who.org_code;
  }
  db_.transact([&](soci::session& s) {
    store::insert_records(s, parsed.records, who.user_id, at);
    kit::AuditRecord(who, "field.import", "field_records", who.org_code)
        .detail("records", static_cast<std::int64_t>(parsed.records.size()))
        .append(s, db_.backend(), audit_);
  });
  result.written = true;
  return result;
}

// ---- Releases and statistics ----------------------------------------------------------------

Release Service::freeze_release(const kit::Actor& who) {
  const auto at = db::iso_utc(now_());
  return db_.transact([&](soci::session& s) {
    auto r = store::create_release(s, "", at, who.user_id);
    kit::AuditRecord(who, "field.release_create", "field_release", r.id)
        .owner(0)
        .detail("records", r.records)
        .append(s, db_.backend(), audit_);
    return r;
  });
}

std::optional<Release> Service::freeze_monthly_release() {
  const auto t = today();
  const std::string period =
      std::to_string(t.year) + "-" + (t.month < 10 ? "0" : "") + std::to_string(t.month);
  const auto at = db::iso_utc(now_());
  return db_.transact([&](soci::session& s) -> std::optional<Release> {
    if (store::release_for_period(s, period)) return std::nullopt;
    auto r = store::create_release(s, period, at, 0);
    kit::AuditRecord(kit::Actor::system("monthly release"), "field.release_create", "field_release",
                     r.id)
        .owner(0)
        .detail("period", period)
        .detail("records", r.records)
        .append(s, db_.backend(), audit_);
    return r;
  });
}

StatsView Service::stats(const kit::Actor& who, const StatsQuery& q) {
  kit::FieldErrors errors;
  const privacy::DisclosureRules rules;
  if (q.dimensions.empty()) errors.push_back({"dims", "required", "Name at least one dimension."});
  if (q.dimensions.size() > rules.max_dimensions)
    errors.push_back({"dims", "too_many", "At most 3 dimensions at once."});
  std::set<std::string> seen;
  for (std::size_t i = 0; i < q.dimensions.size(); ++i)
    if (!privacy::allowed_dimension(q.dimensions[i]) ||
        std::find(kDimensions.begin(), kDimensions.end(), q.dimensions[i]) == kDimensions.end())
      errors.push_back({"dims/" + std::to_string(i), "unknown_dimension",
                        "'" + q.dimensions[i] + "' is not a dimension of field statistics."});
    else if (!seen.insert(q.dimensions[i]).second)
      errors.push_back({"dims/" + std::to_string(i), "duplicate", "Named twice."});
  if (q.year && (*q.year < 2000 || *q.year > 2100))
    errors.push_back({"year", "out_of_range", "A year from 2000 to 2100."});
  kit::throw_if_invalid(std::move(errors));

  StatsView view;
  view.scope = q.mine ? "mine" : "national";
  // Exact, live counts: an organisation's own records, and the coordinator's national view.
  const bool live_all =
      !q.mine && accounts::allowed(who, "field.stats_read_live", kit::Relations{});
  view.controlled = !q.mine && !live_all;
  // A controlled table is always a slice of one canonical table per set of dimensions: the
  // release crossed by those dimensions and the year, controlled once. A year's figures are its
  // slice, all years' the slice of the totals over years, so that comparing a year's table with
  // the all-years one (or with another year's) solves no suppressed cell: the suppression was
  // decided on the equations that tie them together.
  auto dims = q.dimensions;
  const bool asked_year = std::find(dims.begin(), dims.end(), "year") != dims.end();
  bool sliced = false;
  if (view.controlled && !asked_year) {
    if (dims.size() >= rules.max_dimensions) {
      if (q.year)
        throw kit::Invalid({{"year", "too_many_dimensions",
                             "For one year, break the figures down by at most 2 dimensions."}});
    } else {
      dims.push_back("year");
      sliced = true;
    }
  }
  const auto columns = columns_of(dims);
  std::vector<store::CountRow> rows;
  std::string cache_key;
  bool cached = false;
  std::int64_t generation = -1;
  db_.read([&](soci::session& s) {
    if (q.mine || live_all) {
      generation = store::generation(s);
      cache_key = std::string(q.mine ? std::to_string(who.org_id) : "all") + "|" +
                  (q.year ? std::to_string(*q.year) : "") + "|" + join_codes(dims);
      {
        std::lock_guard lock(live_->mutex);
        if (auto it = live_->tables.find(cache_key);
            it != live_->tables.end() && it->second.first == generation) {
          view.table = it->second.second;
          cached = true;
          return;
        }
      }
      rows =
          store::live_counts(s, q.mine ? std::optional(who.org_id) : std::nullopt, q.year, columns);
    } else {
      view.release = store::latest_release(s);
      if (!view.release) return;
      cache_key = std::to_string(view.release->id) + "|" + join_codes(dims);
      {
        std::lock_guard lock(released_->mutex);
        if (auto it = released_->tables.find(cache_key); it != released_->tables.end()) {
          view.table = it->second;
          cached = true;
          return;
        }
      }
      // Every year: the year is a dimension of the canonical table.
      rows = store::release_counts(s, view.release->id, std::nullopt, columns);
    }
  });
  if (!cached) {
    privacy::CountTable table(dims);
    for (const auto& r : rows) add_row(table, r, dims);
    view.table = view.controlled ? privacy::control(table, rules) : privacy::uncontrolled(table);
    if (generation >= 0) {
      std::lock_guard lock(live_->mutex);
      if (live_->tables.size() >= 256) live_->tables.clear();
      live_->tables[cache_key] = {generation, view.table};
    } else if (!cache_key.empty()) {
      std::lock_guard lock(released_->mutex);
      if (released_->tables.size() >= 256) released_->tables.clear();
      released_->tables[cache_key] = view.table;
    }
  }
  if (sliced) {
    // Keep the slice asked for (one year, or the totals over years) and drop the year.
    const std::optional<std::string> year =
        q.year ? std::optional<std::string>(std::to_string(*q.year)) : std::nullopt;
    std::vector<privacy::ControlledCell> kept;
    for (auto& c : view.table.cells) {
      if (c.key.back() != year) continue;
      c.key.pop_back();
      kept.push_back(std::move(c));
    }
    view.table.cells = std::move(kept);
    view.table.dimensions.pop_back();
  } else if (view.controlled && asked_year && q.year) {
    // The year is one of the dimensions asked for: the year's rows of the canonical table.
    const auto at =
        static_cast<std::size_t>(std::find(dims.begin(), dims.end(), "year") - dims.begin());
    const auto year = std::to_string(*q.year);
    std::erase_if(view.table.cells,
                  [&](const privacy::ControlledCell& c) { return c.key[at] != year; });
  }
  // A count of 11 or 12 rounds to 10, which reads as a cell under the threshold: publish it as
  // the first multiple of the base at or above k (15) instead, so that no published figure is
  // ever read as a count from 1 to k-1. Less precise, never more revealing.
  if (view.controlled) {
    const std::int64_t floor =
        (rules.k + rules.rounding_base - 1) / rules.rounding_base * rules.rounding_base;
    for (auto& c : view.table.cells)
      if (c.value && *c.value > 0 && *c.value < rules.k) c.value = floor;
  }
  return view;
}

// ---- Signals --------------------------------------------------------------------------------

kit::Relations Service::relation_to_signal(const kit::Actor& who, std::int64_t id) {
  const auto g = db_.read([&](soci::session& s) { return store::find_signal(s, id); });
  if (!g) throw kit::NotFound("No signal with this id.");
  kit::Relations r;
  if (g->org_id == who.org_id) r.add(kit::Relation::own_organisation);
  if (shared_with(*g, who.org_code)) r.add(kit::Relation::shared_with_me);
  return r;
}

namespace {

// The ISO week `day` falls in, "2026-W11" (weeks start on Monday; week 1 holds the year's
// first Thursday).
std::string iso_week(std::chrono::sys_days day) {
  using namespace std::chrono;
  const int monday_based = static_cast<int>((weekday(day).c_encoding() + 6) % 7);
  const sys_days thursday = day - days(monday_based) + days(3);
  const year y = year_month_day(thursday).year();
  const int week = static_cast<int>((thursday - sys_days(y / January / 1)).count() / 7) + 1;
  return std::to_string(static_cast<int>(y)) + "-W" + (week < 10 ? "0" : "") + std::to_string(week);
}

}  // namespace

Signal Service::create_signal(const kit::Actor& who, const SignalInput& in) {
  kit::FieldErrors errors = in.read_errors;
  // A signal tells of what was seen, so not of a week to come (YYYY-Www compares as text).
  if (in.week && in.week->size() == 8 &&
      *in.week > iso_week(std::chrono::floor<std::chrono::days>(now_())))
    errors.push_back({"week", "in_future", "A signal tells of this week or an earlier one."});
  auto g = validate_signal(in, errors);
  if (!g || !errors.empty()) {
    // Every error in one answer; but a member the reader refused is absent for the rules, which
    // would also call it "required": the reader's word on it is the one kept.
    std::set<std::string> read;
    for (const auto& e : in.read_errors) read.insert(e.field.substr(0, e.field.find('/')));
    kit::FieldErrors all(errors.begin(), errors.begin() + in.read_errors.size());
    for (auto i = errors.begin() + in.read_errors.size(); i != errors.end(); ++i)
      if (!read.count(i->field.substr(0, i->field.find('/')))) all.push_back(std::move(*i));
    throw kit::Invalid(std::move(all));
  }
  g->org_id = who.org_id;
  g->org_code = who.org_code;
  g->created_at = g->updated_at = db::iso_utc(now_());
  db_.transact([&](soci::session& s) {
    g->id = store::insert_signal(s, *g, who.user_id);
    kit::AuditRecord(who, "field.signal_create", "field_signal", g->id)
        .detail("severity", g->severity)
        .append(s, db_.backend(), audit_);
    if (g->severity != "urgent") return;
    // An urgent signal reaches the coordinator at once: in the application and by e-mail,
    // queued in this transaction so that it leaves only if the signal is stored.
    const std::string subject = "Signal urgent de " + who.org_code;
    for (const auto& org : accounts::directory::organisations(s)) {
      if (org.type != kit::OrgType::coordination) continue;
      for (auto user : accounts::directory::member_ids(s, org.code, kit::Role::viewer))
        store::notify(s, user, g->id, "urgent_signal", g->created_at);
      for (const auto& address : accounts::directory::contacts(s, org.code, kit::Role::referent))
        mail::enqueue(
            s, {address, subject,
                "Bonjour,\n\n" + subject + " (" + g->territory + ", semaine " + g->week +
                    ").\n\nPour le lire : " + public_url_ + "/terrain/signaux\n\n— Vigie\n"});
    }
  });
  return *g;
}

std::vector<Signal> Service::signals(const kit::Actor& who) {
  return db_.read([&](soci::session& s) {
    std::vector<Signal> out;
    for (auto& g : store::signals(s)) {
      kit::Relations r;
      if (g.org_id == who.org_id) r.add(kit::Relation::own_organisation);
      if (shared_with(g, who.org_code)) r.add(kit::Relation::shared_with_me);
      if (!accounts::allowed(who, "field.signal_read", r)) continue;
      g.transitions = store::transitions(s, g.id);
      out.push_back(std::move(g));
    }
    return out;
  });
}

Signal Service::transition(const kit::Actor& who, std::int64_t id, const std::string& to,
                           const std::vector<std::string>& with) {
  return db_.transact([&](soci::session& s) {
    auto g = store::find_signal(s, id);
    if (!g) throw kit::NotFound("No signal with this id.");
    const auto allowed = next_states(g->state);
    const auto target = signal_state_from(to);
    if (!target || std::find(allowed.begin(), allowed.end(), *target) == allowed.end()) {
      boost::json::array names;
      std::string list;
      for (auto a : allowed) {
        names.push_back(boost::json::string(to_string(a)));
        list += (list.empty() ? "" : ", ") + to_string(a);
      }
      throw kit::Conflict("illegal-transition",
                          "A " + to_string(g->state) + " signal can move to: " +
                              (list.empty() ? "nothing (it is closed)" : list) + ".",
                          {{"state", to_string(g->state)}, {"allowed", std::move(names)}});
    }
    kit::FieldErrors errors;
    std::vector<std::string> shared = g->shared_with;
    if (*target == SignalState::shared) {
      shared.clear();
      if (with.empty())
        errors.push_back(
            {"with", "required", "Share with the committee or name the organisations."});
      for (std::size_t i = 0; i < with.size(); ++i) {
        if (with[i] == "committee" || accounts::directory::organisation_id(s, with[i]))
          shared.push_back(with[i]);
        else
          errors.push_back({"with/" + std::to_string(i), "unknown_organisation",
                            "No organisation has the code '" + with[i] + "'."});
      }
    } else if (!with.empty()) {
      errors.push_back({"with", "not_sharing", "Only a share names whom it is for."});
    }
    kit::throw_if_invalid(std::move(errors));
    const auto at = db::iso_utc(now_());
    const SignalTransition t{to_string(g->state), to,         at, who.org_code,
                             join_codes(shared),  who.user_id};
    store::update_signal_state(s, id, *target, t.shared_with, at);
    store::insert_transition(s, id, t);
    kit::AuditRecord(who, "field.signal_transition", "field_signal", id)
        .owner(g->org_id)
        .detail("from", t.from)
        .detail("to", t.to)
        .detail("shared_with", t.shared_with)
        .append(s, db_.backend(), audit_);
    g->state = *target;
    g->shared_with = shared;
    g->updated_at = at;
    g->transitions = store::transitions(s, id);
    return *g;
  });
}

std::vector<std::pair<Signal, bool>> Service::notifications(const kit::Actor& who) {
  return db_.read([&](soci::session& s) {
    std::vector<std::pair<Signal, bool>> out;
    for (const auto& n : store::notifications(s, who.user_id))
      if (auto g = store::find_signal(s, n.signal_id)) out.emplace_back(std::move(*g), n.read);
    return out;
  });
}

// ---- Retention -------------------------------------------------------------------------------

std::int64_t Service::purge(int years) {
  const auto t = today();
  const bool sqlite = db_.backend() == db::Backend::sqlite;
  const auto removed = db_.transact([&](soci::session& s) -> std::int64_t {
    const auto release = store::latest_release(s);
    if (!release) return 0;  // nothing is counted anywhere yet: keep everything
    // Overwrite what is deleted with zeros, so that no note survives in free pages.
    if (sqlite) s << "PRAGMA secure_delete = ON";
    const auto n = store::delete_records_before(s, t.year - years, t.month, release->frozen_at);
    kit::AuditRecord(kit::Actor::system("purge"), "field.purge", "field_records", "retention")
        .owner(0)
        .detail("years", years)
        .detail("removed", n)
        .append(s, db_.backend(), audit_);
    return n;
  });
  // The write-ahead log still holds the deleted pages' old images: fold it back and empty it.
  if (sqlite && removed > 0) *db_.lease() << "PRAGMA wal_checkpoint(TRUNCATE)";
  return removed;
}

// ---- Alerts ----------------------------------------------------------------------------------

namespace {

std::vector<Alert> standing(soci::session& s, std::chrono::system_clock::time_point now) {
  const auto today = std::chrono::floor<std::chrono::days>(now);
  // Five years of same weeks, and the days either side of them.
  const auto since = db::iso_utc(today - std::chrono::days(5 * 364 + 30)).substr(0, 10);
  return evaluate(store::daily_counts(s, since), today);
}

}  // namespace

std::vector<Alert> Service::alerts(const kit::Actor&) {
  return db_.read([&](soci::session& s) { return standing(s, now_()); });
}

int Service::notify_alerts() {
  return db_.transact([&](soci::session& s) {
    int told = 0;
    const auto at = db::iso_utc(now_());
    for (const auto& a : standing(s, now_())) {
      if (!store::insert_alert(s, a, at)) continue;
      ++told;
      const std::string subject = "Alerte terrain : " + a.departement + " (" + a.rule + ")";
      for (const auto& org : accounts::directory::organisations(s)) {
        if (org.type != kit::OrgType::coordination) continue;
        for (const auto& address : accounts::directory::contacts(s, org.code, kit::Role::referent))
          mail::enqueue(
              s, {address, subject,
                  "Bonjour,\n\n" + subject + " : " + std::to_string(a.value) + " (seuil " +
                      std::to_string(static_cast<int>(a.threshold)) + ").\n\n" + kAlertRulesFr +
                      "\n\nPour les voir : " + public_url_ + "/terrain/alertes\n\n— Vigie\n"});
      }
    }
    return told;
  });
}

}  // namespace vigie::field
