#include "modules/field/rules.hpp"

#include "kit/rules.hpp"
#include "kit/territory.hpp"
#include "modules/field/codes.hpp"
#include "privacy/field_guard.hpp"

#include <algorithm>
#include <set>

namespace vigie::field {

namespace {

constexpr std::size_t kNoteLimit = 2000;
constexpr std::size_t kDescriptionLimit = 5000;

bool is_departement(const std::string& code) {
  const auto t = kit::territory(code);
  return t && t->level == kit::Territory::Level::departement;
}

bool minor_band(const std::string& band) {
  return band == "0-4" || band == "5-9" || band == "10-14" || band == "15-17";
}

// A list of codes from `allowed`, without repeats; errors named "<field>/<i>".
std::vector<std::string> code_list(const std::optional<std::vector<std::string>>& in,
                                   const std::vector<std::string>& allowed, const char* field,
                                   const char* what, kit::FieldErrors& errors) {
  std::vector<std::string> out;
  if (!in) return out;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < in->size(); ++i) {
    const auto& c = (*in)[i];
    const auto at = std::string(field) + "/" + std::to_string(i);
    if (!is_code(allowed, c))
      errors.push_back({at, "unknown_code", "'" + c + "' is not a code of " + what + "."});
    else if (!seen.insert(c).second)
      errors.push_back({at, "duplicate", "'" + c + "' is listed twice."});
    else
      out.push_back(c);
  }
  return out;
}

std::string one_of(const std::optional<std::string>& in, const std::vector<std::string>& allowed,
                   const char* field, const char* what, bool required, kit::FieldErrors& errors) {
  if (!in || in->empty()) {
    if (required) errors.push_back({field, "required", "This field is required."});
    return {};
  }
  if (!is_code(allowed, *in)) {
    errors.push_back({field, "unknown_code", "'" + *in + "' is not a code of " + what + "."});
    return {};
  }
  return *in;
}

// A tag names an operation ("JOP-2024"), never a person: letters, digits, '-' and '_'.
bool tag(const std::string& t) {
  return t.size() <= 40 && std::all_of(t.begin(), t.end(), [](unsigned char c) {
           return std::isalnum(c) || c == '-' || c == '_';
         });
}

}  // namespace

