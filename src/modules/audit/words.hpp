#pragma once
// The audit trail in words: what each recorded action, object type and outcome means, in
// French and English, for the viewer and its CSV export. An action without words yet (a new
// module's) reads as its code, so nothing is ever hidden.

#include <string>
#include <string_view>
#include <vector>

namespace vigie::audit {

struct Words {
  std::string fr, en;
  const std::string& in(std::string_view lang) const { return lang == "en" ? en : fr; }
};

Words action_words(std::string_view action);
Words object_words(std::string_view object_type);
Words outcome_words(std::string_view outcome);

// The families of actions the viewer filters on ("what"): their code, words and the action
// prefixes they cover. Unknown family codes are refused by the service.
struct Family {
  std::string code;
  Words words;
  std::vector<std::string> prefixes;  // "auth." …
};
const std::vector<Family>& families();

}  // namespace vigie::audit
