#include "modules/audit/service.hpp"

#include "kit/errors.hpp"
#include "kit/rules.hpp"
#include "modules/accounts/directory.hpp"
#include "modules/accounts/policy.hpp"
#include "modules/audit/words.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>

namespace vigie::audit {

namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string next_day(std::chrono::sys_days d) {
  const std::chrono::year_month_day n{d + std::chrono::days{1}};
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(n.year()),
                static_cast<unsigned>(n.month()), static_cast<unsigned>(n.day()));
  return out;
}

}  // namespace

Page Viewer::list(const kit::Actor& who, const Filter& f) {
  kit::FieldErrors errors;
  store::Query q;
  q.before = f.before;
  q.limit = std::clamp(f.limit, 1, 10'000);
  std::optional<std::chrono::sys_days> from, to;
  if (!f.from.empty() && !(from = kit::rules::day(f.from)))
    errors.push_back({"from", "invalid", "A date, YYYY-MM-DD."});
  if (!f.to.empty() && !(to = kit::rules::day(f.to)))
    errors.push_back({"to", "invalid", "A date, YYYY-MM-DD."});
  if (from && to && *to < *from)
    errors.push_back({"to", "out_of_range", "The end comes on or after the start."});
  if (from) q.from = f.from;
  if (to) q.to_before = next_day(*to);
  if (!f.outcome.empty()) {
    if (f.outcome != "ok" && f.outcome != "denied" && f.outcome != "failed")
      errors.push_back({"outcome", "invalid", "ok, denied or failed."});
    q.outcome = f.outcome;
  }
  if (!f.what.empty()) {
    const auto& all = families();
    auto it =
        std::find_if(all.begin(), all.end(), [&](const Family& x) { return x.code == f.what; });
    if (it == all.end())
      errors.push_back({"what", "invalid", "One of the families of actions."});
    else
      q.prefixes = it->prefixes;
  }

  Page page;
  page.all = accounts::allowed(who, "audit.read_all", kit::Relations{});
  if (!page.all) q.owner = who.org_id;
  return db_.read([&](soci::session& s) {
    if (!f.who.empty()) {
      const auto w = lower(f.who);
      if (w.find('@') != std::string::npos) {
        q.actor_user = accounts::directory::user_id(s, w);
      } else {
        std::string code = f.who;
        for (auto& c : code) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        q.actor_org = accounts::directory::organisation_id(s, code);
      }
      if (!q.actor_user && !q.actor_org)
        errors.push_back({"who", "unknown", "No member or organisation with this e-mail or code."});
    }
    kit::throw_if_invalid(std::move(errors));
    page.entries = store::list(s, q);
    return page;
  });
}

}  // namespace vigie::audit
