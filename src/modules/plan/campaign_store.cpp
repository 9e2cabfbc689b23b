// Reporting campaigns, their frozen scope and the reminders sent.
#include "db/row.hpp"
#include "modules/accounts/directory.hpp"
#include "modules/plan/store.hpp"

#include <map>

namespace vigie::plan::store {

namespace {

constexpr const char* kCampaignColumns =
    "id, label, deadline, scope_all, opened_at, closed_at, snapshot FROM plan_campaigns";

Campaign campaign_from(const soci::row& r) {
  Campaign c;
  c.id = db::row_int(r, 0);
  c.label = db::row_text(r, 1);
  c.deadline = db::row_text(r, 2);
  c.scope_all = db::row_int(r, 3) != 0;
  c.opened_at = db::row_text(r, 4);
  if (r.get_indicator(5) == soci::i_ok) c.closed_at = db::row_text(r, 5);
  c.snapshot = db::row_text(r, 6);
  return c;
}

void load_scope(soci::session& s, Campaign& c) {
  long long id = c.id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT m.code FROM plan_campaign_measures cm JOIN plan_measures m ON m.id = "
                    "cm.measure_id JOIN plan_axes x ON x.id = m.axis_id WHERE cm.campaign_id = "
                    ":c ORDER BY x.position, m.position",
       soci::use(id));
  for (const auto& r : rows) c.measure_codes.push_back(db::row_text(r, 0));
}

}  // namespace

std::int64_t insert_campaign(soci::session& s, const Campaign& c,
                             std::optional<std::int64_t> opened_by,
                             const std::vector<std::int64_t>& measure_ids) {
  long long id = 0, by = opened_by.value_or(0);
  soci::indicator bind = opened_by ? soci::i_ok : soci::i_null;
  int all = c.scope_all ? 1 : 0;
  s << "INSERT INTO plan_campaigns (label, deadline, scope_all, opened_at, opened_by) VALUES (:l, "
       ":d, :a, :o, :b) RETURNING id",
      soci::use(c.label), soci::use(c.deadline), soci::use(all), soci::use(c.opened_at),
      soci::use(by, bind), soci::into(id);
  for (auto mid : measure_ids) {
    long long m = mid;
    s << "INSERT INTO plan_campaign_measures (campaign_id, measure_id) VALUES (:c, :m)",
        soci::use(id), soci::use(m);
  }
  return id;
}

std::vector<Campaign> list_campaigns(soci::session& s) {
  std::vector<Campaign> out;
  {
    soci::rowset<soci::row> rows =
        (s.prepare << std::string("SELECT ") + kCampaignColumns + " ORDER BY id DESC");
    for (const auto& r : rows) out.push_back(campaign_from(r));
  }
  for (auto& c : out) load_scope(s, c);
  return out;
}

std::optional<Campaign> find_campaign(soci::session& s, std::int64_t id) {
  long long v = id;
  std::optional<Campaign> out;
  {
    soci::rowset<soci::row> rows =
        (s.prepare << std::string("SELECT ") + kCampaignColumns + " WHERE id = :id", soci::use(v));
    for (const auto& r : rows) out = campaign_from(r);
  }
  if (out) load_scope(s, *out);
  return out;
}

std::vector<OwedAction> campaign_actions(soci::session& s, const Campaign& c) {
  long long id = c.id;
  // ISO timestamps compare as text; an open campaign counts every update since its opening.
  const std::string until = c.closed_at.value_or("9999");
  std::vector<OwedAction> out;
  std::map<std::int64_t, std::size_t> at;
  {
    soci::rowset<soci::row> rows =
        (s.prepare
             << "SELECT a.id, m.code, m.title_fr, a.title_fr, (SELECT MIN(u.created_at) "
                "FROM plan_action_updates u WHERE u.action_id = a.id AND u.created_at >= "
                ":opened AND u.created_at <= :until AND u.author_user_id IS NOT NULL), m.title_en "
                "FROM "
                "plan_campaign_measures cm JOIN plan_measures m ON m.id = cm.measure_id "
                "JOIN plan_axes x ON x.id = m.axis_id JOIN plan_actions a ON a.measure_id "
                "= m.id WHERE cm.campaign_id = :c AND m.retired_at IS NULL ORDER BY "
                "x.position, m.position, a.position",
         soci::use(c.opened_at), soci::use(until), soci::use(id));
    for (const auto& r : rows) {
      OwedAction a;
      a.action_id = db::row_int(r, 0);
      a.measure_code = db::row_text(r, 1);
      a.measure_title = db::row_text(r, 2);
      a.action_title = db::row_text(r, 3);
      if (r.get_indicator(4) == soci::i_ok) a.reported_at = db::row_text(r, 4);
      if (r.get_indicator(5) == soci::i_ok) a.measure_title_en = db::row_text(r, 5);
      at[a.action_id] = out.size();
      out.push_back(std::move(a));
    }
  }
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT p.action_id, p.org_code FROM plan_action_pilots p JOIN plan_actions a "
                    "ON a.id = p.action_id JOIN plan_campaign_measures cm ON cm.measure_id = "
                    "a.measure_id WHERE cm.campaign_id = :c ORDER BY p.org_code",
       soci::use(id));
  for (const auto& r : rows)
    if (auto it = at.find(db::row_int(r, 0)); it != at.end())
      out[it->second].pilots.push_back(db::row_text(r, 1));
  return out;
}

void close_campaign(soci::session& s, std::int64_t id, const std::string& at,
                    const std::string& snapshot) {
  long long v = id;
  s << "UPDATE plan_campaigns SET closed_at = :a, snapshot = :s WHERE id = :id", soci::use(at),
      soci::use(snapshot), soci::use(v);
}

std::vector<std::string> reminders_sent(soci::session& s, std::int64_t campaign_id,
                                        const std::string& org_code, const std::string& kind) {
  long long id = campaign_id;
  std::vector<std::string> out;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT sent_on FROM plan_campaign_reminders WHERE campaign_id = :c AND "
                    "org_code = :o AND kind = :k ORDER BY sent_on",
       soci::use(id), soci::use(org_code), soci::use(kind));
  for (const auto& r : rows) out.push_back(db::row_text(r, 0));
  return out;
}

std::vector<std::string> reporting_contacts(soci::session& s, const std::string& org_code) {
  // The referents and admins of the organisation, from the directory.
  return accounts::directory::contacts(s, org_code, kit::Role::referent);
}

bool record_reminder(soci::session& s, std::int64_t campaign_id, const std::string& org_code,
                     const std::string& kind, const std::string& on) {
  long long id = campaign_id;
  // ON CONFLICT DO NOTHING rather than a unique violation, which on PostgreSQL would abort the
  // transaction: a concurrent pass inserting the same reminder waits for the first one to
  // commit, then inserts nothing, and so knows it must not send it again.
  soci::statement insert =
      (s.prepare << "INSERT INTO plan_campaign_reminders (campaign_id, org_code, kind, sent_on) "
                    "VALUES (:c, :o, :k, :s) ON CONFLICT DO NOTHING",
       soci::use(id), soci::use(org_code), soci::use(kind), soci::use(on));
  insert.execute(true);
  return insert.get_affected_rows() == 1;
}

}  // namespace vigie::plan::store
