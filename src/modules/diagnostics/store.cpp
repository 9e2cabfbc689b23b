#include "modules/diagnostics/store.hpp"

#include "db/row.hpp"

#include <boost/json.hpp>

namespace vigie::diagnostics::store {

namespace {

constexpr const char* kColumns =
    "id, lineage_id, version, author_org_id, author_org_code, author_org_type, author_user_id, "
    "measure_code, territory, period, rating, strengths, obstacles, recommendations, evidence, "
    "visibility, state, created_at, updated_at, published_at, superseded_at";

std::string evidence_json(const std::vector<Evidence>& evidence) {
  boost::json::array a;
  for (const auto& e : evidence)
    a.push_back({{"url", e.url}, {"label", e.label}, {"figure", e.figure}, {"source", e.source}});
  return boost::json::serialize(a);
}

std::vector<Evidence> evidence_from(const std::string& json) {
  std::vector<Evidence> out;
  boost::system::error_code ec;
  const auto v = boost::json::parse(json, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& item : v.as_array()) {
    if (!item.is_object()) continue;
    const auto& o = item.as_object();
    auto text = [&](const char* k) {
      const auto* x = o.if_contains(k);
      return x && x->is_string() ? std::string(x->as_string()) : std::string();
    };
    out.push_back({text("url"), text("label"), text("figure"), text("source")});
  }
  return out;
}

std::optional<std::string> optional_text(const soci::row& r, std::size_t i) {
  if (r.get_indicator(i) != soci::i_ok) return std::nullopt;
  return db::row_text(r, i);
}

Diagnostic from_row(const soci::row& r) {
  Diagnostic d;
  d.id = db::row_int(r, 0);
  d.lineage_id = db::row_int(r, 1);
  d.version = static_cast<int>(db::row_int(r, 2));
  d.author_org_id = db::row_int(r, 3);
  d.author_org_code = db::row_text(r, 4);
  d.author_org_type = db::row_text(r, 5);
  d.author_user_id = db::row_int(r, 6);
  d.measure_code = db::row_text(r, 7);
  d.territory = db::row_text(r, 8);
  d.period = db::row_text(r, 9);
  d.rating = rating_from(db::row_text(r, 10)).value_or(Rating::unknown);
  d.strengths = db::row_text(r, 11);
  d.obstacles = db::row_text(r, 12);
  d.recommendations = db::row_text(r, 13);
  d.evidence = evidence_from(db::row_text(r, 14));
  d.visibility = visibility_from(db::row_text(r, 15)).value_or(Visibility::coordination);
  d.state = state_from(db::row_text(r, 16)).value_or(State::draft);
  d.created_at = db::row_text(r, 17);
  d.updated_at = db::row_text(r, 18);
  d.published_at = optional_text(r, 19);
  d.superseded_at = optional_text(r, 20);
  return d;
}

Message message_from(const soci::row& r) {
  return {db::row_int(r, 0),  db::row_int(r, 1), db::row_text(r, 2), db::row_int(r, 3),
          db::row_text(r, 4), db::row_int(r, 5), db::row_text(r, 6)};
}

}  // namespace

std::int64_t insert(soci::session& s, Diagnostic d) {
  long long id = 0, lineage = d.lineage_id, org = d.author_org_id, user = d.author_user_id;
  int version = d.version;
  const std::string rating(to_string(d.rating)), visibility(to_string(d.visibility)),
      state(to_string(d.state)), evidence = evidence_json(d.evidence);
  s << "INSERT INTO diagnostics (lineage_id, version, author_org_id, author_org_code, "
       "author_org_type, author_user_id, measure_code, territory, period, rating, strengths, "
       "obstacles, recommendations, evidence, visibility, state, created_at, updated_at) VALUES "
       "(:l, :v, :o, :oc, :ot, :u, :m, :t, :p, :r, :s, :ob, :re, :e, :vi, :st, :c, :up) "
       "RETURNING id",
      soci::use(lineage), soci::use(version), soci::use(org), soci::use(d.author_org_code),
      soci::use(d.author_org_type), soci::use(user), soci::use(d.measure_code),
      soci::use(d.territory), soci::use(d.period), soci::use(rating), soci::use(d.strengths),
      soci::use(d.obstacles), soci::use(d.recommendations), soci::use(evidence),
      soci::use(visibility), soci::use(state), soci::use(d.created_at), soci::use(d.updated_at),
      soci::into(id);
  if (lineage == 0)
    s << "UPDATE diagnostics SET lineage_id = :i WHERE id = :i2", soci::use(id), soci::use(id);
  return id;
}

void update_draft(soci::session& s, const Diagnostic& d) {
  long long id = d.id;
  const std::string rating(to_string(d.rating)), visibility(to_string(d.visibility)),
      evidence = evidence_json(d.evidence);
  s << "UPDATE diagnostics SET measure_code = :m, territory = :t, period = :p, rating = :r, "
       "strengths = :s, obstacles = :o, recommendations = :re, evidence = :e, visibility = :v, "
       "updated_at = :u WHERE id = :i AND state = 'draft'",
      soci::use(d.measure_code), soci::use(d.territory), soci::use(d.period), soci::use(rating),
      soci::use(d.strengths), soci::use(d.obstacles), soci::use(d.recommendations),
      soci::use(evidence), soci::use(visibility), soci::use(d.updated_at), soci::use(id);
}

std::optional<Diagnostic> find(soci::session& s, std::int64_t id) {
  long long v = id;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT ") + kColumns + " FROM diagnostics WHERE id = :i",
       soci::use(v));
  for (const auto& r : rows) return from_row(r);
  return std::nullopt;
}

