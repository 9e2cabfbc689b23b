#include "modules/plan/store.hpp"

#include "db/row.hpp"
#include "db/timestamp.hpp"
#include "text/json_fields.hpp"

#include <boost/json.hpp>

#include <map>

namespace vigie::plan::store {

namespace {

Update update_from(const soci::row& r, std::size_t first) {
  Update u;
  u.id = db::row_int(r, first);
  u.status = status_from(r.get<std::string>(first + 1)).value_or(Status::not_started);
  if (auto p = db::row_optional_int(r, first + 2)) u.progress = static_cast<int>(*p);
  u.comment = db::row_text(r, first + 3);
  u.evidence = text::parse_string_array(db::row_text(r, first + 4));
  u.reported_on = db::row_text(r, first + 5);
  u.author_org = db::row_text(r, first + 6);
  u.created_at = db::row_text(r, first + 7);
  return u;
}

constexpr const char* kUpdateColumns =
    "u.id, u.status, u.progress, u.comment, u.evidence, u.reported_on, u.author_org, u.created_at";

}  // namespace

bool has_plan(soci::session& s) {
  int n = 0;
  s << "SELECT count(*) FROM plans", soci::into(n);
  return n > 0;
}

std::optional<Plan> load_tree(soci::session& s, const std::optional<std::string>& only) {
  Plan plan;
  bool found = false;
  {
    soci::rowset<soci::row> rows = (s.prepare << "SELECT code, title_fr, title_en, period_start, "
                                                 "period_end FROM plans ORDER BY id LIMIT 1");
    for (const auto& r : rows) {
      plan = {r.get<std::string>(0),
              r.get<std::string>(1),
              r.get<std::string>(2),
              r.get<std::string>(3),
              r.get<std::string>(4),
              {},
              0};
      found = true;
    }
  }
  if (!found) return std::nullopt;
  std::map<std::int64_t, std::size_t> axis_at;
  // One axis only: every later query is narrowed to its rows (by its id, a number of ours).
  std::string axis_filter, measure_filter, action_filter;
  if (only) {
    long long measure_id = 0, axis_id = 0;
    s << "SELECT id, axis_id FROM plan_measures WHERE code = :c", soci::use(*only),
        soci::into(measure_id), soci::into(axis_id);
    if (s.got_data()) {  // a measure, alone in its axis
      axis_filter = " WHERE id = " + std::to_string(axis_id);
      measure_filter = " WHERE id = " + std::to_string(measure_id);
      action_filter =
          " IN (SELECT id FROM plan_actions WHERE measure_id = " + std::to_string(measure_id) + ")";
    } else {  // an axis, with all its measures
      s << "SELECT id FROM plan_axes WHERE code = :c", soci::use(*only), soci::into(axis_id);
      if (!s.got_data()) return plan;  // the plan, without axes
      const auto n = std::to_string(axis_id);
      axis_filter = " WHERE id = " + n;
      measure_filter = " WHERE axis_id = " + n;
      action_filter =
          " IN (SELECT a.id FROM plan_actions a JOIN plan_measures m ON m.id = "
          "a.measure_id WHERE m.axis_id = " +
          n + ")";
    }
  }
  {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, code, title_fr, title_en, weight, kind FROM plan_axes" +
                          axis_filter + " ORDER BY position");
    for (const auto& r : rows) {
      Axis a;
      a.id = db::row_int(r, 0);
      a.code = r.get<std::string>(1);
      a.title_fr = r.get<std::string>(2);
      a.title_en = r.get<std::string>(3);
      a.weight = static_cast<int>(db::row_int(r, 4));
      a.transversal = r.get<std::string>(5) == "transversal";
      axis_at[a.id] = plan.axes.size();
      plan.axes.push_back(std::move(a));
    }
  }
  std::map<std::int64_t, std::pair<std::size_t, std::size_t>> measure_at;
  {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, axis_id, code, title_fr, title_en, weight, confidence, sources, "
                      "retired_at FROM plan_measures" +
                          measure_filter + " ORDER BY position");
    for (const auto& r : rows) {
      Measure m;
      m.id = db::row_int(r, 0);
      const auto ai = axis_at.at(db::row_int(r, 1));
      m.code = r.get<std::string>(2);
      m.title_fr = r.get<std::string>(3);
      m.title_en = r.get<std::string>(4);
      m.weight = static_cast<int>(db::row_int(r, 5));
      m.confidence = r.get<std::string>(6);
      m.sources = text::parse_string_array(r.get<std::string>(7));
      m.retired = r.get_indicator(8) == soci::i_ok;
      measure_at[m.id] = {ai, plan.axes[ai].measures.size()};
      plan.axes[ai].measures.push_back(std::move(m));
    }
  }
  std::map<std::int64_t, Action*> action_by_id;
  {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT id, measure_id, title_fr, weight, deadline, cost_eur, funding, "
                      "official_text_url, partners FROM plan_actions" +
                          (only ? " WHERE id" + action_filter : std::string()) +
                          " ORDER BY position");
    std::vector<std::pair<std::pair<std::size_t, std::size_t>, Action>> loaded;
    for (const auto& r : rows) {
      Action a;
      a.id = db::row_int(r, 0);
      const auto where = measure_at.at(db::row_int(r, 1));
      a.title = r.get<std::string>(2);
      a.weight = static_cast<int>(db::row_int(r, 3));
      if (r.get_indicator(4) == soci::i_ok) a.deadline = r.get<std::string>(4);
      a.cost_eur = db::row_optional_int(r, 5);
      a.funding = r.get<std::string>(6);
      a.official_text_url = r.get<std::string>(7);
      a.partners = text::parse_string_array(r.get<std::string>(8));
      plan.axes[where.first].measures[where.second].actions.push_back(std::move(a));
    }
    for (auto& axis : plan.axes)
      for (auto& m : axis.measures)
        for (auto& a : m.actions) action_by_id[a.id] = &a;
  }
  {
    soci::rowset<soci::row> rows =
        (s.prepare << "SELECT action_id, org_code FROM plan_action_pilots" +
                          (only ? " WHERE action_id" + action_filter : std::string()) +
                          " ORDER BY org_code");
    for (const auto& r : rows)
      if (auto it = action_by_id.find(db::row_int(r, 0)); it != action_by_id.end())
        it->second->pilots.push_back(r.get<std::string>(1));
  }
  {
    soci::rowset<soci::row> rows =
        (s.prepare << std::string("SELECT u.action_id, ") + kUpdateColumns +
                          " FROM plan_action_updates u WHERE u.id = (SELECT MAX(v.id) FROM "
                          "plan_action_updates v WHERE v.action_id = u.action_id)" +
                          (only ? " AND u.action_id" + action_filter : std::string()));
    for (const auto& r : rows)
      if (auto it = action_by_id.find(db::row_int(r, 0)); it != action_by_id.end())
        it->second->latest = update_from(r, 1);
  }
  return plan;
}

