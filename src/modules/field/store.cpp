#include "modules/field/store.hpp"

#include "db/row.hpp"
#include "modules/field/codes.hpp"

#include <algorithm>

namespace vigie::field::store {

namespace {

constexpr std::size_t kBatch = 1000;

constexpr const char* kRecordColumns =
    "id, org_id, org_code, contact_year, contact_month, departement, forms, "
    "exploitation_departement, exploitation_country, sector, sex, age_band, minor_at_contact, "
    "minor_at_exploitation, nationality, ilo_indicators, means_of_control, recruitment, "
    "victim_status, support, operation, note, created_at";

// The published dimensions, in the order of CountRow.
constexpr const char* kCountColumns =
    "org_id, contact_year, contact_month, departement, forms, sector, sex, age_band, "
    "minor_at_contact, nationality, victim_status, support, operation";

VictimRecord record_from(const soci::row& r) {
  VictimRecord v;
  v.id = db::row_int(r, 0);
  v.org_id = db::row_int(r, 1);
  v.org_code = db::row_text(r, 2);
  v.contact_year = static_cast<int>(db::row_int(r, 3));
  v.contact_month = static_cast<int>(db::row_int(r, 4));
  v.departement = db::row_text(r, 5);
  v.forms = split_codes(db::row_text(r, 6));
  v.exploitation_departement = db::row_text(r, 7);
  v.exploitation_country = db::row_text(r, 8);
  v.sector = db::row_text(r, 9);
  v.sex = db::row_text(r, 10);
  v.age_band = db::row_text(r, 11);
  v.minor_at_contact = db::row_int(r, 12) != 0;
  v.minor_at_exploitation = db::row_text(r, 13);
  v.nationality = db::row_text(r, 14);
  v.ilo_indicators = split_codes(db::row_text(r, 15));
  v.means_of_control = split_codes(db::row_text(r, 16));
  v.recruitment = split_codes(db::row_text(r, 17));
  v.victim_status = db::row_text(r, 18);
  v.support = split_codes(db::row_text(r, 19));
  v.operation = db::row_text(r, 20);
  v.note = db::row_text(r, 21);
  v.created_at = db::row_text(r, 22);
  return v;
}

CountRow count_from(const soci::row& r) {
  CountRow c;
  c.org_id = db::row_int(r, 0);
  c.year = static_cast<int>(db::row_int(r, 1));
  c.month = static_cast<int>(db::row_int(r, 2));
  c.departement = db::row_text(r, 3);
  c.forms = db::row_text(r, 4);
  c.sector = db::row_text(r, 5);
  c.sex = db::row_text(r, 6);
  c.age_band = db::row_text(r, 7);
  c.minor = db::row_int(r, 8) != 0;
  c.nationality = db::row_text(r, 9);
  c.victim_status = db::row_text(r, 10);
  c.support = db::row_text(r, 11);
  c.operation = db::row_text(r, 12);
  c.n = db::row_int(r, 13);
  return c;
}

// Filters are bound values; the WHERE clause is fixed text.
constexpr const char* kWhere = " WHERE (:ho = 0 OR org_id = :o) AND (:hy = 0 OR contact_year = :y)";

struct Bound {
  int has_org = 0, has_year = 0, year = 0;
  long long org = 0;
  Bound(std::optional<std::int64_t> o, std::optional<int> y)
      : has_org(o ? 1 : 0), has_year(y ? 1 : 0), year(y.value_or(0)), org(o.value_or(0)) {}
};

Release release_from(const soci::row& r) {
  return {db::row_int(r, 0), db::row_text(r, 1), db::row_text(r, 2), db::row_int(r, 3)};
}

Signal signal_from(const soci::row& r) {
  Signal g;
  g.id = db::row_int(r, 0);
  g.org_id = db::row_int(r, 1);
  g.org_code = db::row_text(r, 2);
  g.week = db::row_text(r, 3);
  g.territory = db::row_text(r, 4);
  g.forms = split_codes(db::row_text(r, 5));
  g.kind = db::row_text(r, 6);
  g.severity = db::row_text(r, 7);
  g.description = db::row_text(r, 8);
  g.state = signal_state_from(db::row_text(r, 9)).value_or(SignalState::new_);
  g.shared_with = split_codes(db::row_text(r, 10));
  g.created_at = db::row_text(r, 11);
  g.updated_at = db::row_text(r, 12);
  return g;
}

constexpr const char* kSignalColumns =
    "id, org_id, org_code, week, territory, forms, kind, severity, description, state, "
    "shared_with, created_at, updated_at";

// Every insertion and deletion of records calls it, in its transaction.
void raise_generation(soci::session& s) {
  s << "UPDATE field_generation SET generation = generation + 1 WHERE id = 1";
}

}  // namespace

void insert_records(soci::session& s, const std::vector<VictimRecord>& records,
                    std::int64_t author_user_id, const std::string& created_at) {
  for (std::size_t start = 0; start < records.size(); start += kBatch) {
    const auto end = std::min(records.size(), start + kBatch);
    const auto n = end - start;
    std::vector<long long> org(n), author(n, author_user_id);
    std::vector<int> year(n), month(n), minor(n);
    std::vector<std::string> org_code(n), dep(n), forms(n), xdep(n), xcountry(n), sector(n), sex(n),
        age(n), minor_x(n), nat(n), ilo(n), control(n), recruit(n), status(n), support(n),
        operation(n), note(n), at(n, created_at);
    for (std::size_t i = 0; i < n; ++i) {
      const auto& r = records[start + i];
      org[i] = r.org_id;
      org_code[i] = r.org_code;
      year[i] = r.contact_year;
      month[i] = r.contact_month;
      dep[i] = r.departement;
      forms[i] = join_codes(r.forms);
      xdep[i] = r.exploitation_departement;
      xcountry[i] = r.exploitation_country;
      sector[i] = r.sector;
      sex[i] = r.sex;
      age[i] = r.age_band;
      minor[i] = r.minor_at_contact ? 1 : 0;
      minor_x[i] = r.minor_at_exploitation;
      nat[i] = r.nationality;
      ilo[i] = join_codes(r.ilo_indicators);
      control[i] = join_codes(r.means_of_control);
      recruit[i] = join_codes(r.recruitment);
      status[i] = r.victim_status;
      support[i] = join_codes(r.support);
      operation[i] = r.operation;
      note[i] = r.note;
    }
    s << "INSERT INTO field_records (org_id, org_code, author_user_id, contact_year, "
         "contact_month, departement, forms, exploitation_departement, exploitation_country, "
         "sector, sex, age_band, minor_at_contact, minor_at_exploitation, nationality, "
         "ilo_indicators, means_of_control, recruitment, victim_status, support, operation, "
         "note, created_at) VALUES (:o, :oc, :a, :y, :m, :d, :f, :xd, :xc, :se, :sx, :ag, :mi, "
         ":mx, :na, :il, :co, :re, :st, :su, :op, :no, :at)",
        soci::use(org), soci::use(org_code), soci::use(author), soci::use(year), soci::use(month),
        soci::use(dep), soci::use(forms), soci::use(xdep), soci::use(xcountry), soci::use(sector),
        soci::use(sex), soci::use(age), soci::use(minor), soci::use(minor_x), soci::use(nat),
        soci::use(ilo), soci::use(control), soci::use(recruit), soci::use(status),
        soci::use(support), soci::use(operation), soci::use(note), soci::use(at);
  }
  if (!records.empty()) raise_generation(s);
}

std::int64_t generation(soci::session& s) {
  long long g = 0;
  s << "SELECT generation FROM field_generation WHERE id = 1", soci::into(g);
  return g;
}

std::vector<VictimRecord> records(soci::session& s, const RecordFilter& f) {
  Bound b(f.org_id, f.year);
  long long limit = static_cast<long long>(f.limit), offset = static_cast<long long>(f.offset);
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT ") + kRecordColumns + " FROM field_records" + kWhere +
                        " ORDER BY id DESC LIMIT :l OFFSET :of",
       soci::use(b.has_org, "ho"), soci::use(b.org, "o"), soci::use(b.has_year, "hy"),
       soci::use(b.year, "y"), soci::use(limit, "l"), soci::use(offset, "of"));
  std::vector<VictimRecord> out;
  for (const auto& r : rows) out.push_back(record_from(r));
  return out;
}

