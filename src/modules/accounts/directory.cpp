#include "modules/accounts/directory.hpp"

#include "db/row.hpp"
#include "modules/accounts/store.hpp"

#include <algorithm>
#include <set>

namespace vigie::accounts::directory {

std::optional<OrganisationCard> organisation(soci::session& s, const std::string& code) {
  auto o = store::find_organisation_by_code(s, code);
  if (!o) return std::nullopt;
  return OrganisationCard{o->id, o->code, o->name, o->type, o->territory};
}

std::optional<std::int64_t> organisation_id(soci::session& s, const std::string& code) {
  auto o = store::find_organisation_by_code(s, code);
  if (!o) return std::nullopt;
  return o->id;
}

std::vector<OrganisationCard> organisations(soci::session& s) {
  std::vector<OrganisationCard> out;
  for (const auto& o : store::list_organisations(s))
    out.push_back({o.id, o.code, o.name, o.type, o.territory});
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.code < b.code; });
  return out;
}

std::optional<std::int64_t> user_id(soci::session& s, const std::string& email) {
  auto u = store::find_user_by_email(s, email);
  if (!u) return std::nullopt;
  return u->id;
}

std::vector<std::string> organisation_codes(soci::session& s) {
  std::vector<std::string> out;
  for (const auto& o : store::list_organisations(s)) out.push_back(o.code);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> contacts(soci::session& s, const std::string& org_code,
                                  kit::Role min_role) {
  std::vector<std::string> out;
  auto o = store::find_organisation_by_code(s, org_code);
  if (!o) return out;
  for (const auto& u : store::list_members(s, o->id))
    if (!u.disabled && static_cast<int>(u.role) >= static_cast<int>(min_role))
      out.push_back(u.email);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::int64_t> member_ids(soci::session& s, const std::string& org_code,
                                     kit::Role min_role) {
  std::vector<std::int64_t> out;
  auto o = store::find_organisation_by_code(s, org_code);
  if (!o) return out;
  for (const auto& u : store::list_members(s, o->id))
    if (!u.disabled && static_cast<int>(u.role) >= static_cast<int>(min_role)) out.push_back(u.id);
  return out;
}

std::map<std::int64_t, std::string> organisation_codes(soci::session& s,
                                                       const std::vector<std::int64_t>& ids) {
  std::map<std::int64_t, std::string> out;
  const std::set<std::int64_t> wanted(ids.begin(), ids.end());
  if (wanted.empty()) return out;
  for (const auto& o : store::list_organisations(s))
    if (wanted.contains(o.id)) out[o.id] = o.code;
  return out;
}

std::map<std::int64_t, std::string> emails(soci::session& s,
                                           const std::vector<std::int64_t>& user_ids) {
  std::map<std::int64_t, std::string> out;
  const std::set<std::int64_t> ids(user_ids.begin(), user_ids.end());
  if (ids.empty()) return out;
  std::string list;
  for (auto id : ids) list += (list.empty() ? "" : ",") + std::to_string(id);
  // The ids are integers: safe to inline, and one query for the whole page (no N+1).
  soci::rowset<soci::row> rows =
      (s.prepare << "SELECT id, email FROM users WHERE id IN (" + list + ")");
  for (const auto& r : rows) out[db::row_int(r, 0)] = db::row_text(r, 1);
  return out;
}

}  // namespace vigie::accounts::directory
