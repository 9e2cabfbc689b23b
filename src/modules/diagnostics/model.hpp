#pragma once
// Field diagnostics: what an organisation on the ground finds of a plan measure in a territory
// over a period — a rating on a five-level scale, strengths, obstacles, recommendations and
// evidence — published to the committee (or to the coordination only) beside the official
// progress, with the pilot's right of reply and the committee's discussion.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::diagnostics {

// The field rating, ordered from worst to best; `unknown` ("ne sait pas") counts in no median.
enum class Rating { not_implemented, weak, partial, substantial, effective, unknown };
std::string_view to_string(Rating r);
std::optional<Rating> rating_from(std::string_view s);
// 0 (not implemented) to 4 (effective); nullopt for unknown.
std::optional<int> level(Rating r);

enum class State { draft, published, superseded };
std::string_view to_string(State s);
std::optional<State> state_from(std::string_view s);

enum class Visibility { committee, coordination };
std::string_view to_string(Visibility v);
std::optional<Visibility> visibility_from(std::string_view s);

// A piece of evidence is a link (url + what it shows), a figure with its source (figure +
// source + what it counts), or both: a figure quoted from the page at url.
struct Evidence {
  std::string url, label, figure, source;
};

struct Diagnostic {
  std::int64_t id = 0;
  std::int64_t lineage_id = 0;  // the first version's id
  int version = 1;
  std::int64_t author_org_id = 0;
  std::string author_org_code, author_org_type;
  std::int64_t author_user_id = 0;
  std::string measure_code, territory, period;
  Rating rating = Rating::unknown;
  std::string strengths, obstacles, recommendations;  // Markdown
  std::vector<Evidence> evidence;
  Visibility visibility = Visibility::committee;
  State state = State::draft;
  std::string created_at, updated_at;
  std::optional<std::string> published_at, superseded_at;
};

struct Message {  // a reply revision or a comment
  std::int64_t id = 0;
  std::int64_t lineage_id = 0;
  std::string text;
  std::int64_t author_org_id = 0;
  std::string author_org_code;
  std::int64_t author_user_id = 0;
  std::string created_at;
};

// What the pilot said and the committee discussed about a diagnostic chain.
struct Thread {
  std::vector<Message> replies;  // every revision, oldest first: the last is the current reply
  std::vector<Message> comments;
};

struct Notification {
  std::int64_t id = 0;
  std::int64_t lineage_id = 0;  // read back as the chain's current published version
  std::string kind;             // "reply", "comment", "published"
  std::string created_at;
  bool read = false;
  std::string measure_code;
};

}  // namespace vigie::diagnostics