std::int64_t count_records(soci::session& s, const RecordFilter& f) {
  Bound b(f.org_id, f.year);
  long long n = 0;
  s << std::string("SELECT count(*) FROM field_records") + kWhere, soci::use(b.has_org, "ho"),
      soci::use(b.org, "o"), soci::use(b.has_year, "hy"), soci::use(b.year, "y"), soci::into(n);
  return n;
}

void insert_read(soci::session& s, const RecordRead& read) {
  long long owner = read.owner_org_id, user = read.reader_user_id;
  int n = read.records;
  s << "INSERT INTO field_reads (owner_org_id, reader_org_code, reader_user_id, what, records, "
       "at) VALUES (:o, :r, :u, :w, :n, :a)",
      soci::use(owner), soci::use(read.reader_org_code), soci::use(user), soci::use(read.what),
      soci::use(n), soci::use(read.at);
}

std::vector<RecordRead> reads(soci::session& s, std::int64_t owner_org_id, std::size_t limit) {
  long long owner = owner_org_id, l = static_cast<long long>(limit);
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT owner_org_id, reader_org_code, reader_user_id, at, records, what "
                    "FROM field_reads WHERE owner_org_id = :o ORDER BY id DESC LIMIT :l",
       soci::use(owner), soci::use(l));
  std::vector<RecordRead> out;
  for (const auto& r : rows)
    out.push_back({db::row_int(r, 0), db::row_text(r, 1), db::row_int(r, 2), db::row_text(r, 3),
                   static_cast<int>(db::row_int(r, 4)), db::row_text(r, 5)});
  return out;
}

