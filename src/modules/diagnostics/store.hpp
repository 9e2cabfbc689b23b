#pragma once
// The only door to the diagnostics module's tables. Every function runs in the caller's
// transaction (the session it is given).

#include "db/database_url.hpp"
#include "modules/diagnostics/model.hpp"

#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

namespace vigie::diagnostics::store {

// Inserts a version; a first version (lineage_id 0) becomes its own lineage. Returns the id.
std::int64_t insert(soci::session& s, Diagnostic d);
// Rewrites a draft's content (never a published or superseded version).
void update_draft(soci::session& s, const Diagnostic& d);
std::optional<Diagnostic> find(soci::session& s, std::int64_t id);
// Every version of a chain, oldest first.
std::vector<Diagnostic> versions(soci::session& s, std::int64_t lineage_id);
void publish(soci::session& s, std::int64_t id, const std::string& at);
// Supersedes every published version of the organisation's for this measure, territory and
// period, and of this chain, except `keep`; returns how many.
int supersede_previous(soci::session& s, const Diagnostic& d, std::int64_t keep,
                       const std::string& at);

struct Filter {
  std::optional<std::string> measure, territory, period;
  std::optional<std::int64_t> author_org_id;
  std::vector<State> states;  // empty: any
  std::optional<std::vector<std::int64_t>> ids;
};
std::vector<Diagnostic> list(soci::session& s, const Filter& f);

// The rows the field view and the board count: current (published) diagnostics, without their
// texts. `with_restricted` adds the coordination-only ones.
struct RatingRow {
  std::int64_t id = 0, author_org_id = 0;
  std::string measure_code, author_org_code, author_org_type, territory, period;
  Rating rating = Rating::unknown;
};
// `period`: only that period (a year with its quarters), when given.
std::vector<RatingRow> current_ratings(soci::session& s, const std::optional<std::string>& measure,
                                       bool with_restricted,
                                       const std::optional<std::string>& period = std::nullopt);

void insert_reply(soci::session& s, const Message& m);
void insert_comment(soci::session& s, const Message& m);
Thread thread(soci::session& s, std::int64_t lineage_id);

void notify(soci::session& s, std::int64_t user_id, std::int64_t lineage_id,
            const std::string& kind, const std::string& at);
std::vector<Notification> notifications(soci::session& s, std::int64_t user_id, int limit);
int unread(soci::session& s, std::int64_t user_id);
void mark_read(soci::session& s, std::int64_t user_id, const std::string& at);

// Full-text search (SQLite FTS5, PostgreSQL full text with the French configuration), one
// interface: `folded` is text::fold() of what is indexed, `words` are text::query_words().
// kind "diagnostic": ref = a version's id (indexing again replaces its text); "reply",
// "comment": ref = the chain's lineage id.
void index_text(soci::session& s, db::Backend backend, const std::string& kind, std::int64_t ref_id,
                const std::string& folded);
struct SearchHit {
  std::string kind;
  std::int64_t ref_id = 0;
};
// Best first; every word must match (a word also matches as the start of a longer one).
std::vector<SearchHit> search(soci::session& s, db::Backend backend,
                              const std::vector<std::string>& words, int limit);
// The chain's newest published version, if any.
std::optional<Diagnostic> current_of(soci::session& s, std::int64_t lineage_id);

}  // namespace vigie::diagnostics::store
