#pragma once
// The audit viewer's use cases: the trail, newest first, filtered by who (an e-mail address or
// an organisation code), what (a family of actions, audit/words.hpp), when (from and to, days
// inclusive) and outcome; the whole trail for callers allowed "audit.read_all", else only the
// entries about their organisation's records. The same filters feed the CSV export.
// Throws kit::Invalid, field by field, for a filter that means nothing (an impossible date, an
// unknown family, outcome or person).

#include "db/database.hpp"
#include "kit/actor.hpp"
#include "modules/audit/store.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace vigie::audit {

struct Filter {
  std::string who, what, from, to, outcome;  // "" for no filter
  std::optional<std::int64_t> before;        // entries older than this sequence number
  int limit = 50;
};

struct Page {
  std::vector<store::Row> entries;
  bool all = false;  // the whole trail, or the caller's organisation's only
};

class Viewer {
 public:
  explicit Viewer(db::Database& db) : db_(db) {}
  Page list(const kit::Actor& who, const Filter& filter);

 private:
  db::Database& db_;
};

}  // namespace vigie::audit