std::optional<ActionRef> find_action(soci::session& s, std::int64_t id) {
  long long v = id;
  ActionRef ref;
  s << "SELECT m.code FROM plan_actions a JOIN plan_measures m ON m.id = a.measure_id WHERE a.id "
       "= :id",
      soci::use(v), soci::into(ref.measure_code);
  if (!s.got_data()) return std::nullopt;
  ref.id = id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT org_code FROM plan_action_pilots WHERE action_id = :id", soci::use(v));
  for (const auto& r : rows) ref.pilots.push_back(r.get<std::string>(0));
  return ref;
}

std::vector<std::pair<std::int64_t, Update>> measure_history(soci::session& s,
                                                             const std::string& code) {
  std::vector<std::pair<std::int64_t, Update>> out;
  soci::rowset<soci::row> rows =
      (s.prepare
           << std::string("SELECT u.action_id, ") + kUpdateColumns +
                  ", u.author_user_id FROM plan_action_updates u JOIN plan_actions a ON a.id = "
                  "u.action_id JOIN plan_measures m ON m.id = a.measure_id "
                  "WHERE m.code = :c ORDER BY u.id DESC",
       soci::use(code));
  for (const auto& r : rows) {
    auto u = update_from(r, 1);
    if (r.get_indicator(9) == soci::i_ok) u.author_user_id = db::row_int(r, 9);
    out.emplace_back(db::row_int(r, 0), std::move(u));
  }
  return out;
}