// The select list and GROUP BY for the columns a query needs: a needed column is read, the
// others are constants, so the database groups by what is broken down only.
std::pair<std::string, std::string> grouping(const std::vector<std::string>& needed) {
  static const std::pair<const char*, const char*> kColumns[] = {
      {"org_id", "0"},       {"contact_year", "0"},   {"contact_month", "0"},
      {"departement", "''"}, {"forms", "''"},         {"sector", "''"},
      {"sex", "''"},         {"age_band", "''"},      {"minor_at_contact", "0"},
      {"nationality", "''"}, {"victim_status", "''"}, {"support", "''"},
      {"operation", "''"}};
  std::string select, group;
  for (const auto& [column, constant] : kColumns) {
    const bool used = std::find(needed.begin(), needed.end(), column) != needed.end();
    select += std::string(select.empty() ? "" : ", ") + (used ? column : constant);
    if (used) group += std::string(group.empty() ? "" : ", ") + column;
  }
  return {select, group.empty() ? std::string() : " GROUP BY " + group};
}

std::vector<CountRow> live_counts(soci::session& s, std::optional<std::int64_t> org_id,
                                  std::optional<int> year,
                                  const std::vector<std::string>& columns) {
  Bound b(org_id, year);
  const auto [select, group] = grouping(columns);
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT " + select + ", count(*) FROM field_records" + kWhere + group,
       soci::use(b.has_org, "ho"), soci::use(b.org, "o"), soci::use(b.has_year, "hy"),
       soci::use(b.year, "y"));
  std::vector<CountRow> out;
  for (const auto& r : rows) out.push_back(count_from(r));
  return out;
}

std::vector<CountRow> release_counts(soci::session& s, std::int64_t release_id,
                                     std::optional<int> year,
                                     const std::vector<std::string>& columns) {
  Bound b(std::nullopt, year);
  long long rel = release_id;
  const auto [select, group] = grouping(columns);
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT " + select +
                        ", sum(n) FROM field_release_counts WHERE release_id = :r AND (:hy = 0 OR "
                        "contact_year = :y)" +
                        group,
       soci::use(rel, "r"), soci::use(b.has_year, "hy"), soci::use(b.year, "y"));
  std::vector<CountRow> out;
  for (const auto& r : rows) out.push_back(count_from(r));
  return out;
}