std::vector<Diagnostic> versions(soci::session& s, std::int64_t lineage_id) {
  long long v = lineage_id;
  std::vector<Diagnostic> out;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT ") + kColumns +
                        " FROM diagnostics WHERE lineage_id = :l ORDER BY version",
       soci::use(v));
  for (const auto& r : rows) out.push_back(from_row(r));
  return out;
}

void publish(soci::session& s, std::int64_t id, const std::string& at) {
  long long v = id;
  s << "UPDATE diagnostics SET state = 'published', published_at = :a, updated_at = :a2 "
       "WHERE id = :i AND state = 'draft'",
      soci::use(at), soci::use(at), soci::use(v);
}

int supersede_previous(soci::session& s, const Diagnostic& d, std::int64_t keep,
                       const std::string& at) {
  long long org = d.author_org_id, lineage = d.lineage_id, k = keep;
  soci::statement st =
      (s.prepare << "UPDATE diagnostics SET state = 'superseded', superseded_at = :a WHERE "
                    "state = 'published' AND id <> :k AND (lineage_id = :l OR (author_org_id = "
                    ":o AND measure_code = :m AND territory = :t AND period = :p))",
       soci::use(at), soci::use(k), soci::use(lineage), soci::use(org), soci::use(d.measure_code),
       soci::use(d.territory), soci::use(d.period));
  st.execute(true);
  return static_cast<int>(st.get_affected_rows());
}

std::vector<Diagnostic> list(soci::session& s, const Filter& f) {
  // Filters are bound values; only the shape of the WHERE clause varies, from fixed text.
  std::string sql = std::string("SELECT ") + kColumns + " FROM diagnostics WHERE 1 = 1";
  std::string measure = f.measure.value_or(""), territory = f.territory.value_or(""),
              period = f.period.value_or("");
  long long org = f.author_org_id.value_or(0);
  int has_m = f.measure ? 1 : 0, has_t = f.territory ? 1 : 0, has_p = f.period ? 1 : 0,
      has_o = f.author_org_id ? 1 : 0;
  sql +=
      " AND (:hm = 0 OR measure_code = :m) AND (:ht = 0 OR territory = :t)"
      " AND (:hp = 0 OR period = :p OR period LIKE :pp) AND (:ho = 0 OR author_org_id = :o)";
  const std::string period_prefix = period + "-%";
  if (!f.states.empty()) {
    sql += " AND state IN (";
    for (std::size_t i = 0; i < f.states.size(); ++i)
      sql += (i ? ", '" : "'") + std::string(to_string(f.states[i])) + "'";
    sql += ")";
  }
  if (f.ids) {
    if (f.ids->empty()) return {};
    sql += " AND id IN (";
    for (std::size_t i = 0; i < f.ids->size(); ++i)
      sql += (i ? "," : "") + std::to_string((*f.ids)[i]);  // integers: safe to inline
    sql += ")";
  }
  sql += " ORDER BY COALESCE(published_at, updated_at) DESC, id DESC";
  std::vector<Diagnostic> out;
  soci::rowset<soci::row> rows =
      (s.prepare << sql, soci::use(has_m, "hm"), soci::use(measure, "m"), soci::use(has_t, "ht"),
       soci::use(territory, "t"), soci::use(has_p, "hp"), soci::use(period, "p"),
       soci::use(period_prefix, "pp"), soci::use(has_o, "ho"), soci::use(org, "o"));
  for (const auto& r : rows) out.push_back(from_row(r));
  return out;
}

