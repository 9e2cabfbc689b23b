#include "modules/plan/referential_table.hpp"
#include "modules/plan/service.hpp"

#include "text/trim.hpp"

#include <cctype>
#include <cmath>

namespace vigie::plan {

const std::array<std::string_view, kColumnCount> kColumnNames{
    "axis",     "measure",   "measure_title_fr", "measure_title_en", "measure_weight",
    "retired",  "action_id", "action_title",     "action_weight",    "pilots",
    "partners", "deadline",  "cost_eur",         "funding",          "official_text_url",
    "status",   "progress",  "overdue"};

namespace {

const std::array<std::string_view, kColumnCount> kHeadersFr{"Axe",
                                                            "Mesure",
                                                            "Intitulé de la mesure",
                                                            "Intitulé de la mesure (anglais)",
                                                            "Poids de la mesure",
                                                            "Retirée",
                                                            "N° d'action",
                                                            "Intitulé de l'action",
                                                            "Poids de l'action",
                                                            "Pilotes",
                                                            "Partenaires",
                                                            "Échéance",
                                                            "Coût (euros)",
                                                            "Financement",
                                                            "Texte officiel (lien)",
                                                            "Statut",
                                                            "Avancement (%)",
                                                            "En retard"};
const std::array<std::string_view, kColumnCount> kHeadersEn{
    "Axis",          "Measure",        "Measure title (French)",
    "Measure title", "Measure weight", "Retired",
    "Action no.",    "Action title",   "Action weight",
    "Pilots",        "Partners",       "Deadline",
    "Cost (euros)",  "Funding",        "Official text (link)",
    "Status",        "Progress (%)",   "Overdue"};

// Lower case, spaces folded: "  Intitulé  de l'action " and "intitulé de l'action" match.
std::string folded(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

}  // namespace

const std::array<std::string_view, kColumnCount>& column_headers(Lang lang) {
  return lang == Lang::en ? kHeadersEn : kHeadersFr;
}

bool names_column(std::string_view header, Column c) {
  const auto h = folded(text::trim(header));
  return h == folded(kColumnNames[c]) || h == folded(kHeadersFr[c]) || h == folded(kHeadersEn[c]);
}

std::string status_words(std::string_view status_code, text::Lang lang) {
  const auto s = status_from(status_code);
  return std::string(s ? status_label(*s, lang) : status_code);
}

std::string_view status_label(Status s, Lang lang) {
  const bool en = lang == Lang::en;
  switch (s) {
    case Status::not_started:
      return en ? "Not started" : "Non démarrée";
    case Status::in_progress:
      return en ? "In progress" : "En cours";
    case Status::achieved:
      return en ? "Achieved" : "Réalisée";
    case Status::delayed:
      return en ? "Delayed" : "En retard";
    case Status::abandoned:
      return en ? "Abandoned" : "Abandonnée";
  }
  return to_string(s);
}

std::string slug(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    char keep = 0;
    if (std::isalnum(c)) keep = static_cast<char>(std::tolower(c));
    // The accented letters of French, as their base letter (UTF-8: C3 xx).
    if (c == 0xC3 && i + 1 < text.size()) {
      const unsigned char d = static_cast<unsigned char>(text[++i]) | 0x20;
      if (d >= 0xA0 && d <= 0xA5)
        keep = 'a';
      else if (d == 0xA7)
        keep = 'c';
      else if (d >= 0xA8 && d <= 0xAB)
        keep = 'e';
      else if (d >= 0xAC && d <= 0xAF)
        keep = 'i';
      else if (d >= 0xB2 && d <= 0xB6)
        keep = 'o';
      else if (d >= 0xB9 && d <= 0xBC)
        keep = 'u';
    } else if (c >= 0x80) {
      continue;
    }
    if (keep)
      out += keep;
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string referential_file_name(const Plan& plan, Lang lang, std::string_view extension) {
  const std::string period = plan.period_start.substr(0, 4) + "-" + plan.period_end.substr(0, 4);
  return std::string(lang == Lang::en ? "plan-referential-" : "referentiel-plan-") + period + "." +
         std::string(extension);
}

std::vector<bool> numeric_columns() {
  std::vector<bool> out(kColumnCount, false);
  for (auto c : {kMeasureWeight, kActionId, kActionWeight, kCostEur, kProgress}) out[c] = true;
  return out;
}

namespace {

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : std::string(sep)) + i;
  return out;
}

}  // namespace

text::Table referential_rows(const Plan& plan, Lang lang) {
  text::Table rows;
  const auto& headers = column_headers(lang);
  rows.emplace_back(headers.begin(), headers.end());
  for (const auto& axis : plan.axes)
    for (const auto& m : axis.measures)
      for (const auto& a : m.actions)
        rows.push_back({axis.code, m.code, m.title_fr, m.title_en, std::to_string(m.weight),
                        std::string(yes_no_label(m.retired, lang)), std::to_string(a.id), a.title,
                        std::to_string(a.weight), join_pilots(a.pilots), join(a.partners, " ; "),
                        a.deadline.value_or(""), a.cost_eur ? std::to_string(*a.cost_eur) : "",
                        a.funding, a.official_text_url, std::string(status_label(a.status, lang)),
                        std::to_string(static_cast<int>(std::lround(a.progress))),
                        std::string(yes_no_label(a.overdue, lang))});
  return rows;
}

std::string join_pilots(const std::vector<std::string>& pilots) {
  return join(pilots, " ");
}

std::vector<std::string> split_pilots(std::string_view cell) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : cell) {
    if (c == ' ' || c == ',' || c == ';' || c == '\t' || c == '\n') {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::vector<std::string> split_partners(std::string_view cell) {
  std::vector<std::string> out;
  while (true) {
    const auto at = cell.find(';');
    if (auto t = text::trim(cell.substr(0, at)); !t.empty()) out.push_back(std::move(t));
    if (at == std::string_view::npos) break;
    cell.remove_prefix(at + 1);
  }
  return out;
}

}  // namespace vigie::plan