std::int64_t insert_update(soci::session& s, std::int64_t action_id, const Update& u,
                           std::optional<std::int64_t> author) {
  long long aid = action_id, id = 0, author_v = author.value_or(0);
  int progress = u.progress.value_or(0);
  soci::indicator pind = u.progress ? soci::i_ok : soci::i_null;
  soci::indicator aind = author ? soci::i_ok : soci::i_null;
  const std::string status(to_string(u.status)),
      evidence = text::string_array_json(u.evidence),
      created = u.created_at.empty() ? db::iso_utc_now() : u.created_at;
  s << "INSERT INTO plan_action_updates (action_id, status, progress, comment, evidence, "
       "reported_on, author_user_id, author_org, created_at) VALUES (:a, :s, :p, :c, :e, :r, :u, "
       ":o, :t) RETURNING id",
      soci::use(aid), soci::use(status), soci::use(progress, pind), soci::use(u.comment),
      soci::use(evidence), soci::use(u.reported_on), soci::use(author_v, aind),
      soci::use(u.author_org), soci::use(created), soci::into(id);
  return id;
}

std::int64_t insert_plan(soci::session& s, const Plan& p) {
  long long id = 0;
  s << "INSERT INTO plans (code, title_fr, title_en, period_start, period_end) VALUES (:c, :f, "
       ":e, :s, :n) RETURNING id",
      soci::use(p.code), soci::use(p.title_fr), soci::use(p.title_en), soci::use(p.period_start),
      soci::use(p.period_end), soci::into(id);
  return id;
}

std::int64_t insert_axis(soci::session& s, std::int64_t plan_id, const Axis& a, int position) {
  long long id = 0, pid = plan_id;
  const std::string kind = a.transversal ? "transversal" : "thematic";
  s << "INSERT INTO plan_axes (plan_id, code, title_fr, title_en, position, weight, kind) VALUES "
       "(:p, :c, :f, :e, :pos, :w, :k) RETURNING id",
      soci::use(pid), soci::use(a.code), soci::use(a.title_fr), soci::use(a.title_en),
      soci::use(position), soci::use(a.weight), soci::use(kind), soci::into(id);
  return id;
}

std::int64_t insert_measure(soci::session& s, std::int64_t axis_id, const Measure& m,
                            int position) {
  long long id = 0, aid = axis_id;
  const std::string sources = text::string_array_json(m.sources);
  s << "INSERT INTO plan_measures (axis_id, code, title_fr, title_en, position, weight, "
       "confidence, sources) VALUES (:a, :c, :f, :e, :pos, :w, :conf, :src) RETURNING id",
      soci::use(aid), soci::use(m.code), soci::use(m.title_fr), soci::use(m.title_en),
      soci::use(position), soci::use(m.weight), soci::use(m.confidence), soci::use(sources),
      soci::into(id);
  return id;
}

std::int64_t insert_action(soci::session& s, std::int64_t measure_id, const Action& a,
                           int position) {
  long long id = 0, mid = measure_id, cost = a.cost_eur.value_or(0);
  std::string deadline = a.deadline.value_or("");
  soci::indicator dind = a.deadline ? soci::i_ok : soci::i_null;
  soci::indicator cind = a.cost_eur ? soci::i_ok : soci::i_null;
  const std::string partners = text::string_array_json(a.partners);
  s << "INSERT INTO plan_actions (measure_id, title_fr, position, weight, deadline, cost_eur, "
       "funding, official_text_url, partners) VALUES (:m, :t, :pos, :w, :d, :c, :f, :u, :p) "
       "RETURNING id",
      soci::use(mid), soci::use(a.title), soci::use(position), soci::use(a.weight),
      soci::use(deadline, dind), soci::use(cost, cind), soci::use(a.funding),
      soci::use(a.official_text_url), soci::use(partners), soci::into(id);
  for (const auto& p : a.pilots) {
    long long aid = id;
    s << "INSERT INTO plan_action_pilots (action_id, org_code) VALUES (:a, :o)", soci::use(aid),
        soci::use(p);
  }
  return id;
}

}  // namespace vigie::plan::store