std::vector<RatingRow> current_ratings(soci::session& s, const std::optional<std::string>& measure,
                                       bool with_restricted,
                                       const std::optional<std::string>& period) {
  std::string m = measure.value_or(""), p = period.value_or(""), pp = p + "-%";
  int has_m = measure ? 1 : 0, restricted = with_restricted ? 1 : 0, has_p = period ? 1 : 0;
  std::vector<RatingRow> out;
  // One measure's rows come through its index: its condition is written only when asked for.
  const std::string sql =
      std::string(
          "SELECT id, author_org_id, measure_code, author_org_code, author_org_type, "
          "territory, period, rating FROM diagnostics WHERE ") +
      (has_m ? "measure_code = :m AND state = 'published'" : "state = 'published' AND :m = :m") +
      " AND (:r = 1 OR visibility = 'committee') AND (:hp = 0 OR period = :p OR period LIKE :pp)";
  soci::rowset<soci::row> rows = (s.prepare << sql, soci::use(m, "m"), soci::use(restricted, "r"),
                                  soci::use(has_p, "hp"), soci::use(p, "p"), soci::use(pp, "pp"));
  for (const auto& r : rows)
    out.push_back({db::row_int(r, 0), db::row_int(r, 1), db::row_text(r, 2), db::row_text(r, 3),
                   db::row_text(r, 4), db::row_text(r, 5), db::row_text(r, 6),
                   rating_from(db::row_text(r, 7)).value_or(Rating::unknown)});
  return out;
}

void insert_reply(soci::session& s, const Message& m) {
  long long l = m.lineage_id, o = m.author_org_id, u = m.author_user_id;
  s << "INSERT INTO diagnostic_replies (lineage_id, text, author_org_id, author_org_code, "
       "author_user_id, created_at) VALUES (:l, :t, :o, :oc, :u, :c)",
      soci::use(l), soci::use(m.text), soci::use(o), soci::use(m.author_org_code), soci::use(u),
      soci::use(m.created_at);
}

void insert_comment(soci::session& s, const Message& m) {
  long long l = m.lineage_id, o = m.author_org_id, u = m.author_user_id;
  s << "INSERT INTO diagnostic_comments (lineage_id, text, author_org_id, author_org_code, "
       "author_user_id, created_at) VALUES (:l, :t, :o, :oc, :u, :c)",
      soci::use(l), soci::use(m.text), soci::use(o), soci::use(m.author_org_code), soci::use(u),
      soci::use(m.created_at);
}

Thread thread(soci::session& s, std::int64_t lineage_id) {
  long long l = lineage_id;
  Thread t;
  soci::rowset<soci::row> replies =
      (s.prepare << "SELECT id, lineage_id, text, author_org_id, author_org_code, author_user_id, "
                    "created_at FROM diagnostic_replies WHERE lineage_id = :l ORDER BY id",
       soci::use(l));
  for (const auto& r : replies) t.replies.push_back(message_from(r));
  soci::rowset<soci::row> comments =
      (s.prepare << "SELECT id, lineage_id, text, author_org_id, author_org_code, author_user_id, "
                    "created_at FROM diagnostic_comments WHERE lineage_id = :l ORDER BY id",
       soci::use(l));
  for (const auto& r : comments) t.comments.push_back(message_from(r));
  return t;
}

void notify(soci::session& s, std::int64_t user_id, std::int64_t lineage_id,
            const std::string& kind, const std::string& at) {
  long long u = user_id, l = lineage_id;
  s << "INSERT INTO diagnostic_notifications (user_id, lineage_id, kind, created_at) VALUES "
       "(:u, :l, :k, :c)",
      soci::use(u), soci::use(l), soci::use(kind), soci::use(at);
}