Release create_release(soci::session& s, const std::string& period, const std::string& frozen_at,
                       std::int64_t by_user) {
  long long id = 0, by = by_user, zero = 0;
  s << "INSERT INTO field_releases (period, frozen_at, records, created_by) VALUES (:p, :f, :r, "
       ":b) RETURNING id",
      soci::use(period), soci::use(frozen_at), soci::use(zero), soci::use(by), soci::into(id);
  s << std::string("INSERT INTO field_release_counts (release_id, ") + kCountColumns +
           ", n) SELECT :r, " + kCountColumns +
           ", count(*) FROM field_records WHERE created_at <= :f GROUP BY " + kCountColumns,
      soci::use(id), soci::use(frozen_at);
  long long records = 0;
  soci::indicator ind = soci::i_ok;
  s << "SELECT sum(n) FROM field_release_counts WHERE release_id = :r", soci::use(id),
      soci::into(records, ind);
  if (ind != soci::i_ok) records = 0;
  s << "UPDATE field_releases SET records = :n WHERE id = :r", soci::use(records), soci::use(id);
  return {id, frozen_at, period, records};
}

std::optional<Release> latest_release(soci::session& s) {
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, frozen_at, period, records FROM field_releases ORDER BY id DESC "
                    "LIMIT 1");
  for (const auto& r : rows) return release_from(r);
  return std::nullopt;
}

std::optional<Release> release_for_period(soci::session& s, const std::string& period) {
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, frozen_at, period, records FROM field_releases WHERE period = :p "
                    "ORDER BY id DESC LIMIT 1",
       soci::use(period));
  for (const auto& r : rows) return release_from(r);
  return std::nullopt;
}

std::int64_t insert_signal(soci::session& s, const Signal& g, std::int64_t author_user_id) {
  long long id = 0, org = g.org_id, user = author_user_id;
  const std::string forms = join_codes(g.forms), state = to_string(g.state),
                    shared = join_codes(g.shared_with);
  s << "INSERT INTO field_signals (org_id, org_code, author_user_id, week, territory, forms, "
       "kind, severity, description, state, shared_with, created_at, updated_at) VALUES (:o, "
       ":oc, :u, :w, :t, :f, :k, :s, :d, :st, :sh, :c, :up) RETURNING id",
      soci::use(org), soci::use(g.org_code), soci::use(user), soci::use(g.week),
      soci::use(g.territory), soci::use(forms), soci::use(g.kind), soci::use(g.severity),
      soci::use(g.description), soci::use(state), soci::use(shared), soci::use(g.created_at),
      soci::use(g.updated_at), soci::into(id);
  return id;
}

std::optional<Signal> find_signal(soci::session& s, std::int64_t id) {
  long long v = id;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT ") + kSignalColumns + " FROM field_signals WHERE id = :i",
       soci::use(v));
  for (const auto& r : rows) return signal_from(r);
  return std::nullopt;
}

std::vector<Signal> signals(soci::session& s) {
  soci::rowset<soci::row> rows = (s.prepare << std::string("SELECT ") + kSignalColumns +
                                                   " FROM field_signals ORDER BY id DESC");
  std::vector<Signal> out;
  for (const auto& r : rows) out.push_back(signal_from(r));
  return out;
}

void update_signal_state(soci::session& s, std::int64_t id, SignalState state,
                         const std::string& shared_with, const std::string& at) {
  long long v = id;
  const std::string st = to_string(state);
  s << "UPDATE field_signals SET state = :s, shared_with = :sh, updated_at = :a WHERE id = :i",
      soci::use(st), soci::use(shared_with), soci::use(at), soci::use(v);
}

void insert_transition(soci::session& s, std::int64_t signal_id, const SignalTransition& t) {
  long long id = signal_id, user = t.by_user;
  s << "INSERT INTO field_signal_transitions (signal_id, from_state, to_state, shared_with, "
       "by_user_id, by_org_code, at) VALUES (:i, :f, :t, :sh, :u, :o, :a)",
      soci::use(id), soci::use(t.from), soci::use(t.to), soci::use(t.shared_with), soci::use(user),
      soci::use(t.by_org), soci::use(t.at);
}

