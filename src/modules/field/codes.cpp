#include "modules/field/codes.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <utility>

namespace vigie::kit {
extern const char* const kTaxonomiesJson;
}

namespace vigie::field {

namespace {

// ISO 3166 alpha-2 codes of the nationalities met in the annual survey (DOMAIN.md §6: Africa
// ~70 %, Europe 17 %, Latin America 10 %, French 11 %), with the world region statistics use.
// A nationality outside this list is refused rather than guessed.
constexpr std::pair<std::string_view, std::string_view> kCountries[] = {
    {"FR", "europe"},   {"RO", "europe"},   {"BG", "europe"},   {"AL", "europe"},
    {"XK", "europe"},   {"RS", "europe"},   {"BA", "europe"},   {"MK", "europe"},
    {"MD", "europe"},   {"UA", "europe"},   {"RU", "europe"},   {"HU", "europe"},
    {"PL", "europe"},   {"SK", "europe"},   {"CZ", "europe"},   {"ES", "europe"},
    {"PT", "europe"},   {"IT", "europe"},   {"BE", "europe"},   {"DE", "europe"},
    {"GE", "europe"},   {"TR", "europe"},   {"NG", "africa"},   {"CM", "africa"},
    {"CI", "africa"},   {"GN", "africa"},   {"SN", "africa"},   {"ML", "africa"},
    {"CD", "africa"},   {"CG", "africa"},   {"GH", "africa"},   {"SL", "africa"},
    {"BJ", "africa"},   {"TG", "africa"},   {"BF", "africa"},   {"NE", "africa"},
    {"MA", "africa"},   {"DZ", "africa"},   {"TN", "africa"},   {"EG", "africa"},
    {"ER", "africa"},   {"ET", "africa"},   {"SD", "africa"},   {"SO", "africa"},
    {"KM", "africa"},   {"MG", "africa"},   {"AO", "africa"},   {"GA", "africa"},
    {"BR", "americas"}, {"CO", "americas"}, {"PE", "americas"}, {"VE", "americas"},
    {"DO", "americas"}, {"HT", "americas"}, {"EC", "americas"}, {"PY", "americas"},
    {"SR", "americas"}, {"GY", "americas"}, {"CU", "americas"}, {"MX", "americas"},
    {"CN", "asia"},     {"VN", "asia"},     {"PH", "asia"},     {"TH", "asia"},
    {"IN", "asia"},     {"PK", "asia"},     {"BD", "asia"},     {"LK", "asia"},
    {"AF", "asia"},     {"NP", "asia"},     {"SY", "asia"},     {"IQ", "asia"},
    {"LB", "asia"},     {"MN", "asia"},     {"ID", "asia"},     {"PG", "oceania"},
    {"VU", "oceania"},  {"FJ", "oceania"},
};

std::vector<std::string> member_values(const boost::json::array& items, const char* key) {
  std::vector<std::string> out;
  for (const auto& i : items)
    if (const auto* v = i.as_object().if_contains(key); v && v->is_string())
      out.emplace_back(v->as_string());
  return out;
}

CodeLists load() {
  CodeLists c;
  const auto doc = boost::json::parse(kit::kTaxonomiesJson).as_object();
  // TEH_STRICT is the offence itself, not a purpose of exploitation: a profile names purposes.
  for (auto& f : member_values(doc.at("forms_of_exploitation").as_array(), "code"))
    if (f != "TEH_STRICT") c.forms.push_back(std::move(f));
  c.sectors = member_values(doc.at("sectors").as_array(), "code");
  c.ilo_indicators = member_values(doc.at("ilo_forced_labour_indicators").as_array(), "code");
  const auto& picklists = doc.at("htcds").as_object().at("picklists").as_object();
  c.means_of_control = member_values(picklists.at("vic_MethodsOfControl").as_array(), "value");
  c.recruitment = member_values(picklists.at("vic_MethodOfRecruitment").as_array(), "value");
  // The survey counts presumed and identified victims; "not a victim" is not recorded.
  for (auto& s : member_values(
           doc.at("victim_status_fr").as_object().at("identification").as_array(), "code"))
    if (s != "NON_VICTIME") c.victim_status.push_back(std::move(s));
  c.sex = {"female", "male", "other", "unknown"};
  // Five-year bands, cut at 18 so that minors are told apart from adults in every table.
  c.age_bands = {"0-4",   "5-9",   "10-14", "15-17", "18-24", "25-29", "30-34",  "35-39",
                 "40-44", "45-49", "50-54", "55-59", "60-64", "65+",   "unknown"};
  c.minor_at_exploitation = {"yes", "no", "unknown"};
  // The support the survey asks about (residence permit: CESEDA L425-1 after a complaint).
  c.support = {"shelter", "acse_referral",           "legal",
               "health",  "residence_permit_l425_1", "complaint_filed"};
  c.signal_kinds = {"new_pattern", "place", "recruitment_channel", "online", "trend"};
  c.severities = {"info", "concern", "urgent"};
  return c;
}

}  // namespace

const CodeLists& codes() {
  static const CodeLists c = load();
  return c;
}

bool is_code(const std::vector<std::string>& list, std::string_view code) {
  return std::find(list.begin(), list.end(), code) != list.end();
}

std::string_view world_region(std::string_view country) {
  for (const auto& [code, region] : kCountries)
    if (code == country) return region;
  return {};
}

std::vector<std::string> split_codes(std::string_view cell) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= cell.size()) {
    auto end = cell.find('|', start);
    if (end == std::string_view::npos) end = cell.size();
    auto item = cell.substr(start, end - start);
    while (!item.empty() && (item.front() == ' ' || item.front() == '\t')) item.remove_prefix(1);
    while (!item.empty() && (item.back() == ' ' || item.back() == '\t')) item.remove_suffix(1);
    if (!item.empty()) out.emplace_back(item);
    start = end + 1;
  }
  return out;
}

std::string join_codes(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) {
    if (!out.empty()) out += '|';
    out += c;
  }
  return out;
}

}  // namespace vigie::field