std::vector<Notification> notifications(soci::session& s, std::int64_t user_id, int limit) {
  long long u = user_id;
  std::vector<Notification> out;
  soci::rowset<soci::row> rows =
      // Each notification leads to its chain's current version (the first one if none is
      // published any more).
      (s.prepare << "SELECT n.id, COALESCE((SELECT MAX(c.id) FROM diagnostics c WHERE "
                    "c.lineage_id = n.lineage_id AND c.state = 'published'), n.lineage_id), "
                    "n.kind, n.created_at, n.read_at, d.measure_code FROM "
                    "diagnostic_notifications n JOIN diagnostics d ON d.id = n.lineage_id "
                    "WHERE n.user_id = :u ORDER BY n.id DESC LIMIT :n",
       soci::use(u), soci::use(limit));
  for (const auto& r : rows)
    out.push_back({db::row_int(r, 0), db::row_int(r, 1), db::row_text(r, 2), db::row_text(r, 3),
                   r.get_indicator(4) == soci::i_ok, db::row_text(r, 5)});
  return out;
}

int unread(soci::session& s, std::int64_t user_id) {
  long long u = user_id;
  int n = 0;
  s << "SELECT count(*) FROM diagnostic_notifications WHERE user_id = :u AND read_at IS NULL",
      soci::use(u), soci::into(n);
  return n;
}

void mark_read(soci::session& s, std::int64_t user_id, const std::string& at) {
  long long u = user_id;
  s << "UPDATE diagnostic_notifications SET read_at = :a WHERE user_id = :u AND read_at IS NULL",
      soci::use(at), soci::use(u);
}

void index_text(soci::session& s, db::Backend backend, const std::string& kind, std::int64_t ref_id,
                const std::string& folded) {
  long long ref = ref_id;
  if (kind == "diagnostic")
    s << "DELETE FROM diagnostic_search WHERE kind = :k AND ref_id = :r", soci::use(kind),
        soci::use(ref);
  if (backend == db::Backend::sqlite)
    s << "INSERT INTO diagnostic_search (folded, kind, ref_id) VALUES (:f, :k, :r)",
        soci::use(folded), soci::use(kind), soci::use(ref);
  else
    s << "INSERT INTO diagnostic_search (kind, ref_id, folded, document) VALUES (:k, :r, :f, "
         "to_tsvector('french', :f2))",
        soci::use(kind), soci::use(ref), soci::use(folded), soci::use(folded);
}

std::vector<SearchHit> search(soci::session& s, db::Backend backend,
                              const std::vector<std::string>& words, int limit) {
  std::vector<SearchHit> out;
  if (words.empty()) return out;
  // The words are letters and digits only (query_words): each becomes a prefix term.
  std::string q;
  for (const auto& w : words)
    q += backend == db::Backend::sqlite ? (q.empty() ? "" : " ") + w + "*"
                                        : (q.empty() ? "" : " & ") + w + ":*";
  soci::rowset<soci::row> rows =
      backend == db::Backend::sqlite
          ? (s.prepare << "SELECT kind, ref_id FROM diagnostic_search WHERE diagnostic_search "
                          "MATCH :q ORDER BY bm25(diagnostic_search) LIMIT :n",
             soci::use(q), soci::use(limit))
          : (s.prepare << "SELECT kind, ref_id FROM diagnostic_search, to_tsquery('french', :q) "
                          "query WHERE document @@ query ORDER BY ts_rank(document, query) DESC, "
                          "ref_id DESC LIMIT :n",
             soci::use(q), soci::use(limit));
  for (const auto& r : rows) out.push_back({db::row_text(r, 0), db::row_int(r, 1)});
  return out;
}

std::optional<Diagnostic> current_of(soci::session& s, std::int64_t lineage_id) {
  long long l = lineage_id;
  soci::rowset<soci::row> rows =
      (s.prepare << std::string("SELECT ") + kColumns +
                        " FROM diagnostics WHERE lineage_id = :l AND state = 'published'",
       soci::use(l));
  for (const auto& r : rows) return from_row(r);
  return std::nullopt;
}

}  // namespace vigie::diagnostics::store