std::optional<VictimRecord> validate_record(const RecordInput& in, Today today,
                                            kit::FieldErrors& errors, bool guard_note) {
  const auto before = errors.size();
  const auto& c = codes();
  VictimRecord r;
  if (!in.contact_year)
    errors.push_back({"contact_year", "required", "This field is required."});
  else if (*in.contact_year < 2000 || *in.contact_year > today.year)
    errors.push_back({"contact_year", "out_of_range",
                      "A year from 2000 to " + std::to_string(today.year) + "."});
  if (!in.contact_month)
    errors.push_back({"contact_month", "required", "This field is required."});
  else if (*in.contact_month < 1 || *in.contact_month > 12)
    errors.push_back({"contact_month", "out_of_range", "A month from 1 to 12."});
  else if (in.contact_year && *in.contact_year == today.year && *in.contact_month > today.month)
    errors.push_back({"contact_month", "in_future", "The first contact cannot be in the future."});
  if (in.contact_year) r.contact_year = static_cast<int>(*in.contact_year);
  if (in.contact_month) r.contact_month = static_cast<int>(*in.contact_month);

  if (!in.departement || in.departement->empty())
    errors.push_back({"departement", "required", "This field is required."});
  else if (!is_departement(*in.departement))
    errors.push_back({"departement", "unknown_code", "A département code (93, 2A, 971)."});
  else
    r.departement = *in.departement;

  if (!in.forms || in.forms->empty())
    errors.push_back({"forms", "required", "Give at least one form of exploitation."});
  r.forms = code_list(in.forms, c.forms, "forms", "the forms of exploitation", errors);

  if (in.exploitation_departement && !in.exploitation_departement->empty()) {
    if (!is_departement(*in.exploitation_departement))
      errors.push_back(
          {"exploitation_departement", "unknown_code", "A département code (93, 2A, 971)."});
    else
      r.exploitation_departement = *in.exploitation_departement;
  }
  if (in.exploitation_country && !in.exploitation_country->empty()) {
    if (*in.exploitation_country == "FR")
      errors.push_back({"exploitation_country", "in_france",
                        "For exploitation in France give the département instead."});
    else if (world_region(*in.exploitation_country).empty())
      errors.push_back({"exploitation_country", "unknown_code",
                        "A country code (ISO 3166, two capital letters)."});
    else if (!r.exploitation_departement.empty())
      errors.push_back({"exploitation_country", "both_places",
                        "Give the département or the country abroad, not both."});
    else
      r.exploitation_country = *in.exploitation_country;
  }
  r.sector = one_of(in.sector, c.sectors, "sector", "the sectors", false, errors);
  if (!r.sector.empty() && !is_code(r.forms, "EXP_TRAV") && in.forms)
    errors.push_back(
        {"sector", "not_labour", "A sector is recorded for labour exploitation (EXP_TRAV) only."});
  r.sex = one_of(in.sex, c.sex, "sex", "female, male, other, unknown", true, errors);
  r.age_band = one_of(in.age_band, c.age_bands, "age_band", "the age bands", true, errors);
  if (!in.minor_at_contact)
    errors.push_back({"minor_at_contact", "required", "This field is required."});
  else {
    r.minor_at_contact = *in.minor_at_contact;
    if (!r.age_band.empty() && r.age_band != "unknown" &&
        minor_band(r.age_band) != r.minor_at_contact)
      errors.push_back(
          {"minor_at_contact", "contradicts_age_band",
           r.minor_at_contact ? "The age band is 18 or over." : "The age band is under 18."});
  }
  r.minor_at_exploitation = one_of(in.minor_at_exploitation, c.minor_at_exploitation,
                                   "minor_at_exploitation", "yes, no, unknown", false, errors);
  if (r.minor_at_exploitation.empty()) r.minor_at_exploitation = "unknown";
  if (r.minor_at_contact && r.minor_at_exploitation == "no")
    errors.push_back({"minor_at_exploitation", "contradicts_minor_at_contact",
                      "A minor at contact was a minor when the exploitation began."});
  if (in.nationality && !in.nationality->empty()) {
    if (world_region(*in.nationality).empty())
      errors.push_back(
          {"nationality", "unknown_code", "A country code (ISO 3166, two capital letters)."});
    else
      r.nationality = *in.nationality;
  }
  r.ilo_indicators = code_list(in.ilo_indicators, c.ilo_indicators, "ilo_indicators",
                               "the ILO indicators", errors);
  r.means_of_control = code_list(in.means_of_control, c.means_of_control, "means_of_control",
                                 "the means of control (HTCDS)", errors);
  r.recruitment = code_list(in.recruitment, c.recruitment, "recruitment",
                            "the recruitment methods (HTCDS)", errors);
  r.victim_status = one_of(in.victim_status, c.victim_status, "victim_status",
                           "PRESUMEE, IDENTIFIEE", false, errors);
  if (r.victim_status.empty()) r.victim_status = "PRESUMEE";
  r.support = code_list(in.support, c.support, "support", "the kinds of support", errors);
  if (in.operation && !in.operation->empty()) {
    if (!tag(*in.operation))
      errors.push_back(
          {"operation", "invalid", "An operation tag: letters, digits, '-' and '_', at most 40."});
    else
      r.operation = *in.operation;
  }
  if (in.note && !in.note->empty()) {
    if (auto p = kit::rules::text(*in.note, kNoteLimit))
      errors.push_back({"note", p->code, p->message});
    else if (guard_note)
      for (auto& e : privacy::identifier_errors({{"note", *in.note}}))
        errors.push_back(std::move(e));
    r.note = *in.note;
  }
  if (errors.size() != before) return std::nullopt;
  return r;
}

std::optional<Signal> validate_signal(const SignalInput& in, kit::FieldErrors& errors) {
  const auto before = errors.size();
  const auto& c = codes();
  Signal s;
  // ISO week: YYYY-Www, weeks 01 to 53.
  if (!in.week || in.week->empty())
    errors.push_back({"week", "required", "This field is required."});
  else {
    const auto& w = *in.week;
    const bool shape = w.size() == 8 && w[4] == '-' && w[5] == 'W' &&
                       std::all_of(w.begin(), w.begin() + 4, ::isdigit) && std::isdigit(w[6]) &&
                       std::isdigit(w[7]);
    const int n = shape ? std::stoi(w.substr(6)) : 0;
    const int y = shape ? std::stoi(w.substr(0, 4)) : 0;
    if (!shape || n < 1 || n > 53 || y < 2000 || y > 2100)
      errors.push_back({"week", "invalid", "An ISO week such as 2026-W48."});
    else
      s.week = w;
  }
  if (!in.territory || in.territory->empty())
    s.territory = "national";
  else if (*in.territory != "national" && !is_departement(*in.territory))
    errors.push_back({"territory", "unknown_code", "national or a département code (93)."});
  else
    s.territory = *in.territory;
  s.forms = code_list(in.forms, c.forms, "forms", "the forms of exploitation", errors);
  s.kind = one_of(in.kind, c.signal_kinds, "kind",
                  "new_pattern, place, recruitment_channel, online, trend", true, errors);
  s.severity = one_of(in.severity, c.severities, "severity", "info, concern, urgent", true, errors);
  if (!in.description || in.description->find_first_not_of(" \t\r\n") == std::string::npos)
    errors.push_back({"description", "required", "Describe what was seen."});
  else if (auto p = kit::rules::text(*in.description, kDescriptionLimit))
    errors.push_back({"description", p->code, p->message});
  else {
    for (auto& e : privacy::identifier_errors({{"description", *in.description}}))
      errors.push_back(std::move(e));
    s.description = *in.description;
  }
  if (errors.size() != before) return std::nullopt;
  return s;
}

}  // namespace vigie::field
