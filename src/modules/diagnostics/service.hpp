#pragma once
// Diagnostics use cases. Who may see a diagnostic is decided here, with the policy, for every
// route alike (visible()): a draft by its organisation only; a published one by the committee,
// or by its organisation and the coordination when marked so; a superseded one as the version
// it replaced. Lists, the field view, the board and their exports count only what the caller
// may see, so no draft or coordination-only diagnostic leaks through a count.

#include "db/database.hpp"
#include "kit/actor.hpp"
#include "kit/relation.hpp"
#include "modules/diagnostics/divergence.hpp"
#include "modules/diagnostics/model.hpp"
#include "modules/plan/service.hpp"
#include "security/audit_log.hpp"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace vigie::diagnostics {

// A new diagnostic (every member required but the texts and evidence), or a change to one
// (absent members stay as they are).
struct DiagnosticInput {
  std::optional<std::string> measure, territory, period, rating, strengths, obstacles,
      recommendations, visibility;
  std::optional<std::vector<Evidence>> evidence;
};

// A diagnostic with its history and discussion, as its reader may see it.
struct DiagnosticView {
  Diagnostic diagnostic;
  std::vector<Diagnostic> versions;  // the chain, oldest first, as far as the reader may see it
  Thread thread;
};

struct Scope {                        // the field view's and the board's filters
  std::optional<std::string> period;  // "2026" (with its quarters) or "2026-Q2"; default: this year
  std::optional<std::string> territory;  // national (default), a region or a département
  std::optional<std::string> actor_type;
  std::optional<std::string> axis;  // the board only
};

struct RatingCount {
  std::string key;               // an actor type, a territory or a period
  std::array<int, 6> ratings{};  // by Rating
  std::optional<double> median;
  int organisations = 0;
};

struct FieldView {
  plan::MeasureSummary measure;
  std::string period, territory;
  std::vector<RatingCount> by_actor_type, by_territory, trend;
  Divergence divergence;
  std::vector<Diagnostic> diagnostics;  // current ones in scope, visible to the reader
};

// A piece of a search result's text; `hit` pieces are what matched (to highlight).
struct SnippetPart {
  std::string text;
  bool hit = false;
};
struct SearchResult {
  Diagnostic diagnostic;  // the version the reader may see
  std::string kind;       // where it matched: "diagnostic", "reply", "comment"
  std::vector<SnippetPart> snippet;
};

struct BoardRow {
  plan::MeasureSummary measure;
  Divergence divergence;
  int diagnostics = 0;
};

class Service {
 public:
  using Clock = std::function<std::chrono::system_clock::time_point()>;
  Service(db::Database& db, const security::AuditLog& audit, plan::ReportService& plan,
          Clock now = std::chrono::system_clock::now, std::string public_url = "");

  // The caller's relations to a diagnostic: own_organisation (its author), pilot (of its
  // measure). kit::NotFound when it does not exist or the caller may not see it.
  kit::Relations relation_to_diagnostic(const kit::Actor& who, std::int64_t id);

  Diagnostic create(const kit::Actor& who, const DiagnosticInput& in);
  // A draft changes in place; a published version gets a new draft version with the changes
  // (returned). Conflict for a superseded version, or when a newer draft already exists.
  Diagnostic change(const kit::Actor& who, std::int64_t id, const DiagnosticInput& in);
  // Publishes a draft, superseding the chain's previous version and the organisation's
  // earlier diagnostic for the same measure, territory and period; tells the pilots.
  Diagnostic publish(const kit::Actor& who, std::int64_t id);
  DiagnosticView get(const kit::Actor& who, std::int64_t id);
  // The diagnostics the caller may see, newest first; `mine`: its organisation's, drafts too.
  std::vector<Diagnostic> list(const kit::Actor& who, const std::optional<std::string>& measure,
                               const std::optional<std::string>& territory, bool mine);

  // Full-text search across diagnostics, replies and comments, accent-insensitive, best first;
  // only what the caller may see (a reply or comment shows its diagnostic's current version).
  std::vector<SearchResult> search(const kit::Actor& who, const std::string& query);

  // The pilot organisation's answer (a new revision each time); tells the author.
  Message reply(const kit::Actor& who, std::int64_t id, const std::string& text);
  // A committee member's comment; tells the author and the pilots.
  Message comment(const kit::Actor& who, std::int64_t id, const std::string& text);

  std::vector<Notification> notifications(const kit::Actor& who);
  int unread(const kit::Actor& who);
  void mark_read(const kit::Actor& who);

  FieldView field_view(const kit::Actor& who, const std::string& measure, const Scope& scope);
  // Every measure in force with its divergence: flagged first, then gaps shared by two
  // organisations of two types, then single voices, each by the size of the gap.
  std::vector<BoardRow> board(const kit::Actor& who, const Scope& scope);

  std::string current_year() const;

 private:
  bool visible(const kit::Actor& who, const Diagnostic& d) const;
  void index(soci::session& s, const Diagnostic& d);
  void tell(soci::session& s, const Diagnostic& d, const std::vector<std::string>& orgs,
            const std::string& kind, const kit::Actor& who, const std::string& subject);

  db::Database& db_;
  const security::AuditLog& audit_;
  plan::ReportService& plan_;
  Clock now_;
  std::string public_url_;
};

}  // namespace vigie::diagnostics