std::vector<SignalTransition> transitions(soci::session& s, std::int64_t signal_id) {
  long long id = signal_id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT from_state, to_state, at, by_org_code, shared_with, by_user_id FROM "
                    "field_signal_transitions WHERE signal_id = :i ORDER BY id",
       soci::use(id));
  std::vector<SignalTransition> out;
  for (const auto& r : rows)
    out.push_back({db::row_text(r, 0), db::row_text(r, 1), db::row_text(r, 2), db::row_text(r, 3),
                   db::row_text(r, 4), db::row_int(r, 5)});
  return out;
}

void notify(soci::session& s, std::int64_t user_id, std::int64_t signal_id, const std::string& kind,
            const std::string& at) {
  long long u = user_id, g = signal_id;
  s << "INSERT INTO field_notifications (user_id, signal_id, kind, created_at) VALUES (:u, :g, "
       ":k, :a)",
      soci::use(u), soci::use(g), soci::use(kind), soci::use(at);
}

std::vector<Notification> notifications(soci::session& s, std::int64_t user_id) {
  long long u = user_id;
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, signal_id, kind, created_at, read_at FROM field_notifications "
                    "WHERE user_id = :u ORDER BY id DESC LIMIT 100",
       soci::use(u));
  std::vector<Notification> out;
  for (const auto& r : rows)
    out.push_back({db::row_int(r, 0), db::row_int(r, 1), db::row_text(r, 2), db::row_text(r, 3),
                   r.get_indicator(4) == soci::i_ok});
  return out;
}

std::int64_t delete_records_before(soci::session& s, int year, int month,
                                   const std::string& counted_until) {
  const int cutoff = year * 12 + month;
  long long n = 0;
  s << "SELECT count(*) FROM field_records WHERE contact_year * 12 + contact_month < :c AND "
       "created_at <= :u",
      soci::use(cutoff), soci::use(counted_until), soci::into(n);
  s << "DELETE FROM field_records WHERE contact_year * 12 + contact_month < :c AND created_at <= "
       ":u",
      soci::use(cutoff), soci::use(counted_until);
  if (n > 0) raise_generation(s);
  return n;
}

std::vector<DailyCount> daily_counts(soci::session& s, const std::string& since) {
  std::vector<DailyCount> out;
  for (const bool signal : {false, true}) {
    const std::string sql =
        signal ? "SELECT territory, substr(created_at, 1, 10), count(*) FROM field_signals WHERE "
                 "created_at >= :s AND territory <> 'national' GROUP BY territory, "
                 "substr(created_at, 1, 10)"
               : "SELECT departement, substr(created_at, 1, 10), count(*) FROM field_records "
                 "WHERE created_at >= :s GROUP BY departement, substr(created_at, 1, 10)";
    soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(since));
    for (const auto& r : rows) {
      const auto day = db::row_text(r, 1);
      std::chrono::year_month_day ymd{std::chrono::year(std::stoi(day.substr(0, 4))),
                                      std::chrono::month(std::stoi(day.substr(5, 2))),
                                      std::chrono::day(std::stoi(day.substr(8, 2)))};
      out.push_back({db::row_text(r, 0), std::chrono::sys_days(ymd),
                     static_cast<int>(db::row_int(r, 2)), signal});
    }
  }
  return out;
}

bool insert_alert(soci::session& s, const Alert& alert, const std::string& at) {
  int n = 0;
  s << "SELECT count(*) FROM field_alerts WHERE rule = :r AND departement = :d AND day = :y",
      soci::use(alert.rule), soci::use(alert.departement), soci::use(alert.day), soci::into(n);
  if (n > 0) return false;
  const std::string threshold = std::to_string(alert.threshold);
  int value = alert.value;
  s << "INSERT INTO field_alerts (rule, departement, day, value, threshold, created_at) VALUES "
       "(:r, :d, :y, :v, :t, :a)",
      soci::use(alert.rule), soci::use(alert.departement), soci::use(alert.day), soci::use(value),
      soci::use(threshold), soci::use(at);
  return true;
}

}  // namespace vigie::field::store
