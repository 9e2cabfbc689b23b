#include "privacy/identifier_guard.hpp"

#include "privacy/lexicon.hpp"
#include "privacy/text_tokens.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <unordered_set>

namespace vigie::privacy {

namespace {

using K = IdentifierKind;

bool ascii_alnum(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0;
}
bool ascii_digit(char c) {
  return c >= '0' && c <= '9';
}
bool ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

// True when the byte before i is not part of a word (start of text, space, punctuation).
bool boundary_before(std::string_view s, std::size_t i) {
  if (i == 0) return true;
  unsigned char c = static_cast<unsigned char>(s[i - 1]);
  return !(std::isalnum(c) || c == '_' || c >= 0x80);
}

class Collector {
 public:
  explicit Collector(std::string_view text) : text_(text) {}
  void add(K kind, std::size_t start, std::size_t end) {
    if (end > start && end <= text_.size()) found_.push_back({kind, start, end, {}});
  }
  bool covered(std::size_t start, std::size_t end) const {
    for (const auto& f : found_)
      if (start < f.end && f.start < end) return true;
    return false;
  }
  // The spans of the findings of one kind, as found so far.
  std::vector<std::pair<std::size_t, std::size_t>> spans(K kind) const {
    std::vector<std::pair<std::size_t, std::size_t>> v;
    for (const auto& f : found_)
      if (f.kind == kind) v.emplace_back(f.start, f.end);
    return v;
  }
  // Forgets the findings of one kind that span exactly [start, end).
  void drop_exact(K kind, std::size_t start, std::size_t end) {
    std::erase_if(found_, [&](const Finding& f) {
      return f.kind == kind && f.start == start && f.end == end;
    });
  }
  // Forgets the findings of one kind that overlap [start, end).
  void drop(K kind, std::size_t start, std::size_t end) {
    std::erase_if(
        found_, [&](const Finding& f) { return f.kind == kind && start < f.end && f.start < end; });
  }
  // Sorted, overlaps merged: the earlier (then longer) finding wins.
  std::vector<Finding> finish() {
    // Over the same span, a kind read from its shape or its cue ("au nom de bakary_jobs_france"
    // is a handle) wins over a person's name, and a document's number after its cue ("APS n°
    // 0601234567", "cédula 001-1234567-8") over the phone its digits look like. Between two
    // documents, the one found first (by its cue, before the shapes) wins.
    // A French phone written as phones are, in pairs ("06 26 71 84 09"), stays a phone even
    // after a document's cue ("vraie identité = …, 06 26 71 84 09").
    auto paired_phone = [&](const Finding& f) {
      const auto t = text_.substr(f.start, f.end - f.start);
      if (t.size() != 14 || t[0] != '0' || t[1] == '0') return false;
      for (std::size_t c = 0; c < t.size(); ++c)
        if (c % 3 == 2 ? t[c] != ' ' : !ascii_digit(t[c])) return false;
      return true;
    };
    auto rank = [&](const Finding& f) {
      const K k = f.kind;
      if (k == K::phone && paired_phone(f)) return 3;
      if (k == K::person_name) return 0;
      const bool document = k == K::passport_number || k == K::identity_card_number ||
                            k == K::residence_permit_number || k == K::social_security_number;
      return document ? 2 : 1;
    };
    std::stable_sort(found_.begin(), found_.end(), [&](const Finding& a, const Finding& b) {
      if (a.start != b.start) return a.start < b.start;
      if (a.end != b.end) return a.end > b.end;
      return rank(a) > rank(b);
    });
    std::vector<Finding> out;
    for (auto& f : found_) {
      if (!out.empty() && f.start < out.back().end) {
        out.back().end = std::max(out.back().end, f.end);
        continue;
      }
      out.push_back(std::move(f));
    }
    for (auto& f : out) f.text = std::string(text_.substr(f.start, f.end - f.start));
    return out;
  }

 private:
  std::string_view text_;
  std::vector<Finding> found_;
};

// ---- character-level detectors -------------------------------------------------------

std::string ascii_lower(std::string_view v) {
  std::string out(v);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A person's mailbox rather than a service's. Functional boxes ("contact@", "accueil@",
// "pref-etrangers@") are not; on a public body's domain, neither is any box that is not
// written first.last (an official's named box is still found: it names a person).
bool webmail_domain(std::string_view label);
bool personal_mailbox(std::string_view local, std::string_view domain) {
  const auto l = ascii_lower(local);
  // A box at a webmail is someone's: "recrutement.vendanges51@gmail.com" is the recruiter's,
  // "cheffe.equipe.k@gmail.com" the team leader's. Only a box that opens with an association's
  // or its front desk's word is a service's ("contact.asso.lune@gmail.com").
  if (webmail_domain(domain.substr(0, domain.find('.')))) {
    static constexpr std::string_view kService[] = {
        "asso",       "contact",   "accueil", "secretariat", "info",
        "permanence", "benevoles", "maraude", "collectif",   "coordination"};
    const auto head = std::string_view(l).substr(0, l.find_first_of("._-+"));
    for (auto w : kService)
      if (head.starts_with(w)) return false;
    return true;
  }
  if (lexicon::is_functional_mailbox(l)) return false;
  if (lexicon::is_public_body_domain(ascii_lower(domain)))
    return l.find_first_of("._") != std::string::npos;
  return true;
}

bool email_local_char(char c) {
  return ascii_alnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-';
}

bool organisation_account(std::string_view s, std::size_t b, std::size_t e);

void find_emails_and_handles(std::string_view s, Collector& out) {
  for (std::size_t at = s.find('@'); at != std::string_view::npos; at = s.find('@', at + 1)) {
    std::size_t l = at;
    while (l > 0 && email_local_char(s[l - 1])) --l;
    std::size_t r = at + 1;
    while (r < s.size() && (ascii_alnum(s[r]) || s[r] == '-' || s[r] == '.')) ++r;
    while (r > at + 1 && s[r - 1] == '.') --r;  // a sentence's full stop
    const auto domain = s.substr(at + 1, r - at - 1);
    const auto last_dot = domain.rfind('.');
    if (l < at && last_dot != std::string_view::npos && last_dot > 0 &&
        domain.size() - last_dot > 2) {
      // "(boîte fonctionnelle crip93@…)": the note says the box is a service's.
      const auto before = lexicon::fold(s.substr(l > 40 ? l - 40 : 0, l > 40 ? 40 : l));
      const bool said_functional = before.find("fonctionnel") != std::string::npos ||
                                   before.find("generique") != std::string::npos;
      if (!said_functional && personal_mailbox(s.substr(l, at - l), domain))
        out.add(K::email, l, r);
      continue;
    }
    if (l == at && boundary_before(s, at)) {  // @handle
      std::size_t e = at + 1;
      while (e < s.size() && (ascii_alnum(s[e]) || s[e] == '_' || s[e] == '.')) ++e;
      while (e > at + 1 && s[e - 1] == '.') --e;
      if (e - at >= 3 && !organisation_account(s, at, e)) out.add(K::social_handle, at, e);
    }
  }
}

// An account or page of an organisation, not of a person: its name says so
// ("facebook.com/MIPROF.officiel", "@prefpolice_officiel"), or the words right before it do
// ("le compte Instagram de l'association (@amicaledunid)", "la page du ministère"). Only the
// clause before it, and only words that name an organisation, not "son compte".
bool organisation_account(std::string_view s, std::size_t b, std::size_t e) {
  // "_official" alone says nothing: "@klea.hx_official", "@eri.kola.official" are persons'
  // vanity handles. A body's name in the handle, or the note's words before it, decide.
  const auto self = lexicon::fold(s.substr(b, e - b));
  // "@ONUFemmes", "@Ville_de_Paris", "@PrefetIDF", "@Gendarmerie": the handle names a body.
  {
    std::string_view h = self;
    if (h.starts_with("@")) h.remove_prefix(1);
    // A link: its last segment is the account ("instagram.com/gendarmerie.officiel").
    while (h.ends_with("/")) h.remove_suffix(1);
    if (const auto slash = h.rfind('/'); slash != std::string_view::npos)
      h.remove_prefix(slash + 1);
    static constexpr std::string_view kBody[] = {
        "onu",         "unhcr",        "unicef",     "unodc",      "ville_de",    "villede",
        "mairie",      "prefet",       "prefecture", "prefpolice", "gendarmerie", "police",
        "ministere",   "gouvernement", "miprof",     "ofii",       "ofpra",       "defenseur",
        "conseil",     "europol",      "interpol",   "croixrouge", "croix_rouge", "region",
        "departement", "assemblee",    "senat",      "elysee"};
    for (auto w : kBody)
      if (h.starts_with(w)) return true;
  }
  std::size_t from = b > 70 ? b - 70 : 0;
  auto before = lexicon::fold(s.substr(from, b - from));
  const auto stop = before.find_last_of(".;\n");
  if (stop != std::string::npos) before.erase(0, stop + 1);
  static constexpr std::string_view kOrg[] = {
      "de l'association", "de notre association", "de la structure", "du ministere",
      "de la prefecture", "de la mairie",         "de la miprof",    "de l'ofii",
      "de la police",     "de la gendarmerie",    "officiel",        "institutionnel"};
  for (auto w : kOrg)
    if (before.find(w) != std::string::npos) return true;
  return false;
}

// An e-mail address written so that machines miss it: "fatou.diallo[at]gmail.com",
// "lina93 (at) yahoo (dot) fr", "lina93 arobase orange point fr". A marker for "@" (bracketed
// [at] (at) {at}, or the words at / arobase) between an address-like local part and a domain
// that ends in a top-level label after a "." or a marker for it (dot, point). The words alone
// ("rendez-vous at home") name no domain and are left alone; "at" takes "dot", not "point".
bool webmail_domain(std::string_view label) {
  const auto l = ascii_lower(label);
  static constexpr std::string_view kMail[] = {
      "gmail",  "yahoo",   "hotmail", "outlook", "live",   "icloud", "orange", "free",
      "sfr",    "laposte", "wanadoo", "gmx",     "yandex", "mail",   "aol",    "protonmail",
      "proton", "msn",     "neuf",    "bbox",    "ymail",  "abv",    "rambler"};
  for (auto m : kMail)
    if (l == m) return true;
  return false;
}

void find_obfuscated_emails(std::string_view s, Collector& out) {
  std::string lower(s);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  static constexpr std::string_view kAt[] = {"[at]",      "(at)", "{at}",     "[arobase]",
                                             "(arobase)", " at ", " arobase "};
  static constexpr std::string_view kDot[] = {"[dot]",   "(dot)", "{dot}",  "[point]",
                                              "(point)", " dot ", " point "};
  auto skip_spaces = [&](std::size_t i) {
    while (i < s.size() && s[i] == ' ') ++i;
    return i;
  };
  auto label_end = [&](std::size_t i) {
    while (i < s.size() && (ascii_alnum(s[i]) || s[i] == '-' || s[i] == '.')) ++i;
    return i;
  };
  for (auto marker : kAt) {
    for (auto pos = lower.find(marker); pos != std::string::npos;
         pos = lower.find(marker, pos + 1)) {
      std::size_t l_end = pos;
      while (l_end > 0 && s[l_end - 1] == ' ') --l_end;
      std::size_t l = l_end;
      while (l > 0 && email_local_char(s[l - 1])) --l;
      if (l_end - l < 2 || !boundary_before(s, l)) continue;
      const std::size_t d = skip_spaces(pos + marker.size());
      std::size_t r = label_end(d);
      while (r > d && s[r - 1] == '.') --r;  // a sentence's full stop
      if (r == d) continue;
      const auto domain = s.substr(d, r - d);
      const auto dot = domain.rfind('.');
      std::size_t end = 0;
      if (dot != std::string_view::npos && dot > 0 && domain.size() - dot > 2) end = r;
      for (auto dm : kDot) {
        if (end) break;
        // English "at" goes with English "dot": "venue at Paris point de rencontre" is prose,
        // unless the domain is a webmail's: "kelvin osagie at gmail point com".
        if (marker == " at " && dm == " point " && !webmail_domain(domain)) continue;
        if (lower.compare(r, dm.size(), dm) != 0 &&
            !(dm.front() != ' ' && lower.compare(skip_spaces(r), dm.size(), dm) == 0))
          continue;
        const std::size_t from = lower.compare(r, dm.size(), dm) == 0 ? r : skip_spaces(r);
        const std::size_t t = skip_spaces(from + dm.size());
        std::size_t e = t;
        while (e < s.size() && ascii_alnum(s[e])) ++e;
        if (e - t >= 2) end = e;
      }
      if (end && personal_mailbox(s.substr(l, l_end - l), domain)) out.add(K::email, l, end);
    }
  }
}

// An escort ad or a profile on a site in no list: the host says "escort", or the path is an
// ad's or a profile's ("/annonce/", "/profil/", "/escort/") with a slug that has letters
// ("/annonce/lina-21-ans-98314"). A site's "/profil/" page of settings has no slug after it.
bool ad_path(const std::string& host, std::string_view path) {
  if (host.find("escort") != std::string::npos) return true;
  const auto p = ascii_lower(path);
  for (std::string_view seg : {"/annonce/", "/annonces/", "/profil/", "/profile/", "/escort/",
                               "/escorts/", "/girl/", "/model/"}) {
    const auto at = p.find(seg);
    if (at == std::string::npos) continue;
    const auto slug = std::string_view(p).substr(at + seg.size());
    if (slug.size() >= 3 &&
        std::any_of(slug.begin(), slug.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
      return true;
  }
  return false;
}

void find_links(std::string_view s, Collector& out) {
  std::size_t i = 0;
  while (i < s.size()) {
    // Candidate: a run of URL characters starting at a word boundary.
    if (!boundary_before(s, i) || !ascii_alnum(s[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    // ';' and '|' part the cells of a pasted table ("Instagram;https://…").
    while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j])) && s[j] != '"' &&
           s[j] != '<' && s[j] != '>' && s[j] != ')' && s[j] != ';' && s[j] != '|' &&
           static_cast<unsigned char>(s[j]) < 0x80)
      ++j;
    while (j > i && std::string_view(".,;:!?'").find(s[j - 1]) != std::string_view::npos) --j;
    std::string_view cand = s.substr(i, j - i);
    std::string_view rest = cand;
    if (rest.starts_with("https://"))
      rest.remove_prefix(8);
    else if (rest.starts_with("http://"))
      rest.remove_prefix(7);
    auto slash = rest.find('/');
    std::string host(rest.substr(0, slash));
    for (auto& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    bool has_path = slash != std::string_view::npos && slash + 1 < rest.size();
    if (host.find('.') != std::string::npos && host.find('@') == std::string::npos &&
        (lexicon::is_profile_domain(host) ||
         ad_path(host, rest.substr(slash == std::string_view::npos ? rest.size() : slash))) &&
        has_path && !organisation_account(s, i, j))
      out.add(K::profile_link, i, j);
    i = j > i ? j : i + 1;
  }
}

bool iban_valid(const std::string& compact) {
  if (compact.size() < 15 || compact.size() > 34) return false;
  std::string r = compact.substr(4) + compact.substr(0, 4);
  int mod = 0;
  for (char c : r) {
    if (ascii_digit(c)) {
      mod = (mod * 10 + (c - '0')) % 97;
    } else if (ascii_upper(c)) {
      int v = c - 'A' + 10;
      mod = (mod * 100 + v) % 97;
    } else {
      return false;
    }
  }
  return mod == 1;
}

// The length of an IBAN in the countries the field meets most (0: another country).
std::size_t iban_length(std::string_view country) {
  static constexpr std::pair<std::string_view, std::size_t> kLengths[] = {
      {"FR", 27}, {"BE", 16}, {"DE", 22}, {"ES", 24}, {"IT", 27}, {"PT", 25}, {"RO", 24},
      {"BG", 22}, {"GB", 22}, {"NL", 18}, {"LU", 20}, {"CH", 21}, {"AL", 28}, {"LT", 20},
      {"PL", 28}, {"GR", 27}, {"AT", 20}, {"IE", 22}, {"HU", 28}, {"CZ", 24}, {"SK", 24},
      {"HR", 21}, {"RS", 22}, {"UA", 29}, {"MD", 24}, {"TR", 26}, {"TN", 24}, {"MC", 27}};
  for (const auto& [c, n] : kLengths)
    if (c == country) return n;
  return 0;
}

void find_ibans(std::string_view s, Collector& out) {
  for (std::size_t i = 0; i + 4 < s.size(); ++i) {
    if (!ascii_upper(s[i]) || !ascii_upper(s[i + 1]) || !ascii_digit(s[i + 2]) ||
        !ascii_digit(s[i + 3]) || !boundary_before(s, i))
      continue;
    std::string compact;
    std::size_t j = i, end = i;
    while (j < s.size()) {
      if (ascii_digit(s[j]) || ascii_upper(s[j])) {
        compact += s[j];
        end = ++j;
      } else if (s[j] == ' ' && j + 1 < s.size() &&
                 (ascii_digit(s[j + 1]) || ascii_upper(s[j + 1]))) {
        ++j;
      } else {
        break;
      }
      if (compact.size() >= 34) break;
    }
    // Try the longest valid prefix (text may continue with unrelated words); a number of its
    // country's exact length whose check digits fail is still someone's account, mistyped.
    const std::size_t expected = iban_length(compact.substr(0, 2));
    for (std::size_t n = compact.size(); n >= 15; --n) {
      if (iban_valid(compact.substr(0, n)) || (n == expected && !iban_valid(compact))) {
        std::size_t k = i, taken = 0;
        while (taken < n) {
          if (s[k] != ' ') ++taken;
          ++k;
        }
        out.add(K::iban, i, k);
        i = k;
        break;
      }
    }
    (void)end;
  }
}

// A decimal like 48.8566 or 48,8566 with at least four decimals; returns its end or npos.
std::size_t decimal_at(std::string_view s, std::size_t i, double& value) {
  std::size_t j = i;
  bool neg = false;
  if (j < s.size() && s[j] == '-') {
    neg = true;
    ++j;
  }
  std::size_t int_start = j;
  while (j < s.size() && ascii_digit(s[j])) ++j;
  if (j == int_start || j - int_start > 3 || j >= s.size() || (s[j] != '.' && s[j] != ',')) {
    return std::string_view::npos;
  }
  std::size_t dec_start = ++j;
  while (j < s.size() && ascii_digit(s[j])) ++j;
  if (j - dec_start < 4) return std::string_view::npos;
  std::string num(s.substr(int_start, j - int_start));
  for (auto& c : num)
    if (c == ',') c = '.';
  value = std::strtod(num.c_str(), nullptr) * (neg ? -1 : 1);
  return j;
}

void find_coordinates(std::string_view s, Collector& out) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!(ascii_digit(s[i]) || s[i] == '-') || !boundary_before(s, i)) continue;
    double lat = 0, lon = 0;
    std::size_t e1 = decimal_at(s, i, lat);
    if (e1 == std::string_view::npos) continue;
    std::size_t k = e1;
    if (k < s.size() && static_cast<unsigned char>(s[k]) == 0xC2) k += 2;  // "°"
    while (k < s.size() &&
           (s[k] == ' ' || s[k] == ',' || s[k] == ';' || s[k] == '/' || s[k] == 'N' || s[k] == 'S'))
      ++k;
    // "lat 45.7308 long 4.8265", "latitude …, longitude …", "N 48.85 E 2.35".
    for (std::string_view w : {"longitude", "long", "lng", "lon", "E", "W", "O"}) {
      if (s.substr(k, w.size()) == w && k + w.size() < s.size() &&
          (s[k + w.size()] == ' ' || s[k + w.size()] == ':')) {
        k += w.size();
        while (k < s.size() && (s[k] == ' ' || s[k] == ':')) ++k;
        break;
      }
    }
    std::size_t e2 = decimal_at(s, k, lon);
    if (e2 != std::string_view::npos && std::abs(lat) <= 90 && std::abs(lon) <= 180) {
      out.add(K::coordinates, i, e2);
      i = e2;
    }
  }
  // Degrees-minutes-seconds: 48°51'24"N
  for (std::size_t d = s.find("\xC2\xB0"); d != std::string_view::npos;
       d = s.find("\xC2\xB0", d + 2)) {
    std::size_t b = d;
    while (b > 0 && ascii_digit(s[b - 1])) --b;
    std::size_t e = d + 2;
    int parts = 0;
    while (e < s.size() && parts < 6) {
      if (ascii_digit(s[e]) || s[e] == '.' || s[e] == ',' || s[e] == '\'' || s[e] == '"' ||
          s[e] == ' ') {
        ++e;
      } else if (static_cast<unsigned char>(s[e]) == 0xE2) {  // ′ ″
        e += 3;
        ++parts;
      } else {
        break;
      }
    }
    while (e > d + 2 && s[e - 1] == ' ') --e;
    bool has_minutes = s.substr(d, e - d).find('\'') != std::string_view::npos ||
                       s.substr(d, e - d).find("\xE2\x80\xB2") != std::string_view::npos;
    if (b < d && has_minutes && e < s.size() &&
        std::string_view("NSEOW").find(s[e]) != std::string_view::npos)
      out.add(K::coordinates, b, e + 1);
    // The hemisphere written first: N 48°53'12" E 2°21'36".
    else if (b >= 2 && b < d && has_minutes && s[b - 1] == ' ' &&
             std::string_view("NSEOW").find(s[b - 2]) != std::string_view::npos &&
             boundary_before(s, b - 2))
      out.add(K::coordinates, b - 2, e);
  }
}

bool nir_key_valid(const std::string& d) {
  if (d.size() != 15) return false;
  long long body = std::stoll(d.substr(0, 13));
  int key = std::stoi(d.substr(13, 2));
  return 97 - static_cast<int>(body % 97) == key;
}

bool nir_structure(const std::string& d) {
  if (d.size() != 13 && d.size() != 15) return false;
  if (std::string_view("123478").find(d[0]) == std::string_view::npos) return false;
  int month = std::stoi(d.substr(3, 2));
  return (month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50;
}

bool preceded_by_nir_cue(std::string_view s, std::size_t i) {
  std::size_t from = i > 60 ? i - 60 : 0;
  auto before = lexicon::fold(s.substr(from, i - from));
  if (before.find("nir") != std::string::npos || before.find("secu") != std::string::npos ||
      before.find("insee") != std::string::npos || before.find("seguridad") != std::string::npos ||
      before.find("seguranca") != std::string::npos || before.find("vitale") != std::string::npos)
    return true;
  // "N° SS : 1 88 07 99 350 214 76": the abbreviation, as a word.
  for (auto at = before.find("ss"); at != std::string::npos; at = before.find("ss", at + 1))
    if ((at == 0 || !std::isalpha(static_cast<unsigned char>(before[at - 1]))) &&
        (at + 2 == before.size() || !std::isalpha(static_cast<unsigned char>(before[at + 2]))))
      return true;
  return false;
}

// Service lines, not a person's: free (080x), shared-cost and premium-rate (081x, 082x,
// 089x) numbers are lines of services and organisations, which no person has at home.
bool service_line(const std::string& digits) {
  return digits.starts_with("080") || digits.starts_with("081") || digits.starts_with("082") ||
         digits.starts_with("089");
}

// "Standard de la préfecture de police : 01 53 71 53 71": a number the clause before calls a
// switchboard (standard, accueil téléphonique) is an organisation's line. Only that word: an
// organisation's name alone ("l'association : 06…") may introduce a worker's mobile.
bool switchboard_before(std::string_view s, std::size_t i) {
  std::size_t from = i > 60 ? i - 60 : 0;
  auto before = lexicon::fold(s.substr(from, i - from));
  const auto stop = before.find_last_of(".;\n");
  if (stop != std::string::npos) before.erase(0, stop + 1);
  return before.find("standard") != std::string::npos ||
         before.find("switchboard") != std::string::npos ||
         before.find("permanence telephonique") != std::string::npos;
}

// "01 39 50 12 00 (standard)", "04 91 00 00 00, accueil": the label after the number.
bool switchboard_after(std::string_view s, std::size_t end) {
  auto after = lexicon::fold(s.substr(end, std::min<std::size_t>(24, s.size() - end)));
  const auto stop = after.find_first_of(".;\n");
  if (stop != std::string::npos) after.erase(stop);
  return after.find("standard") != std::string::npos ||
         after.find("switchboard") != std::string::npos ||
         after.find("accueil") != std::string::npos ||
         after.find("secretariat") != std::string::npos;
}

// A NIR's first group is its sex digit (or all 13 or 15 digits): a run whose first group of 4
// or 5 digits is joined by a hyphen is a file number or a foreign card ("2024-075-003812",
// "35202-4817392-5").
bool hyphen_long_group(std::string_view run) {
  std::size_t len = 0;
  while (len < run.size() && ascii_digit(run[len])) ++len;
  return (len == 4 || len == 5) && len < run.size() && run[len] == '-';
}

// Runs of digits with single separators: phones and NIRs.
void find_number_runs(std::string_view s, Collector& out) {
  std::size_t i = 0;
  while (i < s.size()) {
    bool plus = s[i] == '+' && i + 1 < s.size() && ascii_digit(s[i + 1]);
    if (!(plus || ascii_digit(s[i])) || !boundary_before(s, i)) {
      ++i;
      continue;
    }
    std::size_t j = plus ? i + 1 : i;
    std::string digits;
    std::size_t end = j;
    while (j < s.size()) {
      if (ascii_digit(s[j])) {
        digits += s[j];
        end = ++j;
        continue;
      }
      std::size_t sep = 0;
      if (s[j] == ' ' || s[j] == '.' || s[j] == '-')
        sep = 1;
      else if (static_cast<unsigned char>(s[j]) == 0xC2 && j + 1 < s.size() &&
               static_cast<unsigned char>(s[j + 1]) == 0xA0)
        sep = 2;
      if (sep && j + sep < s.size() && ascii_digit(s[j + sep])) {
        j += sep;
        continue;
      }
      if (s.substr(j, 3) == "(0)" || s.substr(j, 4) == " (0)") {
        j += s[j] == ' ' ? 4 : 3;
        digits += '0';
        end = j;
        while (j < s.size() && s[j] == ' ') ++j;
        continue;
      }
      break;
    }
    const std::size_t n = digits.size();
    bool followed_by_letter = end < s.size() && std::isalpha(static_cast<unsigned char>(s[end]));
    if (!followed_by_letter) {
      if (plus && n >= 8 && n <= 15) {
        out.add(K::phone, i, end);
      } else if (!plus && digits.starts_with("00") && n >= 11 && n <= 15) {
        out.add(K::phone, i, end);
      } else if (!plus && digits[0] == '0' && (n == 10 || n == 11) && !service_line(digits) &&
                 !switchboard_before(s, i) && !switchboard_after(s, end)) {
        out.add(K::phone, i, end);
      } else if (!plus && nir_structure(digits) &&
                 // "2024-075-003812": a file number opens with a year and a hyphen; a NIR
                 // never has a 4-digit group joined by hyphens.
                 !hyphen_long_group(s.substr(i, end - i)) &&
                 (nir_key_valid(digits) || n == 13 || preceded_by_nir_cue(s, i)) &&
                 // "SIRET 842 559 013 00020": a firm's number.
                 lexicon::fold(s.substr(i > 12 ? i - 12 : 0, i > 12 ? 12 : i)).find("sir") ==
                     std::string::npos &&
                 // "CNP 2970214226741": Romania's personal number, read with the card's cue.
                 lexicon::fold(s.substr(i > 6 ? i - 6 : 0, i > 6 ? 6 : i)).find("cnp") ==
                     std::string::npos) {
        out.add(K::social_security_number, i, end);
      }
    }
    i = end > i ? end : i + 1;
  }
}

// ---- token-level detectors -------------------------------------------------------------

class TokenScan {
 public:
  TokenScan(std::string_view s, const std::vector<Token>& t, Collector& out)
      : s_(s), t_(t), out_(out) {
    // A text written mostly in capitals (police minutes): there, a word in ordinary case
    // after a word in capitals is the first name of "NOM Prénom", listed or not.
    std::size_t words = 0, caps = 0;
    for (const auto& k : t_)
      if (k.word && k.has_letter && k.text.size() >= 2) {
        ++words;
        caps += k.all_caps;
      }
    caps_text_ = words >= 8 && caps * 10 >= words * 6;
    {
      static const std::unordered_set<std::string_view> en{
          "the",  "and",    "is",   "are", "of",  "to",   "for", "with",
          "you",  "your",   "we",   "she", "he",  "her",  "his", "this",
          "that", "please", "have", "has", "was", "were", "if",  "can"};
      static const std::unordered_set<std::string_view> fr{
          "le",   "la",   "les", "de",  "des", "et",   "est", "une", "un", "pour",
          "avec", "dans", "qui", "que", "il",  "elle", "sur", "au",  "du", "pas"};
      std::size_t e = 0, f = 0;
      for (const auto& k : t_)
        if (k.word) e += en.contains(k.folded), f += fr.contains(k.folded);
      english_text_ = e >= 6 && e > 2 * f;
    }
    person_tok_.assign(t_.size(), false);
    lcn_.assign(t_.size(), -1);
  }

  void run() {
    for (std::size_t i = 0; i < t_.size(); ++i) {
      titles(i);
      name_cues(i);
      relation_cues(i);
      first_names(i);
      lower_case_names(i);
      sentence_subjects(i);
      possessions(i);
      person_context_names(i);
      capitalised_sequences(i);
      street_addresses(i);
      postcodes(i);
      buildings(i);
      birth_dates(i);
      documents(i);
      plates(i);
      social_cues(i);
      address_forms(i);
      quoted_nickname(i);
      caps_first_name(i);
    }
    list_of_persons();
    aliases();
    bracketed_names();
    if (caps_text_) police_style_names();
    public_offices();
    places();
    form_labels();
    demonyms();
  }

  // "Mr S., Sénégalais, 41 ans", "Jeune Comorienne, 17 ans", "Afghan (Hazara)": a nationality
  // or a people written as a noun, with its capital, is no one's name.
  void demonyms() {
    for (const auto& [b, e] : out_.spans(K::person_name)) {
      bool all = false;
      for (const auto& k : t_) {
        if (k.start < b || k.end > e || !k.word) continue;
        all = lexicon::is_demonym(k.folded);
        if (!all) break;
      }
      if (all) out_.drop_exact(K::person_name, b, e);
    }
    // "Señora del Mar": a particle alone, in lower case, is nobody's name.
    for (const auto& k : t_)
      if (k.word && !k.capitalised && lexicon::is_name_particle(k.folded))
        out_.drop_exact(K::person_name, k.start, k.end);
    // "Li pale selman kreyòl", "Li ale lendi": Haitian Creole's pronoun opening a sentence, not
    // the surname Li (which comes with a first name: "Li Mei", "Mme Li").
    for (std::size_t k = 0; k + 1 < t_.size(); ++k)
      if (t_[k].text == "Li" && t_[k].sentence_start && t_[k + 1].word && !t_[k + 1].capitalised)
        out_.drop_exact(K::person_name, t_[k].start, t_[k].end);
    // "urgences St-Pierre", "CHU Ste-Marguerite": a saint's name, hyphenated, names a hospital,
    // a church or a place, not a person.
    for (const auto& [b, e] : out_.spans(K::person_name)) {
      const auto f = lexicon::fold(s_.substr(b, std::min<std::size_t>(e - b, 7)));
      if (f.starts_with("st-") || f.starts_with("ste-") || f.starts_with("saint-") ||
          f.starts_with("sainte-"))
        out_.drop_exact(K::person_name, b, e);
    }
  }

  // "Suites : information sur les droits", "Observations : …": a form's label, a common word
  // at the start of a line before a colon, is no name (a list item, "- Victoire : RDV mardi",
  // may be one).
  void form_labels() {
    for (std::size_t i = 0; i + 1 < t_.size(); ++i) {
      if (!t_[i].word || !punct(i + 1, ":") || !common_word(i)) continue;
      std::size_t b = t_[i].start;
      while (b > 0 && (s_[b - 1] == ' ' || s_[b - 1] == '\t')) --b;
      if (b > 0 && s_[b - 1] != '\n') continue;
      out_.drop_exact(K::person_name, t_[i].start, t_[i].end);
    }
  }

  // "secteur de Saül", "house in Bani Walid", "din zona Bacău", "Aubervilliers-La Courneuve":
  // a name found that is a place (lexicon::is_place) is no person, unless a title, a name cue
  // or a relation word stands right before it. When a word of it is also a listed name
  // ("Sofia", "Milan", "Keita"), only a word that leads to a place decides: "à Sofia", "Milan
  // puis Paris".
  void places() {
    for (const auto& [b, e] : out_.spans(K::person_name)) {
      std::size_t first = t_.size(), last = t_.size();
      for (std::size_t k = 0; k < t_.size(); ++k) {
        if (t_[k].start == b) first = k;
        if (t_[k].end == e) last = k;
      }
      if (first >= t_.size() || last >= t_.size() || last < first) continue;
      if (!place_name(b, e)) continue;
      if (first > 0) {
        std::size_t p = first - 1;
        // "Le mari, Murat", 'dit "Beni"'
        if ((punct(p, ".") || punct(p, ",") || punct(p, "'") || punct(p, "\"") ||
             punct(p, "\xC2\xAB") || punct(p, "\xE2\x80\x9C")) &&
            p > 0)
          --p;
        if (t_[p].word && (lexicon::is_title(t_[p].folded) || lexicon::is_name_cue(t_[p].folded) ||
                           lexicon::is_relation_cue(t_[p].folded) || t_[p].folded == "chu"))
          continue;
      }
      // A word that leads to a place decides ("din zona Bacău, arrivé avec un oncle").
      if (!leads_to_place(first) && !another_place_follows(last)) {
        // Otherwise what follows or precedes a person keeps it: "Murat, lui a pris", "avec
        // Kola", "- Ange : …"; and so does a single word that is a listed name ("Sofia").
        if (person_follows(last + 1) || person_precedes(first) || with_or_for(first) ||
            role_before(first) || (t_[first].sentence_start && punct(last + 1, ":")))
          continue;
        if (first == last && lexicon::is_listed_name(t_[first].folded)) continue;
      }
      out_.drop(K::person_name, b, e);
    }
  }
  bool place_name(std::size_t b, std::size_t e) const {
    std::string f;
    for (char c : lexicon::fold(s_.substr(b, e - b)))
      if (!(c == ' ' && !f.empty() && f.back() == ' ')) f += c == '\n' || c == '\t' ? ' ' : c;
    if (lexicon::is_place(f)) return true;
    // "Aubervilliers-La Courneuve", "Cergy-Pontoise": places joined by a hyphen.
    if (f.find('-') == std::string::npos) return false;
    std::size_t pb = 0;
    while (true) {
      const auto pe = f.find('-', pb);
      const auto part =
          std::string_view(f).substr(pb, pe == std::string::npos ? f.size() - pb : pe - pb);
      if (!lexicon::is_place(part)) return false;
      if (pe == std::string::npos) return true;
      pb = pe + 1;
    }
  }
  bool leads_to_place(std::size_t first) const {
    if (first == 0 || !t_[first - 1].word) return false;
    // "secteur de Saül", "environs de Sofia", and every move: "parti de X".
    if (place_before(first)) return true;
    if ((is(first - 1, "de") || is(first - 1, "d") || is(first - 1, "du")) && first >= 2) {
      std::size_t n = first - 2;
      if (punct(n, "'") && n > 0) --n;
      static const char* kAreas[] = {
          "secteur", "region",   "ville",  "commune",  "quartier",  "zone",  "province", "environs",
          "sortie",  "banlieue", "centre", "pres",     "alentours", "route", "village",  "district",
          "oblast",  "judet",    "wilaya", "aeroport", "gare",      "port",  "camp",     "region"};
      for (const char* a : kAreas)
        if (t_[n].word && t_[n].folded == a) return true;
    }
    static const char* kTo[] = {"a",   "au",   "aux",     "en",     "vers",  "depuis",
                                "in",  "from", "to",      "near",   "at",    "zona",
                                "din", "pres", "secteur", "region", "ville", "quartier",
                                "via", "puis", "entre",   "sur",    "cote"};
    for (const char* w : kTo)
      if (t_[first - 1].folded == w) return true;
    return false;
  }
  bool another_place_follows(std::size_t last) const {
    std::size_t k = last + 1;
    if (!(punct(k, ",") || is(k, "puis") || is(k, "et") || is(k, "then") || is(k, "and")))
      return false;
    ++k;
    return k < t_.size() && t_[k].word && t_[k].capitalised && lexicon::is_place(t_[k].folded);
  }

  // "la Défenseure des droits, Claire Hédon", "le ministre de l'Intérieur Gérald Darmanin",
  // "Mme X, députée du Nord": a person named in a public office acts in that office; the
  // name is public, not a victim's. The office word is close before the name, in the same
  // sentence, or right after it, behind a comma.
  void public_offices() {
    for (std::size_t i = 0; i < t_.size(); ++i) {
      if (!t_[i].word || !public_office(i)) continue;
      for (std::size_t k = i + 1; k < t_.size() && k <= i + 7; ++k) {
        if (!t_[k].word) {
          if (t_[k].text == "." || t_[k].text == ";" || t_[k].text == "!" || t_[k].text == "?" ||
              t_[k].text == "(")
            break;
          continue;
        }
        // "Monsieur le Préfet,\nMme Chioma Nwosu…": a new line, or a title, names someone else.
        if (s_.substr(t_[k - 1].end, t_[k].start - t_[k - 1].end).find('\n') !=
                std::string_view::npos ||
            lexicon::is_title(t_[k].folded))
          break;
        if (t_[k].capitalised && out_.covered(t_[k].start, t_[k].end)) {
          out_.drop(K::person_name, t_[k].start, t_[k].end);
          break;
        }
        // Only the office's own words come between: "le procureur de Bobigny a entendu
        // Aminata" names a victim.
        if (!t_[k].capitalised && !office_word(t_[k].folded)) break;
      }
      // After the name: "Aurore Bergé, ministre chargée de l'Égalité".
      if (i >= 2 && punct(i - 1, ",") && t_[i - 2].word && t_[i - 2].capitalised)
        out_.drop(K::person_name, t_[i - 2].start, t_[i - 2].end);
    }
  }
  static bool office_word(std::string_view f) {
    static const char* kWords[] = {"de",          "du",
                                   "des",         "la",
                                   "le",          "l",
                                   "d",           "et",
                                   "droits",      "chargee",
                                   "charge",      "deleguee",
                                   "delegue",     "generale",
                                   "general",     "speciale",
                                   "special",     "aupres",
                                   "interieur",   "justice",
                                   "travail",     "egalite",
                                   "etat",        "republique",
                                   "nationale",   "territoriale",
                                   "territorial", "actuelle",
                                   "actuel",      "ancienne",
                                   "ancien",      "francaise",
                                   "francais",    "europeenne",
                                   "europeen",    "onu",
                                   "nations",     "unies",
                                   "gardes",      "garde",
                                   "sceaux",      "affaires",
                                   "etrangeres",  "solidarites",
                                   "sante",       "familles",
                                   "enfance",     "femmes",
                                   "hommes",      "entre",
                                   "lutte",       "contre",
                                   "traite",      "etres",
                                   "humains",     "a",
                                   "en",          "fonction",
                                   "madame",      "monsieur"};
    for (const char* w : kWords)
      if (f == w) return true;
    return false;
  }
  bool public_office(std::size_t i) const {
    static const char* kOffices[] = {
        "ministre",   "ministres",   "defenseure",   "defenseur",   "deputee",    "depute",
        "senatrice",  "senateur",    "prefet",       "prefete",     "maire",      "rapporteuse",
        "rapporteur", "commissaire", "ambassadrice", "ambassadeur", "procureure", "procureur",
        "secretaire", "presidente",  "president",    "sceaux",      "sg"};
    const auto& f = t_[i].folded;
    bool office = false;
    for (const char* w : kOffices) office |= f == w;
    if (!office) return false;
    // "secrétaire d'État", "présidente de la République": those two only with their office;
    // a shelter's secretary or an association's president is a private person.
    if (f == "secretaire")  // "secrétaire d'État", "secrétaire générale de la MIPROF"
      return (is(i + 1, "d") && i + 3 < t_.size() && t_[i + 3].folded == "etat") ||
             is(i + 1, "generale") || is(i + 1, "general");
    if (f == "presidente" || f == "president") {
      for (std::size_t k = i + 1; k < t_.size() && k <= i + 4; ++k)
        if (is(k, "republique")) return true;
      return false;
    }
    if (f == "commissaire") {  // "commissaire européenne", not the police's commissaire
      for (std::size_t k = i + 1; k < t_.size() && k <= i + 2; ++k)
        if (t_[k].folded.starts_with("europeen") || is(k, "haut") || is(k, "nations")) return true;
      return i > 0 && is(i - 1, "haut-commissaire");
    }
    return true;
  }

  // Forms of address written in lower case before a name: Vietnamese "chú Long", "anh Tuấn",
  // "chị Lan", "bà Hoa"; "tonton Moussa", "tata Awa"; Spanish and Portuguese "tío Rafa".
  void address_forms(std::size_t i) {
    const auto& t = t_[i];
    // "Chị Hằng ơi": the Vietnamese forms open a message capitalised too.
    const bool vietnamese = t.text.starts_with("Ch\xE1\xBB\x8B") ||
                            t.text.starts_with("Ch\xC3\xBA") || t.text.starts_with("C\xC3\xB4") ||
                            t.text.starts_with("B\xC3\xA0") || t.text.starts_with("\xC3\x94ng");
    if (!t.word || (t.capitalised && !vietnamese)) return;
    if (vietnamese && name_word(i + 1) && t_[i + 1].start - t.end == 1) {
      add_name(i + 1, i + 1);
      return;
    }
    static constexpr std::string_view kForms[] = {
        "ch\xC3\xBA", "anh",        "ch\xE1\xBB\x8B", "c\xC3\xB4",
        "b\xC3\xA0",  "\xC3\xB4ng", "b\xC3\xA1\x63",  "tonton",
        "tata",       "tantie",     "tanti",          "mamie",
        "papy",       "papi",       "t\xC3\xADo",     "t\xC3\xAD\x61",
        "tio",        "tia",        "dona",           "don",
        "seu",        "hadj",       "hajj",           "hadja",
        "el-hag",     "el-hadj",    "al-hajj"};
    bool form = false;
    for (auto f : kForms) form |= t.text == f || t.folded == f;  // "el-Hag"
    if (!form || !name_word(i + 1) || single_initial(i + 1) || t_[i + 1].all_caps ||
        t_[i + 1].start - t.end != 1)
      return;
    add_name(i + 1, extend_name(i + 1));
  }

  // A nickname in quotes, with its article or after "un certain": « la Mona », "Zizou". Only a
  // word of the name lists, and no role ("Chief", "Madam", "Boss" are what the writer calls
  // someone, not a name).
  void quoted_nickname(std::size_t i) {
    auto opening = [&](std::size_t k) {
      return punct(k, "\"") || punct(k, "\xC2\xAB") || punct(k, "\xE2\x80\x9C") ||
             (punct(k, "'") && (k == 0 || t_[k].start > t_[k - 1].end));  // 'Jhonny', not l'X
    };
    auto closing = [&](std::size_t k) {
      return punct(k, "\"") || punct(k, "\xC2\xBB") || punct(k, "\xE2\x80\x9D") || punct(k, "'");
    };
    if (!opening(i)) return;
    std::size_t k = i + 1;
    const bool article = is(k, "la") || is(k, "le") || is(k, "el");
    if (article) ++k;
    const bool certain = i > 0 && (is(i - 1, "certain") || is(i - 1, "certaine"));
    // "the man who manages her ads, 'Jhonny', near…": a listed name quoted alone.
    const bool alone = i > 0 && (punct(i - 1, ",") || is(i - 1, "par") || is(i - 1, "by") ||
                                 is(i - 1, "called") || is(i - 1, "named"));
    if (!(article || certain || alone) || !name_word(k) || single_initial(k) || t_[k].all_caps ||
        !closing(k + 1))
      return;
    // Not listed: a relation word a few words before the comma ("un passeur érythréen,
    // « Kidane »", "le chef d'équipe ukrainien, « Sergueï »").
    bool role = false;
    for (std::size_t back = 2; back <= 5 && back <= i; ++back)
      role |= t_[i - back].word && lexicon::is_relation_cue(t_[i - back].folded);
    if (alone && !article && !certain &&
        (!(lexicon::is_listed_name(t_[k].folded) || (role && punct(i - 1, ","))) ||
         lexicon::is_french_word(t_[k].folded)))
      return;
    const auto& f = t_[k].folded;
    if (lexicon::is_relation_cue(f) || entity_word(f)) return;
    static const char* kRoles[] = {"chief", "madam", "madame", "mama",   "mami",  "papa",
                                   "oga",   "boss",  "sister", "auntie", "aunty", "uncle",
                                   "baba",  "jefe",  "patrao", "dono",   "capo",  "tonton",
                                   "tata",  "grand", "vieux",  "doc",    "prof",  "chef"};
    for (const char* r : kRoles)
      if (f == r) return;
    // "« el Flaco »", "« la Negra »": a nickname in another language than French.
    if (!lexicon::is_listed_name(f) &&
        !((certain || article || (alone && role)) && !lexicon::is_french_word(f)))
      return;
    add_name(k, k);
  }

  // A listed first name in capitals in a text in ordinary case, after a word that introduces
  // a person: "passeports confisqués par HICHAM", "vit chez KARIM". Elsewhere a word in
  // capitals is an acronym more often than a name.
  void caps_first_name(std::size_t i) {
    const auto& t = t_[i];
    if (caps_text_ || !t.word || !t.all_caps || t.text.size() < 4 || t.has_digit) return;
    if (i == 0 || !t_[i - 1].word || t_[i - 1].capitalised) return;
    const auto& p = t_[i - 1].folded;
    if (p != "par" && p != "avec" && p != "chez" && p != "selon" && p != "contre") return;
    if (i + 1 < t_.size() && t_[i + 1].word && t_[i + 1].all_caps) return;  // "par CB VISA"
    const auto& f = t.folded;
    if (lexicon::is_not_a_name(f) || lexicon::is_french_word(f) || entity_word(f)) return;
    if (!lexicon::is_first_name(f) && !lexicon::is_extracted_first_name(f)) return;
    add_name(i, i);
  }

  // A text written mostly in capitals (police minutes): a word in capitals followed by one in
  // ordinary case is "NOM Prénom", listed or not: "CONDUIT PAR IYAMU Osasu", "LE MIS EN
  // CAUSE OSAYANDE Ekhator A ETE PLACE". The name ends with its words in ordinary case.
  void police_style_names() {
    for (std::size_t i = 0; i + 1 < t_.size(); ++i) {
      if (!name_word(i) || !t_[i].all_caps || t_[i].text.size() < 3) continue;
      if (entity_word(t_[i].folded) || entity_context(i)) continue;
      // "UN TELEPHONE SAMSUNG Galaxy", "VEHICULE RENAULT Clio": a brand and its model.
      bool product = false;
      for (std::size_t back = 1; back <= 2 && back <= i; ++back) {
        static const char* kThings[] = {"vehicule",   "voiture", "camion",     "camionnette",
                                        "scooter",    "moto",    "telephone",  "portable",
                                        "marque",     "modele",  "ordinateur", "tablette",
                                        "smartphone", "fourgon", "utilitaire", "berline"};
        for (const char* w : kThings) product |= t_[i - back].folded == w;
      }
      if (product) continue;
      const std::size_t k = i + 1;
      if (!name_word(k) || t_[k].all_caps || t_[k].text.size() < 3 || t_[k].start - t_[i].end > 1 ||
          sentence_word(t_[k].folded))
        continue;
      std::size_t last = k;
      while (last + 1 < t_.size() && name_word(last + 1) && !t_[last + 1].all_caps &&
             t_[last + 1].text.size() >= 2 && t_[last + 1].start - t_[last].end == 1)
        ++last;
      add_name(i, last);
      i = last;
    }
  }

 private:
  // A list whose items open with a person: "- Victoire : RDV CMP mardi / - Ange : pas de
  // nouvelles / - Peace : titre remis / - Mme B. : sortie". When at least half of the items
  // open with a person found (or a title), the other items that open with one capitalised
  // word and a colon are persons too; a list of topics ("- Logement :", "- Santé :") has
  // no such majority.
  void list_of_persons() {
    std::vector<std::size_t> heads;  // npos: an item that opens with a person
    std::size_t persons = 0, previous = std::string::npos;
    auto close = [&] {
      if (heads.size() >= 2 && persons * 2 >= heads.size())
        for (std::size_t h : heads)
          if (h != std::string::npos && name_word(h) && !t_[h].all_caps && t_[h].text.size() >= 3 &&
              !sentence_word(t_[h].folded) && !entity_word(t_[h].folded))
            add_name(h, h);
      heads.clear();
      persons = 0;
    };
    for (std::size_t i = 0; i + 1 < t_.size(); ++i) {
      if (t_[i].word || !(t_[i].text == "-" || t_[i].text == "*" || t_[i].text == "\xE2\x80\xA2"))
        continue;
      std::size_t b = t_[i].start;
      while (b > 0 && (s_[b - 1] == ' ' || s_[b - 1] == '\t')) --b;
      if (b > 0 && s_[b - 1] != '\n') continue;
      // One list is a run of items on consecutive lines.
      if (previous != std::string::npos &&
          std::count(s_.begin() + previous, s_.begin() + b, '\n') > 1)
        close();
      previous = b;
      const std::size_t h = i + 1;
      if (!t_[h].word) continue;
      if ((lexicon::is_title(t_[h].folded) && t_[h].capitalised) ||
          (punct(h + 1, ":") && person_tok_[h])) {
        ++persons;
        heads.push_back(std::string::npos);
        continue;
      }
      if (punct(h + 1, ":")) heads.push_back(h);
    }
    close();
  }

  // The other names a person goes by, read around a name found: "Kheira Benali (ou Khaïra)",
  // "Fotso Jean-Paul, ou Kamga", 'Bakary ou "Baks"', 'Maria Aparecida dos Santos, "Cida", 37
  // ans', "Mitko (Dimitar) Petrov", "Mhamed (=Mohamed) BENJELLOUN", 'Meron (appelée "Mimi")';
  // and the same word again ('"Hadj" Bouzid, en fait Bouzid Rachid').
  void aliases() {
    const auto spans = out_.spans(K::person_name);
    std::vector<bool> in_name(t_.size(), false);
    std::unordered_set<std::string> words;
    for (const auto& [b, e] : spans)
      for (std::size_t k = 0; k < t_.size(); ++k)
        if (t_[k].start >= b && t_[k].end <= e && t_[k].word) {
          in_name[k] = true;
          if (t_[k].folded.size() >= 3 && !lexicon::is_name_particle(t_[k].folded))
            words.insert(t_[k].folded);
        }
    auto alias_word = [&](std::size_t k) {
      return name_word(k) && !t_[k].all_caps && !lexicon::is_demonym(t_[k].folded) &&
             (lexicon::is_listed_name(t_[k].folded) ||
              (!lexicon::is_french_word(t_[k].folded) && !lexicon::is_place(t_[k].folded)));
    };
    auto quote = [&](std::size_t k) { return quote_mark(k); };
    auto alias_cue = [&](std::size_t k) {
      if (punct(k, "=")) return true;
      if (k >= t_.size() || !t_[k].word || t_[k].capitalised) return false;
      static const std::unordered_set<std::string_view> cues{
          "ou",  "or",      "ecrit",  "ecrite",    "aussi",    "dit", "dite", "alias",
          "aka", "appelee", "appele", "surnommee", "surnomme", "nee", "ne"};
      return cues.contains(t_[k].folded);
    };
    for (std::size_t i = 0; i < t_.size(); ++i) {
      if (!in_name[i]) continue;
      const bool opens = i == 0 || !in_name[i - 1];
      const bool closes = i + 1 >= t_.size() || !in_name[i + 1];
      if (closes) {
        std::size_t k = i + 1;
        const bool comma = punct(k, ",");
        if (comma) ++k;
        const bool bracket = punct(k, "(");
        if (bracket) ++k;
        std::size_t cues = 0;
        while (cues < 2 && alias_cue(k)) ++k, ++cues;
        const bool quoted = quote(k);
        if (quoted) ++k;
        // In quotes a nickname may be a common word: 'Rowena "Baby" De los Santos'.
        const auto nickname = [&](std::size_t w) {
          return quoted ? name_word(w) && !t_[w].all_caps && !lexicon::is_demonym(t_[w].folded)
                        : alias_word(w);
        };
        if (k < t_.size() && !in_name[k] && nickname(k)) {
          std::size_t last = k;
          if (nickname(k + 1) && t_[k + 1].start - t_[k].end <= 1) ++last;
          const std::size_t after = last + 1;
          const bool ends = quoted    ? quote(after)
                            : bracket ? (punct(after, ")") || punct(after, ","))
                                      : true;
          // Outside brackets and quotes, only "ou" makes a second name of the word.
          const bool said = bracket || quoted || (cues > 0 && (is(k - 1, "ou") || is(k - 1, "or")));
          if (ends && said) out_.add(K::person_name, t_[k].start, t_[last].end);
        }
      }
      if (opens && i >= 2) {
        // "Mitko (Dimitar)", "Mhamed (=Mohamed", 'Meron (appelée "Mimi"'.
        std::size_t k = i - 1;
        if (quote(k) && k > 0) --k;
        std::size_t cues = 0;
        while (cues < 2 && k > 0 && alias_cue(k)) --k, ++cues;
        if (punct(k, "(") && k > 0 && !in_name[k - 1] && alias_word(k - 1))
          out_.add(K::person_name, t_[k - 1].start, t_[k - 1].end);
      }
    }
    // The same word again, capitalised: the same person.
    for (std::size_t k = 0; k < t_.size(); ++k)
      if (!in_name[k] && t_[k].word && t_[k].capitalised && words.contains(t_[k].folded) &&
          name_word(k) && !common_word(k))
        out_.add(K::person_name, t_[k].start, t_[k].end);
  }

  // Names in brackets or quotes that a relation or a nickname cue introduces, in any case, as
  // hasty notes write them: "son mec (florin) la surveille", "la mama du salon (mama rose)",
  // "un homme (dit 'papa dollar')", "le chauffeur, alias « el gordo »".
  void bracketed_names() {
    auto quote = [&](std::size_t k) { return punct(k, "'") || quote_mark(k); };
    for (std::size_t i = 0; i + 3 < t_.size(); ++i) {
      if (!t_[i].word) continue;
      const auto& f = t_[i].folded;
      if (lexicon::is_relation_cue(f) && punct(i + 1, "(")) {
        std::size_t k = i + 2;
        while (k < t_.size() && t_[k].word &&
               (lexicon::is_relation_cue(t_[k].folded) || lexicon::is_title(t_[k].folded)))
          ++k;
        std::size_t last = k;
        // "Le proprio (Zerrouki)": capitalised, any word that is no common word nor a place.
        while (last < t_.size() && last < k + 2 && t_[last].word && t_[last].has_letter &&
               !t_[last].has_digit &&
               (lexicon::is_listed_name(t_[last].folded) || lowercase_name(last) ||
                (name_word(last) && !t_[last].all_caps &&
                 (!common_word(last) || (last > k && t_[last - 1].capitalised) ||
                  (name_word(last + 1) && !t_[last + 1].all_caps)) &&
                 !lexicon::is_place(t_[last].folded) && !lexicon::is_demonym(t_[last].folded))))
          ++last;
        if (last > k && punct(last, ")")) out_.add(K::person_name, t_[k].start, t_[last - 1].end);
        continue;
      }
      // A nickname cue; "dit" only after a bracket or a comma ("elle dit 'je pars'" reports
      // speech).
      const bool cue =
          f == "alias" || f == "surnomme" || f == "surnommee" || f == "aka" ||
          ((f == "dit" || f == "dite") && i > 0 && (punct(i - 1, "(") || punct(i - 1, ",")));
      // '(dite "loi Olivier")', 'dit « réseau des Balkans »': a nickname of a thing.
      if (!cue || !quote(i + 1) || (i + 2 < t_.size() && entity_word(t_[i + 2].folded))) continue;
      std::size_t last = i + 2;
      while (last < t_.size() && last < i + 5 && t_[last].word && t_[last].has_letter) ++last;
      if (last > i + 2 && quote(last)) out_.add(K::person_name, t_[i + 2].start, t_[last - 1].end);
    }
  }

  // lexicon::is_lowercase_name of token k, computed once per token.
  bool lowercase_name(std::size_t k) {
    if (k >= t_.size() || !t_[k].word) return false;
    if (lcn_[k] < 0) lcn_[k] = lexicon::is_lowercase_name(t_[k].folded) ? 1 : 0;
    return lcn_[k] == 1;
  }

  bool is(std::size_t i, std::string_view folded) const {
    return i < t_.size() && t_[i].folded == folded;
  }
  bool punct(std::size_t i, std::string_view p) const {
    return i < t_.size() && !t_[i].word && t_[i].text == p;
  }
  // A double quotation mark of any kind: " « » “ ”.
  bool quote_mark(std::size_t i) const {
    return punct(i, "\"") || punct(i, "\xC2\xAB") || punct(i, "\xC2\xBB") ||
           punct(i, "\xE2\x80\x9C") || punct(i, "\xE2\x80\x9D");
  }
  // A capitalised word that may be part of a person's name.
  bool name_word(std::size_t i) const {
    if (i >= t_.size() || !t_[i].word || !t_[i].has_letter || t_[i].has_digit) return false;
    if (!t_[i].capitalised) return false;
    if (lexicon::is_not_a_name(t_[i].folded) || lexicon::is_month(t_[i].folded)) return false;
    if (lexicon::is_title(t_[i].folded) || lexicon::is_determiner(t_[i].folded)) return false;
    // "Ac.Sé": the end of an abbreviation, joined to it by its dot.
    if (i >= 2 && punct(i - 1, ".") && t_[i - 1].start == t_[i - 2].end &&
        t_[i].start == t_[i - 1].end && t_[i - 2].word)
      return false;
    return true;
  }
  // Extends a name from token i over further name words, particles and caps surnames.
  std::size_t extend_name(std::size_t i) const {
    std::size_t last = i;
    std::size_t k = i + 1;
    while (k < t_.size()) {
      // Within one line and one cell: "Nume/Nom : POPESCU\nPrenume" is two lines.
      const auto gap = s_.substr(t_[k - 1].end, t_[k].start - t_[k - 1].end);
      if (gap.find_first_of("\n\t") != std::string_view::npos) break;
      if (name_word(k) && t_[k].start - t_[k - 1].end <= 3) {
        last = k++;
        continue;
      }
      if (t_[k].word && lexicon::is_name_particle(t_[k].folded) && !t_[k].capitalised &&
          name_word(k + 1)) {
        last = k + 1;
        k += 2;
        continue;
      }
      break;
    }
    return last;
  }
  void add_name(std::size_t first, std::size_t last) {
    out_.add(K::person_name, t_[first].start, t_[last].end);
    person_tok_[first] = true;
    // "Mme Zhang (Xiaomei)": a name in brackets right after a name is one too.
    if (punct(last + 1, "(") && name_word(last + 2) && punct(last + 3, ")"))
      out_.add(K::person_name, t_[last + 2].start, t_[last + 2].end);
    // "Kumar Ravi (23/09/1995)": a full date in brackets after a name is the person's birth.
    if (punct(last + 1, "(")) {
      if (const auto e = date_at(last + 2); e != std::string::npos && punct(e + 1, ")"))
        out_.add(K::date_of_birth, t_[last + 2].start, t_[e].end);
    }
    // "Desi (Desislava sur ses papiers)": a listed name opening the brackets.
    else if (punct(last + 1, "(") && name_word(last + 2) && !t_[last + 2].all_caps &&
             lexicon::is_listed_name(t_[last + 2].folded))
      out_.add(K::person_name, t_[last + 2].start, t_[last + 2].end);
  }
  // "parti de X", "recrutée à X", "originaire de X", "passé par X": the words after a move
  // name a place.
  bool place_before(std::size_t i) const {
    if (i < 2 || !t_[i - 1].word) return false;
    const auto& prep = t_[i - 1].folded;
    const bool by = prep == "par" || prep == "via";
    if (!(by || prep == "de" || prep == "d" || prep == "a" || prep == "au" || prep == "en" ||
          prep == "depuis" || prep == "vers")) {
      return false;
    }
    std::size_t v = i - 2;
    if (punct(v, "'") && v > 0) --v;  // "originaire d'Edo State"
    if (!t_[v].word) return false;
    const auto& f = t_[v].folded;
    if (by)  // "recrutée par X" names a person; only a route goes "par" a place
      return f == "passe" || f == "passee" || f == "passes" || f == "passees" || f == "transite" ||
             f == "transitee";
    static const char* kMoves[] = {
        "parti",    "partie",   "partis",    "parties", "venu",       "venue",      "venus",
        "venues",   "arrive",   "arrivee",   "arrives", "arrivees",   "originaire", "originaires",
        "transite", "quitte",   "quittee",   "recrute", "recrutee",   "recrutes",   "recrutees",
        "ne",       "nee",      "nes",       "nees",    "rentre",     "rentree",    "retour",
        "expulse",  "expulsee", "envoye",    "envoyee", "emmene",     "emmenee",    "amene",
        "amenee",   "installe", "installee", "bloque",  "bloquee",    "vient",      "viennent",
        "partent",  "arrivent", "revenue",   "revenu",  "transferee", "transfere",  "deplace",
        "deplacee", "fui",      "enfuie",    "enfui",   "voyage",     "route",      "vol"};
    for (const char* m : kMoves)
      if (f == m) return true;
    return false;
  }
  // A vehicle named in the four words before: "Bus polonais", "Audi A4 grise", "UK plate".
  bool vehicle_before(std::size_t i) const {
    static const char* kVehicles[] = {"bus",      "van",     "camion",  "camionnette", "voiture",
                                      "vehicule", "fourgon", "minibus", "utilitaire",  "car",
                                      "scooter",  "moto",    "berline", "pick-up",     "4x4",
                                      "truck",    "plate",   "plaque",  "transit",     "sprinter"};
    for (std::size_t back = 1; back <= 4 && back <= i; ++back) {
      const auto& w = t_[i - back];
      if (!w.word) {
        if (w.text == "." || w.text == ";" || w.text == ":" || w.text == ",") return false;
        continue;
      }
      if (brand(w.folded)) return true;
      for (const char* v : kVehicles)
        if (w.folded == v) return true;
    }
    return false;
  }
  // Makers of the phones and vehicles that notes describe.
  static bool brand(std::string_view f) {
    static const char* kBrands[] = {
        "samsung",    "apple",   "iphone",  "huawei", "xiaomi", "oppo",  "nokia",  "motorola",
        "renault",    "peugeot", "citroen", "dacia",  "toyota", "bmw",   "audi",   "mercedes",
        "volkswagen", "vw",      "ford",    "opel",   "skoda",  "fiat",  "seat",   "tesla",
        "nissan",     "kia",     "hyundai", "volvo",  "mazda",  "honda", "suzuki", "yamaha"};
    for (const char* b : kBrands)
      if (f == b) return true;
    return false;
  }
  // A capitalised word with a common meaning in French and no place in the name lists.
  bool common_word(std::size_t i) const {
    const auto& f = t_[i].folded;
    return !t_[i].all_caps && lexicon::is_french_word(f) && !lexicon::is_listed_name(f);
  }
  bool single_initial(std::size_t i) const {
    const auto x = t_[i].text;
    // "R-M J-B", "F-Z O.", "A-M.": the initials of a compound first name.
    if (x.size() == 3 && ascii_upper(x[0]) && x[1] == '-' && ascii_upper(x[2])) return true;
    // "Md." is how Bangladesh abbreviates Mohammed: the start of a name, not an initial.
    if (x == "Md" && name_word(i + 2)) return false;
    return x.size() == 1 || (x.size() <= 2 && punct(i + 1, "."));
  }

  void titles(std::size_t i) {
    const auto& t = t_[i];
    if (!t.word || !t.capitalised || !lexicon::is_title(t.folded)) return;
    std::size_t k = i + 1;
    if (t.folded == "m") {
      if (!punct(k, ".")) return;
    }
    if (punct(k, ".")) ++k;
    if (k >= t_.size() || !t_[k].word) return;
    if (lexicon::is_determiner(t_[k].folded) || !t_[k].capitalised) return;
    if (!name_word(k) || single_initial(k)) return;
    add_name(k, extend_name(k));
  }

  void name_cues(std::size_t i) {
    const auto& t = t_[i];
    if (!t.word || !lexicon::is_name_cue(t.folded)) return;
    bool nickname = t.folded.starts_with("surnom") || t.folded == "alias" || t.folded == "dite" ||
                    t.folded == "dit" || t.folded == "pseudonyme";
    std::size_t k = i + 1;
    int skipped = 0;
    while (k < t_.size() && skipped < 4) {
      const auto& n = t_[k];
      if (!n.word && (n.text == ":" || n.text == "\"" || n.text == "\xC2\xAB" || n.text == "(")) {
        ++k, ++skipped;
        continue;
      }
      if (n.word &&
          (n.folded == "est" || n.folded == "etait" || n.folded == "de" || n.folded == "donne" ||
           n.folded == "donnee" || n.folded == "declare" || n.folded == "indique" ||
           n.folded == "is" || n.folded == "was" || n.folded == "famille" || n.folded == "d" ||
           n.folded == "usage" || n.folded == "complet" || n.folded == "se" || n.folded == "fait" ||
           n.folded == "c" || n.folded == "vrai" || n.folded == "veritable")) {
        ++k, ++skipped;
        continue;
      }
      if (!n.word && n.text == "'") {
        ++k, ++skipped;
        continue;
      }
      break;
    }
    if (k >= t_.size() || !t_[k].word) return;
    if (nickname && k > 0 && !t_[k - 1].word &&
        (t_[k - 1].text == "\"" || t_[k - 1].text == "\xC2\xAB")) {
      // "nous dit : « la madame a dit que… »" is reported speech, not a nickname; "dite
      // « loi Olivier »" names a law. A nickname is a few words, and the quote closes.
      bool colon = false;
      for (std::size_t c = i + 1; c < k; ++c) colon |= punct(c, ":");
      if (colon && (t.folded == "dit" || t.folded == "dite")) return;
      if (entity_word(t_[k].folded)) return;
      // « Tonton », « la Madam »: what the person is called, a role, not a name.
      // « Tonton » is a role; « Oga Chi » a title and a name.
      if ((kin_word(t_[k].folded) && !name_word(k + 1)) || lexicon::is_determiner(t_[k].folded))
        return;
      std::size_t e = k;
      while (e + 1 < t_.size() && e < k + 3 && t_[e + 1].word) ++e;
      if (e + 1 < t_.size() && t_[e + 1].word) return;  // a sentence, not a nickname
      // « ne pas être libre »: words in lower case are reported speech, not a nickname.
      if (e > k && !t_[k].capitalised &&
          !(lexicon::is_name_particle(t_[k].folded) && t_[k + 1].capitalised))  // "el Gordo"
        return;
      out_.add(K::person_name, t_[k].start, t_[e].end);
      return;
    }
    if (t_[k].capitalised && !lexicon::is_determiner(t_[k].folded) &&
        !lexicon::is_not_a_name(t_[k].folded) && !t_[k].has_digit && !single_initial(k) &&
        !kin_word(t_[k].folded))
      add_name(k, extend_name(k));
  }
  // What someone is called that is a role, not a name: "qu'il appelle « Tonton »".
  static bool kin_word(std::string_view f) {
    static const char* kKin[] = {"tonton", "tata",   "tantie",   "mama",   "madam", "boss",
                                 "chef",   "patron", "patronne", "oncle",  "tante", "papa",
                                 "maman",  "chief",  "oga",      "auntie", "uncle"};
    for (const char* w : kKin)
      if (f == w) return true;
    return false;
  }

  void relation_cues(std::size_t i) {
    const auto& t = t_[i];
    // "c'est Meron qui écrit", "Mr Diallo c'est Tiemoko du foyer": who writes or calls says
    // their name; "le petit Denis", "la petite Awa"; "famille Lăcătuș"; "Me Guillaume" (a
    // lawyer's title); "Appelante : Marina".
    if (t.word && i + 1 < t_.size() && name_word(i + 1) && !single_initial(i + 1) &&
        !t_[i + 1].all_caps && !common_word(i + 1) && !entity_context(i + 1)) {
      const bool cest = t.folded == "est" && i >= 2 && punct(i - 1, "'") && is(i - 2, "c") &&
                        !lexicon::is_french_word(t_[i + 1].folded);
      const bool petit = (t.folded == "petit" || t.folded == "petite") && i >= 1 &&
                         (is(i - 1, "le") || is(i - 1, "la") || is(i - 1, "notre"));
      const bool famille = t.folded == "famille" && !t.capitalised;
      // "Hi Tsegay,", "Bonjour Awa", "wesh Faïz": whom a message greets.
      static const char* kGreetings[] = {"hi",      "hello", "hey",    "dear", "bonjour",
                                         "bonsoir", "salut", "coucou", "wesh", "salam",
                                         "selam",   "cher",  "chere",  "ola",  "hola"};
      bool greeting = false;
      for (const char* g : kGreetings) greeting |= t.folded == g;
      greeting &=
          !lexicon::is_french_word(t_[i + 1].folded) || lexicon::is_first_name(t_[i + 1].folded);
      if (greeting) {
        add_name(i + 1, extend_name(i + 1));
        return;
      }
      const bool maitre = t.text == "Me" && !t.sentence_start;
      if (cest || petit || famille || maitre) {
        add_name(i + 1, extend_name(i + 1));
        return;
      }
    }
    if (t.word && punct(i + 1, ":") && i + 2 < t_.size() && name_word(i + 2) &&
        !t_[i + 2].all_caps && !common_word(i + 2)) {
      static const char* kParties[] = {"appelante",    "appelant",  "requerante",  "requerant",
                                       "declarante",   "declarant", "interessee",  "interesse",
                                       "beneficiaire", "usagere",   "usager",      "patiente",
                                       "worker",       "victim",    "travailleur", "travailleuse"};
      for (const char* p : kParties)
        if (t.folded == p) {
          add_name(i + 2, extend_name(i + 2));
          return;
        }
    }
    // "selon X", "d'après X": whose words a note reports is a person.
    if (t.word && (t.folded == "selon" || (t.folded == "apres" && i >= 2 && is(i - 2, "d"))) &&
        name_word(i + 1) && !single_initial(i + 1)) {
      add_name(i + 1, extend_name(i + 1));
      return;
    }
    if (!t.word || !lexicon::is_relation_cue(t.folded)) return;
    std::size_t k = i + 1;
    if (punct(k, ",")) ++k;
    if (punct(k, "'") || punct(k, "\"") || punct(k, "\xC2\xBB")) ++k;  // 'cousin' Mitko
    // "la jeune éthiopienne Meron", "sa femme roumaine Lenuța": a nationality between.
    if (k < t_.size() && t_[k].word && !t_[k].capitalised && t_[k].folded.size() >= 5 &&
        (t_[k].folded.ends_with("ienne") || t_[k].folded.ends_with("ien") ||
         t_[k].folded.ends_with("aise") || t_[k].folded.ends_with("ais") ||
         t_[k].folded.ends_with("aine") || t_[k].folded.ends_with("oise")) &&
        name_word(k + 1))
      ++k;
    if (punct(k, "\"") || punct(k, "\xC2\xAB")) ++k;  // un certain « Zizou »
    if (!name_word(k) || single_initial(k)) return;
    // "restaurant « Chez Mama Africa »": the relation word is part of a business's name.
    if (entity_context(k)) return;
    // "intervention conjointe MSA": an acronym after a word that is also an adjective names
    // an organisation; a name in capitals after a relation is a listed one ("sa fille JOY").
    // A longer word in capitals that is no French word is a surname: "les époux BENNANI".
    if (t_[k].all_caps && !lexicon::is_listed_name(t_[k].folded) &&
        (t_[k].text.size() < 5 || lexicon::is_french_word(t_[k].folded) ||
         lexicon::is_not_a_name(t_[k].folded)))
      return;
    add_name(k, extend_name(k));
  }

  // Words after which a capitalised word names a place, an organisation or a business, not a
  // person: "rue Marx Dormoy", "hôtel Ibis", "restaurant Chez Fatou", "centre Primo Levi".
  static bool entity_word(std::string_view f) {
    static const char* kWords[] = {
        "entreprise", "societe", "restaurant", "hotel", "salon", "association", "bar", "ferme",
        "chantier", "boutique", "magasin", "rue", "avenue", "boulevard", "place", "quai", "cabinet",
        "etablissement", "enseigne", "marque", "groupe", "centre", "foyer", "hopital", "ecole",
        "lycee", "college", "maison", "institut", "espace", "residence", "fondation", "gymnase",
        "stade", "square", "parc", "pont", "metro", "station", "gare", "prix", "loi", "plan",
        "programme", "sarl", "sas", "sasu", "eurl", "snc", "sci", "sa", "cafe", "brasserie",
        "pizzeria", "snack", "epicerie", "supermarche", "garage", "agence", "club", "discotheque",
        "boite", "motel", "auberge", "camping", "cite", "clinique", "pharmacie", "eglise",
        "mosquee", "temple", "paroisse", "saint", "sainte", "abbe", "porte", "cours", "allee",
        "impasse", "chemin", "route", "villa", "passage", "quartier", "lieu-dit", "aeroport",
        "port", "marche", "onglerie", "cyber", "taxi", "navire", "bateau", "operation",
        "dispositif", "collectif", "reseau", "federation", "syndicat", "ong", "compagnie",
        "societe", "ets", "bati", "nails", "beauty", "coiffure", "massage", "spa", "lounge",
        "formation", "campagne", "projet", "atelier", "film", "livre", "guide", "rapport",
        "journee", "semaine", "festival", "label", "application", "appli", "plateforme", "ligne",
        "residences", "foyers", "hotels", "restaurants", "salle", "salles", "province", "region",
        "district", "commune", "village", "ville", "oblast", "wilaya", "comte", "canton",
        "departement", "etat",
        // Establishments named after a person: "PASS Édouard Herriot", "CHRS Jean Macé".
        "pass", "chu", "chru", "chr", "chrs", "cada", "huda", "esi", "cmp", "cmpp", "ehpad", "mecs",
        "caso", "lhss", "aphp", "ap-hp", "chi", "ime",
        // Bodies abroad: "Inspección de Trabajo", "Questura di Torino", "Foreign Ministry"
        "inspeccion", "ministerio", "policia", "guardia", "juzgado", "questura", "tribunale",
        "carabinieri", "ministry", "embassy", "consulate", "council"};
    static const std::unordered_set<std::string_view> set(std::begin(kWords), std::end(kWords));
    return set.count(f) > 0;
  }
  // Legal forms written after a company's name: "Atlas Bâtiment SARL".
  static bool business_word(std::string_view f) {
    static const std::unordered_set<std::string_view> words{
        "kebab",     "salon",    "salons",   "restaurant",  "restaurants", "bar",
        "bars",      "boutique", "magasin",  "epicerie",    "snack",       "pizzeria",
        "brasserie", "cafe",     "atelier",  "ateliers",    "entrepot",    "usine",
        "garage",    "station",  "chantier", "societe",     "entreprise",  "agence",
        "hotel",     "onglerie", "laverie",  "supermarche", "commerce"};
    return words.contains(f);
  }
  static bool trade_word(std::string_view f) {
    static const std::unordered_set<std::string_view> words{
        "securite",      "medical",   "medicale",      "services",    "logistique", "logistics",
        "transports",    "transport", "nettoyage",     "proprete",    "batiment",   "construction",
        "constructions", "interim",   "distribution",  "security",    "cleaning",   "group",
        "groupe",        "holding",   "trading",       "import",      "export",     "btp",
        "renovation",    "travaux",   "multiservices", "gardiennage", "agricole",   "vendanges",
        "restauration",  "livraison", "express"};
    return words.contains(f);
  }
  static bool legal_form(std::string_view f) {
    return f == "sarl" || f == "sas" || f == "sasu" || f == "eurl" || f == "snc" || f == "sa" ||
           f == "sci" || f == "ltd" || f == "inc" || f == "gmbh" || f == "srl" || f == "llc" ||
           // Lithuanian, Polish, Spanish, Italian, Dutch, German, Bulgarian forms
           f == "uab" || f == "sp" || f == "sl" || f == "spa" || f == "bv" || f == "ag" ||
           f == "eood" || f == "ood" || f == "kft" || f == "sro";
  }
  // True when the name-like words around i belong to a business or place name: an entity word
  // just before them (through "Chez", "Le", "La" and capitalised words, up to three back) or a
  // legal form right after them.
  bool entity_context(std::size_t i) const {
    for (std::size_t back = 1; back <= 4 && back <= i; ++back) {
      const auto& p = t_[i - back];
      if (!p.word) {
        // « Stop Traite », "Golden Nails": quotes between the entity word and its name.
        if (p.text == "\xC2\xAB" || p.text == "\"" || p.text == "\xE2\x80\x9C") continue;
        return false;
      }
      // "cite" folds "cité" and the verb "cite" alike: "elle cite Tina" names a person.
      const bool verb_cite = p.folded == "cite" && p.text.find("\xC3\xA9") == std::string::npos &&
                             p.text.find("\xC3\x89") == std::string::npos;
      if (!verb_cite && (entity_word(p.folded) || lexicon::is_street_type(p.folded))) return true;
      // "la société de nettoyage Propreté Plus", "une agence d'intérim Top Job": the entity
      // word, "de" and the trade it does.
      if (!p.capitalised && p.has_letter && back + 2 <= i) {
        std::size_t q = i - back - 1;
        if (punct(q, "'") && q > 0) --q;
        if ((is(q, "de") || is(q, "d")) && q > 0 && t_[q - 1].word && entity_word(t_[q - 1].folded))
          return true;
      }
      if (!(p.capitalised || p.folded == "chez" || p.folded == "de" || p.folded == "du" ||
            p.folded == "des"))
        return false;
    }
    return false;
  }
  bool followed_by_legal_form(std::size_t last) const {
    return last + 1 < t_.size() && t_[last + 1].word && legal_form(t_[last + 1].folded);
  }

  // A capitalised word from the name lexicons: the hand-made list of first names, or the broad
  // lists extracted from faker (which hold no French word).
  bool listed_first_name(std::size_t i) const {
    const auto& t = t_[i];
    if (!t.word || !t.capitalised || t.has_digit) return false;
    if (lexicon::is_first_name(t.folded)) return true;
    // An upper-case word is an acronym ("CADA", "ASE") more often than a name.
    return !t.all_caps && lexicon::is_extracted_first_name(t.folded) && name_word(i);
  }

  void first_names(std::size_t i) {
    const auto& t = t_[i];
    if (!listed_first_name(i)) return;
    // "À l'Alma", "L'Ariane et les Moulins": French puts no article before a person's name;
    // "depuis Albina", "via Tanger": a place.
    if (i >= 1 && punct(i - 1, "'") && i >= 2 && t_[i - 2].word && t_[i - 2].folded == "l") return;
    if (i >= 1 && t_[i - 1].word && !t_[i - 1].capitalised &&
        (is(i - 1, "depuis") || is(i - 1, "via") || is(i - 1, "vers")))
      return;
    // "à l'ESI", "au CHU", "la CADA": a word in capitals after an article is an acronym.
    if (t.all_caps && i > 0 &&
        (punct(i - 1, "'") || (t_[i - 1].word && (lexicon::is_determiner(t_[i - 1].folded) ||
                                                  is(i - 1, "au") || is(i - 1, "aux")))))
      return;
    // "LE 3 MAI": a month after a day is a date, whatever names it also is.
    if (lexicon::is_month(t.folded) && i > 0 && t_[i - 1].word && t_[i - 1].has_digit &&
        !t_[i - 1].has_letter)
      return;
    if (t.folded == "grace" && (is(i + 1, "a") || is(i + 1, "aux") || is(i + 1, "au"))) return;
    // "Date: Thu, 6 Feb 2025": a weekday of an e-mail header (Thu is also a first name).
    if ((t.folded == "thu" || t.folded == "mon" || t.folded == "sat" || t.folded == "sun") &&
        punct(i + 1, ",") && i + 2 < t_.size() && t_[i + 2].has_digit)
      return;
    // "parti de Quảng Bình": a place, by its first word or the one before.
    if (entity_context(i) || place_before(i) || (i > 0 && name_word(i - 1) && place_before(i - 1)))
      return;
    const std::size_t last = extend_name(i);
    if (followed_by_legal_form(last)) return;
    add_name(i, last);
  }

  // A name in lower case ("entretien avec osagie", "sa cousine s'appelle ngozi"): a word of
  // the name lexicons that is no French word, after a word that introduces a person.
  // A person opening a sentence, as hasty notes write them: "aissatou bien installée au
  // foyer", "ionut pas venu depuis 6 jours", "farhad est venu", "Juju revenue au bus". In lower
  // case, a listed name that is no French word, before a word that a person's news opens with;
  // capitalised, any word that is no common word, no place and no people, before a participle
  // that only a person takes ("revenue", "passée", "rappelé"): a body "a répondu", it does not
  // "come back".
  void sentence_subjects(std::size_t i) {
    const auto& t = t_[i];
    if (!t.word || !t.sentence_start || t.has_digit || t.text.size() < 3 || t.all_caps) return;
    if (i + 1 >= t_.size() || !t_[i + 1].word || t_[i + 1].capitalised) return;
    static const std::unordered_set<std::string_view> person_words{
        "revenue",     "revenu",     "passee",       "venue",       "venu",     "rappele",
        "rappelee",    "partie",     "arrivee",      "endormi",     "endormie", "blessee",
        "blesse",      "enceinte",   "hospitalisee", "hospitalise", "revue",    "retrouvee",
        "retrouve",    "installee",  "installe",     "disparue",    "disparu",  "injoignable",
        "absente",     "absent",     "orientee",     "oriente",     "hebergee", "heberge",
        "accompagnee", "accompagne", "joignable"};
    static const std::unordered_set<std::string_view> news_words{
        "est",      "a",      "pas",     "dit",    "passe",     "vue",     "vu",     "bien",
        "toujours", "enfin",  "ne",      "n",      "travaille", "demande", "veut",   "appelle",
        "aurait",   "semble", "va",      "etait",  "avait",     "parti",   "arrive", "encore",
        "sera",     "doit",   "prefere", "refuse", "accepte"};
    const auto& next = t_[i + 1].folded;
    const bool person_word = person_words.contains(next);
    if (!t.capitalised) {
      if ((person_word || news_words.contains(next)) && lowercase_name(i))
        out_.add(K::person_name, t.start, t.end);
      return;
    }
    if (!person_word || !name_word(i) || common_word(i) || lexicon::is_demonym(t.folded) ||
        (lexicon::is_place(t.folded) && !lexicon::is_listed_name(t.folded)))
      return;
    out_.add(K::person_name, t.start, t.end);
  }

  void lower_case_names(std::size_t i) {
    const auto& t = t_[i];
    if (!t.word || t.capitalised || t.has_digit || !t.has_letter) return;
    // "s'appelle petrovic": the reflexive verb always introduces a name, in whatever case.
    if (i >= 3 && is(i - 1, "appelle") && punct(i - 2, "'") && is(i - 3, "s") &&
        t.text.size() >= 3) {
      static const char* kNot[] = {"comme",    "pas",      "plus",    "ainsi",  "aussi", "en",
                                   "comment",  "vraiment", "je",      "il",     "elle",  "on",
                                   "toujours", "souvent",  "parfois", "encore", "bien",  "donc"};
      bool word = lexicon::is_determiner(t.folded) || lexicon::is_not_a_name(t.folded);
      for (const char* w : kNot) word |= t.folded == w;
      if (!word) {
        out_.add(K::person_name, t.start, t.end);
        return;
      }
    }
    // "la tante: ndeye fatou diop, tel …": after a relation word, a short run of lower-case
    // words up to a sign, one of them a listed name, is the person's full name.
    // (Looked at only when a word of the run is listed: most lower-case words are in no list.)
    const bool run_listed = i >= 1 && (punct(i - 1, ":") || t_[i - 1].word) &&
                            (lowercase_name(i) || lowercase_name(i + 1) || lowercase_name(i + 2));
    if (run_listed) {
      std::size_t c = i - 1;
      if (punct(c, ":") && c > 0) --c;
      if (t_[c].word &&
          (lexicon::is_relation_cue(t_[c].folded) || lexicon::is_name_cue(t_[c].folded))) {
        std::size_t last = i;
        bool listed = false, plain = true;
        for (std::size_t k = i; k < t_.size() && k < i + 3; ++k) {
          const auto& w = t_[k];
          if (!w.word || w.capitalised || w.has_digit || w.text.size() < 3 ||
              (k > i && w.start - t_[k - 1].end != 1))
            break;
          plain &= !lexicon::is_determiner(w.folded) && !lexicon::is_not_a_name(w.folded);
          listed |= lexicon::is_lowercase_name(w.folded);
          last = k;
        }
        const bool closed = last + 1 >= t_.size() || !t_[last + 1].word;
        if (last > i && listed && plain && closed) {
          out_.add(K::person_name, t.start, t_[last].end);
          return;
        }
      }
    }
    // "prenom tharshan", "prenom d'usage bianca", "prénom donné : kofi": after the word for a
    // first name, a lower-case word that is no French word is one, listed or not.
    {
      std::size_t c = i - 1;
      while (c > 0 && (punct(c, ":") || punct(c, "'") || is(c, "usage") || is(c, "d") ||
                       is(c, "donne") || is(c, "declare")))
        --c;
      if (i >= 1 && c < i && t_[c].word && (is(c, "prenom") || is(c, "surnom")) &&
          t.text.size() >= 3 && !lexicon::is_french_word(t.folded) &&
          !lexicon::is_not_a_name(t.folded)) {
        out_.add(K::person_name, t.start, t.end);
        return;
      }
    }
    // "(mama rose)", "tonton moussa": after a form of address, a listed first name even if it
    // is also a word.
    if (i >= 1 && t_[i - 1].word && lexicon::is_first_name(t.folded) &&
        (is(i - 1, "mama") || is(i - 1, "madam") || is(i - 1, "tonton") || is(i - 1, "tata") ||
         is(i - 1, "oga") || is(i - 1, "auntie") || is(i - 1, "tantie"))) {
      out_.add(K::person_name, t.start, t.end);
      return;
    }
    if (!lowercase_name(i)) return;
    bool cue = false;
    // "son 'patron' gigi", "son mec (florin)": the relation word, then a quote or a bracket.
    if (i >= 2 && (punct(i - 1, "'") || punct(i - 1, "\"") || punct(i - 1, "(")) &&
        t_[i - 2].word && lexicon::is_relation_cue(t_[i - 2].folded))
      cue = true;
    if (i >= 3 && punct(i - 1, "(") && t_[i - 2].word && lexicon::is_relation_cue(t_[i - 2].folded))
      cue = true;
    if (i > 0 && t_[i - 1].word) {
      const auto& p = t_[i - 1].folded;
      static const char* kIntroducers[] = {
          "avec",      "et",         "par",         "pour",      "chez",       "selon",
          "appele",    "appelee",    "appelle",     "vu",        "vue",        "revu",
          "revue",     "recu",       "recue",       "rencontre", "rencontree", "contacte",
          "contactee", "accompagne", "accompagnee", "nomme",     "nommee",     "prenom",
          "nom",       "dit",        "dite",        "alias",     "surnommee",  "surnomme",
          "denommee",  "denomme",    "prenommee",   "prenomme",  "appelait",   "entre",
          "croise",    "croisee",    "revu",        "retrouve",  "retrouvee"};
      for (const char* w : kIntroducers)
        if (p == w) cue = true;
      if (lexicon::is_relation_cue(p) || lexicon::is_title(p) || lexicon::is_name_cue(p))
        cue = true;
    }
    // "faith dort mal": a lower-case name opening a sentence, with a verb of what people do.
    if (!cue && t.sentence_start && i + 1 < t_.size() && t_[i + 1].word &&
        !lexicon::is_lowercase_name(t_[i + 1].folded) && person_follows(i + 1))
      cue = true;
    // "aminata (malienne, 22a) appelle", "joy et precious ont déménagé".
    if (!cue && t.sentence_start && punct(i + 1, "(") && person_follows(i + 1)) cue = true;
    if (!cue && is(i + 1, "et") && i + 2 < t_.size() && t_[i + 2].word && !t_[i + 2].capitalised &&
        lexicon::is_lowercase_name(t_[i + 2].folded))
      cue = true;
    // Two such words together, one of them from the hand-made list: "ngozi adaeze" (the
    // extracted lists hold English words too: "name that" is prose).
    if (!cue && i + 1 < t_.size() && t_[i + 1].word && !t_[i + 1].capitalised &&
        t_[i + 1].start - t.end == 1 && lexicon::is_lowercase_name(t_[i + 1].folded) &&
        (lexicon::is_first_name(t.folded) || lexicon::is_first_name(t_[i + 1].folded)))
      cue = true;
    if (!cue) return;
    std::size_t last = i;
    while (last + 1 < t_.size() && t_[last + 1].word && t_[last + 1].start - t_[last].end == 1 &&
           !t_[last + 1].has_digit && lexicon::is_lowercase_name(t_[last + 1].folded))
      ++last;
    out_.add(K::person_name, t.start, t_[last].end);
  }

  // A capitalised word in no list, that the sentence treats as a person: "Costică gérait
  // l'argent", "Zarmina et son frère", "Happy nous a appelées", "Tharshini, 23 ans", "entretien
  // avec Ifeanyi", "accueil de Tharshini". A place or an organisation is rarely the subject of
  // these verbs, and those of the notes are in the not-a-name list.
  void person_context_names(std::size_t i) {
    const auto& t = t_[i];
    if (!name_word(i) || t.all_caps || t.text.size() < 3 || single_initial(i)) return;
    if (i > 0 && (name_word(i - 1) && t.start - t_[i - 1].end <= 3)) return;
    if (name_word(i + 1) && t_[i + 1].start - t.end <= 3) return;  // sequences decide
    if (i > 0 && t_[i - 1].word) {  // "la Cimade", "le Samusocial": an article names no person
      const auto& p = t_[i - 1].folded;
      if (p == "le" || p == "la" || p == "les" || p == "un" || p == "une" || p == "du" ||
          p == "des" || p == "ce" || p == "cette" || p == "au" || p == "aux" || p == "en")
        return;
    }
    if (i > 0 && punct(i - 1, "'")) return;  // "l'Amicale", "d'Enugu"
    if (i > 0 && t_[i - 1].word) {
      // A direct object of what the association does with a person: "nous avons revu X".
      static const char* kMet[] = {
          "revu",       "revue",       "vu",        "vue",        "recu",     "recue",
          "accueilli",  "accueillie",  "rencontre", "rencontree", "appele",   "appelee",
          "contacte",   "contactee",   "oriente",   "orientee",   "heberge",  "hebergee",
          "accompagne", "accompagnee", "aide",      "aidee",      "ecoute",   "ecoutee",
          "rappele",    "rappelee",    "joint",     "jointe",     "revoir",   "recevoir",
          "rencontrer", "accompagner", "appeler",   "rappeler",   "orienter", "heberger"};
      for (const char* w : kMet)
        if (t_[i - 1].folded == w && !sentence_word(t.folded) && !entity_context(i)) {
          add_name(i, i);
          return;
        }
    }
    if (sentence_word(t.folded) || entity_context(i)) return;
    // "Gérante encaisse", "Client, 31 ans": a role that opens a sentence is no name.
    if (lexicon::is_relation_cue(t.folded)) return;
    // "un homme, Eghosa, qui collecte": a name in apposition to a noun of a person.
    if (i >= 2 && punct(i - 1, ",") && t_[i - 2].word && i + 1 < t_.size() &&
        (punct(i + 1, ",") || punct(i + 1, ")") || is(i + 1, "qui"))) {
      static const char* kPersons[] = {
          "homme",       "femme",         "gars",      "garcon",   "type",    "mec",
          "dame",        "client",        "jeune",     "monsieur", "fille",   "nigerian",
          "nigeriane",   "intermediaire", "chauffeur", "logeuse",  "logeur",  "ado",
          "adolescente", "adolescent",    "mineure",   "mineur",   "victime", "ouvrier",
          "ouvriere",    "guy",           "man",       "woman",    "girl",    "boy",
          "lady",        "victim"};
      // "L'un d'eux, Đức, a pu", "une employée de maison malgache, Voahangy, nous contacte":
      // a person's noun a few words before the comma.
      static const char* kFar[] = {"eux",   "elles", "employee", "employe", "femme",   "homme",
                                   "jeune", "fille", "garcon",   "ouvrier", "ouvriere"};
      for (std::size_t back = 2; back <= 5 && back <= i; ++back) {
        const auto& w = t_[i - back];
        // "du 'mari', Bujar", "Le frère d'Efrem, Dawit": past quotes and a name.
        if (!w.word && (w.text == "'" || w.text == "\"" || w.text == "~")) continue;
        if (w.word && (!w.has_letter || w.folded == "ans" || w.folded == "an")) continue;
        if (w.word && w.capitalised && back > 2) continue;
        if (!w.word || w.capitalised) break;
        bool far = lexicon::is_relation_cue(w.folded);
        for (const char* f : kFar) far |= w.folded == f;
        if (far && !lexicon::is_french_word(t.folded)) {
          add_name(i, i);
          return;
        }
      }
      // "le client, Lyonnais, qui…": a demonym, not a name.
      const auto& f = t.folded;
      const bool demonym = f.ends_with("ais") || f.ends_with("aise") || f.ends_with("ois") ||
                           f.ends_with("oise") || f.ends_with("ien") || f.ends_with("ienne") ||
                           f.ends_with("ain") || f.ends_with("aine") || f.ends_with("an") ||
                           f.ends_with("ane");
      for (const char* w : kPersons)
        if (!demonym && t_[i - 2].folded == w) {
          add_name(i, i);
          return;
        }
    }
    // "Dawit hébergé chez un compatriote", "Ayesha rentrée le 28/10": a word that is no French
    // word, then a past participle, opens a note about a person.
    // Only a listed first name: "Doliprane donné", "Eval minorité" are things.
    if (i + 1 < t_.size() && t_[i + 1].word && !t_[i + 1].capitalised &&
        !lexicon::is_french_word(t.folded) && !lexicon::is_not_a_name(t.folded) &&
        t.text.size() >= 4 &&
        (lexicon::is_first_name(t.folded) || lexicon::is_extracted_first_name(t.folded))) {
      std::string_view pp = t_[i + 1].text;
      if (pp.ends_with('s')) pp.remove_suffix(1);
      if (pp.ends_with('e')) pp.remove_suffix(1);
      if (pp.size() >= 5 && pp.ends_with("\xC3\xA9")) {
        add_name(i, i);
        return;
      }
    }
    // "Pourriez-vous", "Faut-il": a verb and its pronoun, not a name.
    for (std::string_view suffix : {"-vous", "-nous", "-il", "-elle", "-on", "-ils", "-elles",
                                    "-je", "-tu", "-moi", "-toi", "-lui", "-leur"})
      if (t.folded.ends_with(suffix)) return;
    // "Medecin veut un interprète", "Psy dit revenir": a profession that acts, not a name.
    static const std::unordered_set<std::string_view> professions{
        "medecin",    "psy",          "psychologue",   "psychiatre", "infirmier",   "infirmiere",
        "avocat",     "avocate",      "juge",          "interprete", "educateur",   "educatrice",
        "assistante", "juriste",      "benevole",      "directeur",  "directrice",  "responsable",
        "gendarme",   "policier",     "policiere",     "inspecteur", "inspectrice", "enqueteur",
        "enqueteuse", "greffier",     "greffiere",     "pharmacien", "dentiste",    "sage-femme",
        "kine",       "referent",     "referente",     "tuteur",     "tutrice",     "mediateur",
        "mediatrice", "coordinateur", "coordinatrice", "stagiaire",  "pediatre",    "gyneco",
        "urgentiste", "doctor",       "nurse",         "lawyer"};
    if (professions.contains(t.folded)) return;
    if (person_follows(i + 1) || person_precedes(i) || with_or_for(i)) add_name(i, i);
  }
  // "Passeport sri lankais de Kajan", "Numéro sécurité sociale de Vinoth", "TikTok de Serge",
  // "Voiture de Kiril", "Le père de Ermal": what a person has, then whose it is.
  void possessions(std::size_t i) {
    const auto& t = t_[i];
    if (!name_word(i) || t.all_caps || t.text.size() < 3 || single_initial(i)) return;
    if (i < 2 || !(is(i - 1, "de") || (punct(i - 1, "'") && is(i - 2, "d")))) return;
    if (common_word(i) || lexicon::is_demonym(t.folded) ||
        (lexicon::is_place(t.folded) && !lexicon::is_listed_name(t.folded)))
      return;
    static const std::unordered_set<std::string_view> owned{
        "passeport", "carte",    "titre",       "numero",  "num",      "tel",         "telephone",
        "portable",  "voiture",  "camionnette", "compte",  "adresse",  "mail",        "email",
        "profil",    "snap",     "insta",       "tiktok",  "facebook", "whatsapp",    "iban",
        "rib",       "cni",      "pere",        "mere",    "frere",    "soeur",       "fils",
        "fille",     "cousin",   "cousine",     "oncle",   "tante",    "mari",        "epouse",
        "femme",     "copain",   "copine",      "enfant",  "enfants",  "famille",     "papiers",
        "dossier",   "plainte",  "photo",       "contact", "logement", "appartement", "chambre",
        "permis",    "recepisse"};
    std::size_t k = i - (is(i - 1, "de") ? 2 : 3);
    // One or two words between: "passeport sri lankais de", "numéro sécurité sociale de".
    for (std::size_t back = 0; back < 3 && k < t_.size(); ++back, --k) {
      if (!t_[k].word) return;
      if (owned.contains(t_[k].folded)) {
        add_name(i, extend_name(i));
        return;
      }
      if (k == 0 || t_[k].capitalised) return;
    }
  }
  // French words that open a sentence and are never names.
  static bool sentence_word(std::string_view f) {
    static const char* kWords[] = {
        "personne",    "rien",        "tout",     "tous",       "chacun",       "chacune",
        "cela",        "ceci",        "ca",       "celui",      "celle",        "celle-ci",
        "celui-ci",    "ceux",        "eux",      "maman",      "papa",         "dieu",
        "quelqu",      "beaucoup",    "aucune",   "certaines",  "certains",     "plusieurs",
        "chaque",      "nul",         "nulle",    "lequel",     "laquelle",     "ici",
        "la-bas",      "aujourd",     "demain",   "hier",       "ensuite",      "puis",
        "enfin",       "depuis",      "pourtant", "finalement", "heureusement", "malheureusement",
        "apparemment", "visiblement", "bref"};
    for (const char* w : kWords)
      if (f == w) return true;
    return false;
  }
  // What follows a person: ", 23 ans", a verb of what people do and say, "et son frère".
  bool person_follows(std::size_t k) const {
    // "Gemma (philippine, 38 ans)", "Kajan Rajendran (sri lankais) nous explique": an age in
    // brackets, or a person's context after them.
    if (punct(k, "(")) {
      // "Mei-Mei (Mme Lin)": a nickname, then the name with its title.
      if (k + 2 < t_.size() && t_[k + 1].word && lexicon::is_title(t_[k + 1].folded) &&
          t_[k + 1].capitalised && (punct(k + 2, ".") ? name_word(k + 3) : name_word(k + 2)))
        return true;
      // "Claire Besnard (juriste)": a profession alone in the brackets.
      if (k + 2 < t_.size() && t_[k + 1].word && punct(k + 2, ")")) {
        static const char* kJobs[] = {"juriste",     "avocate",    "avocat",        "mediatrice",
                                      "mediateur",   "benevole",   "stagiaire",     "interprete",
                                      "educatrice",  "educateur",  "infirmiere",    "infirmier",
                                      "salariee",    "salarie",    "coordinatrice", "coordinateur",
                                      "psychologue", "assistante", "assistant"};
        for (const char* j : kJobs)
          if (t_[k + 1].folded == j) return true;
      }
      // "Claire (la salariée)", "Moussa (le bénévole)": a role in the brackets.
      if ((is(k + 1, "la") || is(k + 1, "le")) && k + 2 < t_.size() && t_[k + 2].word &&
          punct(k + 3, ")")) {
        static const char* kRoles[] = {"salariee",      "salarie",      "benevole",   "stagiaire",
                                       "educatrice",    "educateur",    "interprete", "avocate",
                                       "avocat",        "juriste",      "infirmiere", "infirmier",
                                       "coordinatrice", "coordinateur", "mediatrice", "mediateur"};
        for (const char* r : kRoles)
          if (t_[k + 2].folded == r || lexicon::is_relation_cue(t_[k + 2].folded)) return true;
      }
      // "(malienne, 22a)", "(ivoirien)": a nationality or a short age first in the brackets.
      if (k + 1 < t_.size() && t_[k + 1].word && !t_[k + 1].capitalised) {
        const auto& f = t_[k + 1].folded;
        const bool demonym =
            f.size() >= 5 && (f.ends_with("ienne") || f.ends_with("aise") || f.ends_with("aine") ||
                              f.ends_with("oise") || f.ends_with("ien") || f.ends_with("ais") ||
                              f.ends_with("ois") || f.ends_with("ane"));
        // "Patient (géorgien, traduit) :": a common word before the brackets is a role.
        if (demonym && (punct(k + 2, ",") || punct(k + 2, ")")) &&
            !(k > 0 && t_[k - 1].word && common_word(k - 1)))
          return true;
      }
      for (std::size_t c = k + 1; c < t_.size() && c <= k + 8; ++c) {
        // "22a", "22ans": an age written short.
        if (t_[c].word && t_[c].has_digit && t_[c].text.size() <= 5 &&
            (t_[c].folded.ends_with("a") || t_[c].folded.ends_with("ans")) &&
            std::isdigit(static_cast<unsigned char>(t_[c].text[0])))
          return true;
        if (t_[c].word && (t_[c].folded == "ans" || t_[c].folded == "an") && c > 0 &&
            t_[c - 1].word && !t_[c - 1].has_letter && t_[c - 1].text.size() <= 2)
          return true;
        if (punct(c, ")")) return c + 1 < t_.size() && !punct(c + 1, "(") && person_follows(c + 1);
      }
      return false;
    }
    if (punct(k, ",") && k + 2 < t_.size() && t_[k + 1].word && !t_[k + 1].has_letter &&
        t_[k + 1].text.size() <= 2 && (is(k + 2, "ans") || is(k + 2, "an")))
      return true;
    // "treating Abdelrahman, 16, Sudanese": an age alone between commas, as English writes it,
    // after a word inside the sentence ("Woman, 41, Filipina" opens a note with a noun).
    if (punct(k, ",") && k + 2 < t_.size() && k >= 2 && t_[k - 1].word &&
        !t_[k - 1].sentence_start && t_[k - 2].word && !t_[k - 2].capitalised && t_[k + 1].word &&
        !t_[k + 1].has_letter && t_[k + 1].text.size() == 2 && punct(k + 2, ",") &&
        k + 3 < t_.size() && t_[k + 3].word && t_[k + 3].has_letter && !t_[k + 3].has_digit &&
        t_[k + 3].start == t_[k + 2].end + 1)  // not "secteur Cergy-Pontoise, 11,88 €/h"
      return true;
    // "Gemma, philippine, a appelé": one or two lower-case words between commas, then what
    // follows a person.
    if (punct(k, ",") && k + 2 < t_.size() && t_[k + 1].word && !t_[k + 1].capitalised &&
        t_[k + 1].has_letter && !t_[k + 1].has_digit) {
      std::size_t c = k + 2;
      if (c < t_.size() && t_[c].word && !t_[c].capitalised && !t_[c].has_digit) ++c;
      if (punct(c, ",") && c + 1 < t_.size() && t_[c + 1].word && !is(c + 1, "et") &&
          person_follows(c + 1))
        return true;
    }
    if (punct(k, ",") && k + 1 < t_.size() && t_[k + 1].word) {
      // "Ifeanyi, accompagné de sa cousine", "Tharshini, venue du Sri Lanka".
      static const char* kApposition[] = {
          "accompagne", "accompagnee", "agee",     "age",     "originaire", "nee",      "ne",
          "enceinte",   "arrivee",     "arrive",   "venue",   "venu",       "victime",  "mineure",
          "mineur",     "majeure",     "majeur",   "suivie",  "suivi",      "hebergee", "heberge",
          "employee",   "employe",     "recrutee", "recrute", "exploitee",  "exploite", "aide",
          "ouvrier",    "ouvriere",    "dob",      "born",    "aged"};
      for (const char* w : kApposition)
        if (t_[k + 1].folded == w) return true;
    }
    // "Femi, le « boss » de Lyon", "Sorin, son patron": a relation in apposition.
    if (punct(k, ",") && k + 1 < t_.size() && t_[k + 1].word &&
        (is(k + 1, "le") || is(k + 1, "la") || is(k + 1, "son") || is(k + 1, "sa") ||
         is(k + 1, "leur") || is(k + 1, "notre"))) {
      std::size_t r = k + 2;
      if (punct(r, "\xC2\xAB") || punct(r, "\"")) ++r;
      if (r < t_.size() && t_[r].word && lexicon::is_relation_cue(t_[r].folded)) return true;
    }
    if (k >= t_.size() || !t_[k].word) return false;
    // "appeler Senait au 06 71 09 35 48": a phone of theirs right after.
    // Not after a common word: "Appel au 06…", "Joignable au 06…".
    if ((is(k, "au") || is(k, "at") || is(k, "on")) && k + 1 < t_.size() && t_[k + 1].has_digit &&
        out_.covered(t_[k + 1].start, t_[k + 1].end) && k > 0 && t_[k - 1].word &&
        !lexicon::is_french_word(t_[k - 1].folded) &&
        (!t_[k - 1].sentence_start || lexicon::is_listed_name(t_[k - 1].folded)))
      return true;
    // "Mariatou et Sékou": beside a known first name.
    if (is(k, "et") && listed_first_name(k + 1)) return true;
    static const char* kVerbs[] = {
        "dit", "disait", "explique", "expliquait", "raconte", "racontait", "declare", "affirme",
        "pleure", "pleurait", "travaille", "travaillait", "dort", "dormait", "vit", "vivait",
        "parle", "parlait", "souhaite", "souhaitait", "veut", "voulait", "refuse", "refusait",
        "accepte", "craint", "semble", "semblait", "gerait", "habite", "habitait", "loge",
        "logeait", "pense", "sait", "arrive", "arrivait", "revient", "frappait", "menacait",
        "exploitait", "envoyait", "appelle", "appelait", "ecrit", "ecrivait", "nous", "lui", "se",
        // what people do, not organisations: "Papito passe tous les soirs"
        "passe", "passait", "vient", "venait", "part", "reste", "restait", "attend", "attendait",
        "crie", "criait", "sort", "sortait", "mange", "boit", "surveille", "surveillait", "frappe",
        "menace", "encaisse", "encaissait", "collecte", "collectait", "conduit", "conduisait",
        "traine", "trainait", "ment", "mentait", "rit", "tremble", "tremblait",
        // what a person tells: "Aster décrit 6 ans de kafala", "Goran relate"
        "decrit", "decrivait", "relate", "relatait", "temoigne", "confie", "confiait", "evoque",
        "evoquait", "rapporte", "rapportait", "gardait", "gardaient", "prenait", "prend",
        // notes written in English: "Tesfaye says the agent sold him"
        "says", "said", "told", "tells", "works", "worked", "lives", "lived", "wants", "wanted",
        "sleeps", "cries", "cried", "explained", "explains", "refused", "refuses"};
    // The verb as written: "déclaré", "refusé" are participles ("Montant déclaré",
    // "Hébergement refusé"), which follow things as well as persons.
    std::string_view vt = t_[k].text;
    if (vt.ends_with('s')) vt.remove_suffix(1);
    if (vt.ends_with('e')) vt.remove_suffix(1);
    const bool participle = vt.ends_with("\xC3\xA9");
    for (const char* v : kVerbs) {
      if (participle || t_[k].folded != v) continue;
      // "nous", "lui" are objects before a verb ("Happy nous a appelées"), not after an
      // adverb that opens the sentence ("Ensuite nous…"): the verb must follow.
      if (std::string_view(v) == "nous" || std::string_view(v) == "lui")
        return k + 1 < t_.size() && t_[k + 1].word &&
               (is(k + 1, "a") || is(k + 1, "avait") || is(k + 1, "dit") || is(k + 1, "disait") ||
                is(k + 1, "explique") || is(k + 1, "raconte") || is(k + 1, "appelle") ||
                is(k + 1, "appelait") || is(k + 1, "ecrit") || is(k + 1, "ecrivait") ||
                is(k + 1, "envoie") || is(k + 1, "envoyait") || is(k + 1, "parle") ||
                is(k + 1, "parlait") || is(k + 1, "rappelle") || is(k + 1, "confie") ||
                is(k + 1, "confiait"));
      return true;
    }
    // "X s'est enfuie", "X m'a dit": a reflexive or object pronoun before a verb. Not "n'"
    // (the negation follows any subject: "Vigie n'est pas…").
    if ((is(k, "s") || is(k, "m")) && punct(k + 1, "'")) return true;
    // "Osayuwamen l'a perdu", "Desislava l'a encore": an object pronoun, then "a".
    if (is(k, "l") && punct(k + 1, "'") && (is(k + 2, "a") || is(k + 2, "avait"))) return true;
    if ((is(k, "a") || is(k, "avait") || is(k, "est") || is(k, "etait")) && k + 1 < t_.size() &&
        t_[k + 1].word) {
      static const char* kParticiples[] = {
          "ete",      "pu",       "dit",      "refuse",   "accepte", "appele",   "appelee",
          "explique", "raconte",  "declare",  "fui",      "quitte",  "rejoint",  "porte",
          "signale",  "recu",     "recrute",  "recrutee", "arrivee", "arrive",   "partie",
          "parti",    "venue",    "venu",     "revenue",  "revenu",  "hebergee", "heberge",
          "enceinte", "malade",   "mineure",  "mineur",   "majeure", "majeur",   "toujours",
          "peur",     "besoin",   "confirme", "montre",   "reconnu", "obtenu",   "perdu",
          "disparu",  "disparue", "menacee",  "menace",   "battue",  "frappee",  "vendue",
          "forcee",   "oblige",   "obligee",  "reussi",   "essaye",  "tente",    "trouve",
          "trouvee",  "demande",  "pris",     "prise",    "eu",      "fait",     "deja"};
      for (const char* v : kParticiples)
        if (t_[k + 1].folded == v) return true;
      // Any past participle as written: "Jomo a retrouvé", "Amaka a fui", "X a reçu".
      std::string_view pp = t_[k + 1].text;
      if (pp.ends_with('s')) pp.remove_suffix(1);
      if (pp.ends_with('e')) pp.remove_suffix(1);
      if (pp.size() >= 4 && pp.ends_with("\xC3\xA9")) return true;
    }
    if (is(k, "et") && k + 1 < t_.size() &&
        (is(k + 1, "son") || is(k + 1, "sa") || is(k + 1, "ses")))
      return true;
    return false;
  }
  // "RDV avec Ebere (interprète)", "trouvé pour Efosa jusqu'à vendredi": one proper noun after
  // "avec" or "pour", then the sentence goes on with a little word or a sign, is a person far
  // more often than a place or an organisation (those are in the lists, or named by several
  // words: "avec Santé publique France", "avec Art et Liberté").
  bool with_or_for(std::size_t i) const {
    if (i < 1 || !(is(i - 1, "avec") || is(i - 1, "pour"))) return false;
    const std::size_t k = i + 1;
    if (k >= t_.size()) return true;
    if (!t_[k].word) return t_[k].text != "-" && t_[k].text != "&";
    if (is(k, "et") || is(k, "ou")) return k + 1 < t_.size() && !t_[k + 1].capitalised;
    static const char* kNext[] = {
        "qui",   "a",     "au",      "aux",      "pour",  "sur",      "dans",   "depuis",
        "jusqu", "ce",    "cette",   "le",       "la",    "les",      "hier",   "demain",
        "ce",    "lundi", "mardi",   "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "en",    "chez",  "vers",    "pendant",  "apres", "avant",    "car",    "mais",
        "puis",  "afin",  "lorsque", "quand",    "parce", "sans",     "avec",   "de",
        "du",    "des",   "d",       "l",        "qu",    "que",      "est",    "etait",
        "a",     "ne",    "n",       "y",        "s",     "se",       "son",    "sa",
        "ses",   "leur",  "toute",   "tout",     "seule", "seul"};
    for (const char* w : kNext)
      if (t_[k].folded == w) return true;
    return false;
  }

  // What precedes a person: "entretien avec", "manqué par", "accueil de", "suivi de".
  // "Victime présumée X", "suspect X", "auteur présumé X": the note names a party.
  bool role_before(std::size_t i) const {
    std::size_t k = i;
    if (k > 0 && t_[k - 1].word &&
        (t_[k - 1].folded.starts_with("presume") || t_[k - 1].folded.starts_with("potentiel") ||
         t_[k - 1].folded.starts_with("identifie") || t_[k - 1].folded.starts_with("principal")))
      --k;
    if (k == 0 || !t_[k - 1].word) return false;
    const auto& f = t_[k - 1].folded;
    return f == "victime" || f == "victimes" || f == "suspect" || f == "suspecte" ||
           f == "auteur" || f == "auteure" || f == "prevenu" || f == "prevenue" || f == "temoin";
  }
  bool person_precedes(std::size_t i) const {
    // "Esohe et Osayuki": beside a name already found.
    if (i >= 2 && is(i - 1, "et") && t_[i - 2].word && t_[i - 2].capitalised &&
        out_.covered(t_[i - 2].start, t_[i - 2].end))
      return true;
    // "— Dossier Mensah : plainte déposée": a case named after its person, in minutes.
    if (i >= 1 && t_[i - 1].word && t_[i - 1].folded == "dossier" && i + 1 < t_.size() &&
        punct(i + 1, ":"))
      return true;
    // "12:02 Nino → Giorgi :": the sender and the recipient of a message log.
    // Only "X → Y :", a message's header: a route ("Edo State → Kano → Agadez") has no colon.
    static constexpr std::string_view kArrow = "\xE2\x86\x92";
    if (i >= 2 && t_[i - 1].text == kArrow && name_word(i - 2) && punct(i + 1, ":")) return true;
    if (i + 3 < t_.size() && t_[i + 1].text == kArrow && name_word(i + 2) && punct(i + 3, ":"))
      return true;
    if (i < 2 || !t_[i - 1].word || !t_[i - 2].word) return false;
    const auto& prep = t_[i - 1].folded;
    if (prep != "avec" && prep != "de" && prep != "d" && prep != "par" && prep != "a") return false;
    static const char* kNouns[] = {
        "entretien", "rencontre", "rendez-vous", "rdv", "accueil", "suivi", "orientation",
        "audition", "appel", "nouvelles", "message", "messages", "accompagnement", "manque",
        "manquee", "recrutee", "recrute", "accompagnee", "accompagne", "contactee", "contacte",
        "propose", "proposee", "parle", "echange", "telephone", "mere", "soeur", "frere", "pere",
        "fille", "fils", "cousine", "cousin", "amie", "ami", "venue", "venu", "arrivee", "arrive",
        "presentee", "presente", "signalee", "signale", "reconnue", "reconnu", "recue", "recu",
        "photo", "photos", "numero", "adresse", "compte", "nom", "profil", "passeport", "papiers",
        "enfant", "enfants", "bebe", "sms", "appels", "temoignage", "recit",
        // "Titre de séjour de Rose", "carte d'identité de Kujtim": a document's holder
        "sejour", "identite", "titre", "carte", "piece", "permis", "vietnamien", "vietnamienne",
        // "SMS envoyés par Rahel", "message écrit par Joy"
        "envoyes", "envoyees", "envoye", "envoyee", "ecrits", "ecrit", "ecrite", "signe", "signee",
        // "Écrire à Sveta", "écrivez à Lina": an ad's contact is a person.
        "ecrire", "ecrivez", "ecris"};
    // "recrutée à Asunción", "arrivée à Lyon": after "à", only what one says or writes to a
    // person ("écrire à Sveta", "message à Lina").
    if (prep == "a") {  // "Lien envoyé à Mireille": a place after these is dropped by places().
      static const char* kTo[] = {"ecrire",    "ecrivez",   "ecris",  "message", "messages",
                                  "sms",       "appel",     "appels", "parle",   "propose",
                                  "proposee",  "telephone", "envoye", "envoyee", "transmis",
                                  "transmise", "remis",     "remise"};
      for (const char* n : kTo)
        if (t_[i - 2].folded == n) return true;
      return false;
    }
    for (const char* n : kNouns)
      if (t_[i - 2].folded == n) return true;
    return false;
  }

  void capitalised_sequences(std::size_t i) {
    if (!name_word(i)) return;
    if (i > 0 && name_word(i - 1) && t_[i].start - t_[i - 1].end <= 3) return;  // not the first
    std::size_t last = extend_name(i);
    if (last == i) return;
    if (entity_word(t_[i].folded)) return;  // "LOI OLIVIER", "Salle Mélanie"
    if (brand(t_[i].folded)) return;        // "Samsung Galaxy A14", "Dacia Duster"
    // "Audience JLD", "Dépistage IST", "Protocole du MEAE": a capitalised common word opens a
    // heading or a sentence; a name, if any, starts after it ("Rencontré Aminata Diallo").
    // Names that are words ("Grace", "Pierre") are listed and stay.
    const bool person_after = person_follows(last + 1);
    while (i < last && common_word(i) && !person_after) {
      ++i;
      if (entity_word(t_[i].folded)) return;  // "Consultation PASS Édouard Herriot"
      while (i < last && t_[i].word && lexicon::is_name_particle(t_[i].folded) &&
             !t_[i].capitalised)
        ++i;
    }
    // "Niveau : Al   Langue maternelle": the same at the end, after a word too short or too
    // common to be a name ("Chukwuemeka Obi" and "BENSAID Prenom" keep their name).
    while (last > i && common_word(last) &&
           (t_[last - 1].text.size() <= 2 || common_word(last - 1)))
      --last;
    if (i == last) return;        // one word left: the rules for a single name decide
    if (place_before(i)) return;  // "parti de Nghệ An", "originaire de Cap Haïtien"
    bool caps_surname = false;  // "Aminata DIALLO"; a leading acronym ("ISM Interprétariat") is not
    bool listed = false;        // a word of the name lexicons: "Kadidiatou Barry"
    for (std::size_t k = i; k <= last; ++k) {
      if (k > i && t_[k].all_caps && t_[k].text.size() >= 3) caps_surname = true;
      if (!t_[k].all_caps && (lexicon::is_listed_name(t_[k].folded))) listed = true;
    }
    if (entity_context(i) || followed_by_legal_form(last) || followed_by_legal_form(last + 1))
      return;
    // "Vilnius Cargo UAB": a legal form among the words.
    for (std::size_t k = i; k <= last; ++k)
      if (t_[k].all_caps && legal_form(t_[k].folded)) return;
    // "Shield Sécurité Privée", "Adecco Médical", "Baltic Road Logistics": a trade's word.
    for (std::size_t k = i; k <= last + 1 && k < t_.size(); ++k)
      if (t_[k].word && t_[k].capitalised && trade_word(t_[k].folded)) return;
    for (std::size_t k = i; k <= last; ++k)
      if (single_initial(k)) return;
    if (t_[i].all_caps) {
      // Police style, "IGBINEDION Faith", "POPA Marian": a surname in capitals then a known
      // first name. Otherwise a leading acronym names an organisation: "ISM Interprétariat".
      // "TRAORE Mariatou"; "audition de KOUASSI Affoué", "Victime : KOUASSI Affoué".
      bool first_after = lexicon::is_surname(t_[i].folded) || person_precedes(i) ||
                         role_before(i) ||            // "Victime présumée HOXHA Ardita"
                         person_follows(last + 1) ||  // "NWOSU Chukwuemeka a été entendu"
                         (i > 0 && punct(i - 1, ":") && t_[i].text.size() >= 4);
      for (std::size_t k = i + 1; k <= last; ++k)
        if (!t_[k].all_caps && lexicon::is_listed_name(t_[k].folded)) first_after = true;
      // In a text in capitals, police_style_names() decides.
      if (caps_text_) return;
      // "CODAF du Var", "DDETS du Nord": an acronym of a body and its territory.
      if (i + 1 < t_.size() && t_[i + 1].word && !t_[i + 1].capitalised &&
          lexicon::is_name_particle(t_[i + 1].folded))
        return;
      // Police style is NOM Prénom: a first name in ordinary case follows ("CREATE INDEX" is
      // no name).
      bool ordinary = false;
      for (std::size_t k = i + 1; k <= last; ++k) ordinary |= !t_[k].all_caps;
      if (!first_after || !ordinary || t_[i].text.size() < 3) return;
      add_name(i, last);
      return;
    }
    // At a sentence's start, capitalised words are names when the sentence then treats them as
    // a person: "Kajan Rajendran (sri lankais) nous explique".
    if (t_[i].sentence_start && !caps_surname && !listed && !person_follows(last + 1)) return;
    // In English, "use the Trusted Partner channel": capitalised words after an article or a
    // possessive name a thing, not a person.
    if (english_text_ && !caps_surname && !listed && i > 0 && t_[i - 1].word &&
        (is(i - 1, "the") || is(i - 1, "a") || is(i - 1, "an") || is(i - 1, "our") ||
         is(i - 1, "your") || is(i - 1, "their") || is(i - 1, "this")))
      return;
    // "Accueil de Hawa": a sentence's first word and a particle open no name; what follows
    // is left to the rules for a single name.
    if (t_[i].sentence_start && !lexicon::is_listed_name(t_[i].folded) && i + 1 < t_.size() &&
        t_[i + 1].word && lexicon::is_name_particle(t_[i + 1].folded) && !caps_surname)
      return;
    add_name(i, last);
  }

  bool is_house_number(std::size_t i) const {
    if (i >= t_.size() || !t_[i].word) return false;
    // Dictated: "au quarante-sept avenue Jean Jaurès", "au douze rue Gabriel Péri".
    if (t_[i].has_letter) return t_[i].folded != "un" && spelled_number(t_[i].folded);
    return t_[i].text.size() <= 4;
  }
  // A number written in French words: "douze", "quarante-sept", "vingt-et-un", "mille".
  static bool spelled_number(std::string_view f) {
    static const std::unordered_set<std::string_view> words{
        "un",       "deux",  "trois", "quatre", "cinq",   "six",      "sept",
        "huit",     "neuf",  "dix",   "onze",   "douze",  "treize",   "quatorze",
        "quinze",   "seize", "vingt", "vingts", "trente", "quarante", "cinquante",
        "soixante", "cent",  "cents", "mille",  "mil",    "et",       "premier"};
    if (f.empty()) return false;
    std::size_t b = 0;
    bool any = false;
    while (b <= f.size()) {
      const auto e = f.find('-', b);
      const auto part = f.substr(b, e == std::string_view::npos ? f.size() - b : e - b);
      if (!words.contains(part) || (part == "et" && !any)) return false;
      any = true;
      if (e == std::string_view::npos) break;
      b = e + 1;
    }
    return any;
  }

  // A number that a legal reference precedes: "article 12 rue…" never, but "L. 8221-5",
  // "R. 425-1", "art. 8", "C. pén. 224-1", "CESEDA 313" are articles of a code.
  bool legal_reference(std::size_t i) const {
    for (std::size_t back = 1; back <= 3 && back <= i; ++back) {
      const auto& p = t_[i - back];
      if (!p.word) {
        if (p.text == ".") continue;  // "R. 425-1"
        return false;                 // "… du CESEDA, 93200 Saint-Denis"
      }
      const auto& f = p.folded;
      if (f == "article" || f == "articles" || f == "art" || f == "code" || f == "ceseda" ||
          f == "pen" || f == "penal" || f == "cpp" || f == "decret" || f == "loi" ||
          f == "alinea" || f == "al" ||
          ((f == "l" || f == "r" || f == "d" || f == "c") && p.capitalised &&
           punct(i - back + 1, ".")))
        return true;
      if (!p.has_digit && !(f == "et" || f == "a" || f == "du" || f == "de")) return false;
    }
    return false;
  }

  // "Commissariat central du 18e, 79 rue de Clignancourt", "siège 10 rue de la Paix", "salle 3,
  // 36 rue du Bastion", "tribunal, 2e étage, porte 214": premises that the clause before names
  // as a public body's, a registered office or a meeting room are no person's home. Only
  // those words, close before, in the same sentence: any address could be public, but a
  // scanner knows it only when the note says whose it is.
  // "Cedex" within a few words after: a mail address of a body or a firm, no one's home.
  bool cedex_near(std::size_t i) const {
    for (std::size_t k = i; k < t_.size() && k <= i + 12; ++k)
      if (t_[k].word && t_[k].folded == "cedex") return true;
    return false;
  }
  bool public_premises_before(std::size_t i) const {
    for (std::size_t back = 1; back <= 10 && back <= i; ++back) {
      const auto& p = t_[i - back];
      if (!p.word) {
        if (p.text == "." || p.text == ";" || p.text == "!" || p.text == "?") return false;
        continue;
      }
      static const char* kPremises[] = {"commissariat",
                                        "tribunal",
                                        "prefecture",
                                        "sous-prefecture",
                                        "mairie",
                                        "gendarmerie",
                                        "brigade",
                                        "siege",
                                        "salle",
                                        "consulat",
                                        "ambassade",
                                        "ministere",
                                        "palais",
                                        "tgi",
                                        "tj",
                                        "cour",
                                        "parquet",
                                        "ofii",
                                        "ofpra",
                                        "cnda",
                                        "caserne",
                                        "greffe",
                                        "hotel-de-ville",
                                        "cpam",
                                        "caf"};
      for (const char* w : kPremises)
        if (p.folded == w) return true;
    }
    return false;
  }

  // The street first and the number after, as Romanian, Italian, Spanish, Portuguese, Polish
  // or Turkish addresses are written: "Str. Mihai Eminescu nr. 14", "Via Roma 12", "ul.
  // Długa 5".
  void foreign_street(std::size_t i) {
    const auto& t = t_[i];
    if (!t.word || t.has_digit || t.text.size() > 10 || t.folded.empty()) return;
    if (std::string_view("subcravl").find(t.folded[0]) == std::string_view::npos) return;
    // Abbreviations with their full stop, in any case ("str.", "ul.", "Bd.", "cad."); full
    // words capitalised ("Strada", "Via", "Calle": "via WhatsApp" is prose).
    static const char* kAbbrev[] = {"str", "ul", "bd", "bld", "cad", "sok", "al", "bul", "sos"};
    static const char* kWords[] = {"strada",  "ulica",     "ulitsa",   "via",        "calle",
                                   "rua",     "sokak",     "caddesi",  "bulevardul", "strasse",
                                   "avenida", "carrer",    "soseaua",  "ulitza",     "sokagi",
                                   "rruga",   "bulevardi", "travessa", "largo"};
    bool street = false;
    if (punct(i + 1, "."))
      for (const char* w : kAbbrev) street |= t.folded == w;
    if (!street && t.capitalised)
      for (const char* w : kWords) street |= t.folded == w;
    if (!street) return;
    std::size_t k = i + 1;
    if (punct(k, ".")) ++k;
    std::size_t names = 0;
    // "Rua das Flores 27", "Rruga e Kavajës 112": particles between the street's words.
    auto particle = [&](std::size_t p) {
      return is(p, "e") || is(p, "das") || is(p, "dos") || is(p, "da") || is(p, "do") ||
             is(p, "del") || is(p, "de") || is(p, "di") || is(p, "la") || is(p, "el");
    };
    while (k < t_.size() && names < 4 && t_[k].word && !t_[k].has_digit &&
           (t_[k].capitalised || particle(k))) {
      if (t_[k].capitalised) ++names;
      ++k;
    }
    if (names == 0) return;
    if (punct(k, ",")) ++k;
    bool marked = false;
    if (k < t_.size() && t_[k].word &&
        (t_[k].folded == "nr" || t_[k].folded == "no" || t_[k].folded == "n" ||
         t_[k].folded == "numarul" || t_[k].folded == "numero")) {
      ++k;
      marked = true;
      if (punct(k, ".") || punct(k, "\xC2\xB0")) ++k;
    }
    if (!is_house_number(k)) return;
    // Without "nr.", the number ends the street: "Via Roma 12, Milano", not "Via Western
    // Union 300 euros".
    if (!marked && k + 1 < t_.size() && t_[k + 1].word && !t_[k + 1].capitalised) return;
    if (public_premises_before(i)) return;
    std::size_t last = k;
    // The town after a comma: "…nr. 14, Iași".
    if (punct(k + 1, ",") && k + 2 < t_.size() && t_[k + 2].word && t_[k + 2].capitalised &&
        !t_[k + 2].has_digit)
      last = k + 2;
    out_.add(K::postal_address, t.start, t_[last].end);
  }

  void street_addresses(std::size_t i) {
    foreign_street(i);
    if (!is_house_number(i) || legal_reference(i)) return;
    std::size_t k = i + 1;
    if (k < t_.size() && t_[k].word &&
        (t_[k].folded == "bis" || t_[k].folded == "ter" || t_[k].folded == "b" ||
         t_[k].folded == "a"))
      ++k;
    if (punct(k, ",")) ++k;
    if (k >= t_.size() || !t_[k].word || !lexicon::is_street_type(t_[k].folded)) return;
    std::size_t street = k;
    if (punct(k + 1, ".")) ++k;
    std::size_t last = k;
    std::size_t m = k + 1;
    while (m < t_.size() && m < street + 8) {
      const auto& n = t_[m];
      if (n.word && (n.capitalised || n.has_digit)) {
        last = m++;
        continue;
      }
      if ((n.word && (lexicon::is_name_particle(n.folded) || lexicon::is_determiner(n.folded) ||
                      n.folded == "des" || n.folded == "d")) ||
          (!n.word && n.text == "'")) {
        ++m;
        continue;
      }
      break;
    }
    if (last == k) return;  // "3 rue" with no name is not an address
    if (public_premises_before(i) || cedex_near(i)) return;
    // "kebab 27 avenue Jean-Jaurès", "salons du 57 bd de Strasbourg": a shop's address.
    // Right before the number, or through "du", "au" ("à l'atelier, 31 rue …" may be where
    // someone sleeps).
    if (i >= 1 && t_[i - 1].word &&
        (business_word(t_[i - 1].folded) || ((is(i - 1, "du") || is(i - 1, "au")) && i >= 2 &&
                                             t_[i - 2].word && business_word(t_[i - 2].folded))))
      return;
    // "106 rue du Bac (siège, pour les courriers)": an organisation's office.
    if (punct(last + 1, "(") && (is(last + 2, "siege") || is(last + 2, "standard"))) return;
    out_.add(K::postal_address, t_[i].start, t_[last].end);
  }

  void postcodes(std::size_t i) {
    const auto& t = t_[i];
    if (!t.word || t.has_letter || t.text.size() != 5) return;
    // "224-1 A" is an article of a code, not a postcode; nor is a number after a legal cue.
    if (!std::all_of(t.text.begin(), t.text.end(), ascii_digit) || legal_reference(i)) return;
    int dept = (t.text[0] - '0') * 10 + (t.text[1] - '0');
    if (dept < 1 || (dept > 95 && dept != 97 && dept != 98)) return;
    std::size_t k = i + 1;
    if (k >= t_.size() || !t_[k].word || !t_[k].capitalised || t_[k].has_digit) return;
    if (i > 0 && t_[i - 1].word && (t_[i - 1].folded == "les" || t_[i - 1].folded == "environ"))
      return;
    std::size_t last = k;
    while (last + 1 < t_.size() && t_[last + 1].word && t_[last + 1].capitalised &&
           t_[last + 1].start - t_[last].end <= 1)
      ++last;
    // "l'OFPRA, 201 rue Carnot 94136 Fontenay-sous-Bois", "… 69409 Lyon Cedex 03": a body's.
    if (public_premises_before(i) || cedex_near(i)) return;
    out_.add(K::postal_address, t.start, t_[last].end);
  }

  void buildings(std::size_t i) {
    const auto& t = t_[i];
    if (!t.word || !lexicon::is_building_word(t.folded)) return;
    std::size_t k = i + 1;
    // "bât. C" is an abbreviation; "dans le bâtiment. Il dit", "vers le logement.\n2." end a
    // sentence.
    const bool abbreviation = t.folded == "bat" || t.folded == "appt" || t.folded == "apt" ||
                              t.folded == "ap" || t.folded == "esc" || t.folded == "appart";
    if (punct(k, ".")) {
      if (!abbreviation) return;
      ++k;
    }
    if (k < t_.size() && t_[k].word && (t_[k].folded == "n" || t_[k].folded == "no")) {
      ++k;
      if (punct(k, "\xC2\xB0") || punct(k, ".")) ++k;
    }
    if (k >= t_.size() || !t_[k].word) return;
    const auto& v = t_[k];
    bool designation = (!v.has_letter && v.text.size() <= 4) ||
                       (v.has_letter && v.text.size() <= 3 && (v.all_caps || v.capitalised) &&
                        !lexicon::is_determiner(v.folded) && v.folded != "a" && v.folded != "au");
    if (!designation) return;
    if (public_premises_before(i)) return;
    if (t.folded == "etage" || t.folded == "porte" || t.folded == "entree" || t.folded == "boite" ||
        // "zone industrielle, bâtiment 7 (local commercial)": a building alone, with no flat,
        // staircase or street near, is a workplace's or a site's, and locates no one.
        t.folded == "batiment" || t.folded == "bat" || t.folded == "bloc" ||
        t.folded == "logement") {
      // "porte 4" is a flat door, "étage 3" a floor: only with another address element near.
      if (!near_address_word(i)) return;
    }
    out_.add(K::postal_address, t.start, v.end);
  }

  bool near_address_word(std::size_t i) const {
    std::size_t from = i > 6 ? i - 6 : 0;
    for (std::size_t k = from; k < std::min(t_.size(), i + 6); ++k)
      if (k != i && t_[k].word && lexicon::is_building_word(t_[k].folded)) return true;
    return false;
  }

  // A date starting at token k; returns its last token or npos.
  std::size_t date_at(std::size_t k) const {
    if (k >= t_.size() || !t_[k].word) return std::string::npos;
    const auto& a = t_[k];
    if (!a.has_letter && a.has_digit) {
      // Joined forms: 1998-03-12, 12-03-1998.
      if (a.text.find('-') != std::string_view::npos && a.text.size() >= 8) return k;
      // 12/03/1998, 12.03.98
      if (k + 4 < t_.size() && (punct(k + 1, "/") || punct(k + 1, ".")) && t_[k + 2].word &&
          !t_[k + 2].has_letter && (punct(k + 3, "/") || punct(k + 3, ".")) && t_[k + 4].word &&
          !t_[k + 4].has_letter && a.text.size() <= 2)
        return k + 4;
      // The year first, as Chinese and Korean papers write it: 1968.07.22, 1968/07/22.
      if (a.text.size() == 4 && k + 4 < t_.size() && (punct(k + 1, ".") || punct(k + 1, "/")) &&
          t_[k + 2].word && !t_[k + 2].has_letter && t_[k + 2].text.size() <= 2 &&
          (punct(k + 3, ".") || punct(k + 3, "/")) && t_[k + 4].word && !t_[k + 4].has_letter &&
          t_[k + 4].text.size() <= 2)
        return k + 4;
      // 12 mars 1998
      if (a.text.size() <= 2 && k + 2 < t_.size() && t_[k + 1].word &&
          lexicon::is_month(t_[k + 1].folded) && t_[k + 2].word && !t_[k + 2].has_letter &&
          t_[k + 2].text.size() == 4)
        return k + 2;
    }
    // "4th February 2007", "21st March 1999": an English ordinal day.
    if (a.has_digit && a.has_letter && a.text.size() <= 4 && k + 2 < t_.size() &&
        (a.folded.ends_with("th") || a.folded.ends_with("st") || a.folded.ends_with("nd") ||
         a.folded.ends_with("rd")) &&
        std::isdigit(static_cast<unsigned char>(a.text[0])) &&
        lexicon::is_month(t_[k + 1].folded) && t_[k + 2].word && !t_[k + 2].has_letter &&
        t_[k + 2].text.size() == 4)
      return k + 2;
    // The month first, as English writes it: "March 14 1986", "March 14, 1986".
    if (a.has_letter && lexicon::is_month(a.folded) && a.text.size() >= 3 && k + 2 < t_.size() &&
        t_[k + 1].word && !t_[k + 1].has_letter && t_[k + 1].text.size() <= 2) {
      std::size_t y = k + 2;
      if (punct(y, ",")) ++y;
      if (y < t_.size() && t_[y].word && !t_[y].has_letter && t_[y].text.size() == 4) return y;
    }
    if (a.folded == "1er" && k + 2 < t_.size() && lexicon::is_month(t_[k + 1].folded) &&
        t_[k + 2].text.size() == 4)
      return k + 2;
    // The year first: "né en 1998 le 2 mai".
    if (!a.has_letter && a.text.size() == 4 && is(k + 1, "le") && k + 3 < t_.size() &&
        t_[k + 2].word &&
        (t_[k + 2].folded == "1er" || (!t_[k + 2].has_letter && t_[k + 2].text.size() <= 2)) &&
        lexicon::is_month(t_[k + 3].folded))
      return k + 3;
    return std::string::npos;
  }

  void birth_dates(std::size_t i) {
    const auto& t = t_[i];
    bool cue = t.word && (lexicon::is_birth_cue(t.folded) || t.folded == "ne(e)");
    if (!cue && t.word && t.folded == "date" && is(i + 1, "de") && is(i + 2, "naissance"))
      cue = true;
    if (!cue) return;
    for (std::size_t k = i + 1; k < t_.size() && k <= i + 9; ++k) {
      if (!t_[k].word && (t_[k].text == "." || t_[k].text == ";")) {
        // A sentence end stops the search, but "12.03.1998" starts with a number.
        if (!(k + 1 < t_.size() && t_[k + 1].has_digit && !t_[k + 1].has_letter)) return;
      }
      std::size_t e = date_at(k);
      if (e != std::string::npos) {
        out_.add(K::date_of_birth, t_[k].start, t_[e].end);
        return;
      }
      // Dictated: "née le trois mars deux mille un", "le premier mai mille neuf cent
      // quatre-vingt-dix-huit": a day in words, a month, a year in words.
      if (t_[k].word && t_[k].has_letter && spelled_number(t_[k].folded) && k + 2 < t_.size() &&
          lexicon::is_month(t_[k + 1].folded) && t_[k + 2].word) {
        std::size_t y = k + 2, last = k + 1;
        bool thousand = false;
        while (y < t_.size() && t_[y].word &&
               (spelled_number(t_[y].folded) || t_[y].folded.starts_with("quatre-vingt"))) {
          thousand |= t_[y].folded == "mille" || t_[y].folded == "mil";
          last = y++;
        }
        if (thousand) {
          out_.add(K::date_of_birth, t_[k].start, t_[last].end);
          return;
        }
      }
    }
  }

  // "45.812.337-9": digit groups joined by dots (no space), the last one possibly with a
  // hyphen and a check digit, 7 digits or more. Returns the last token, or 0.
  std::size_t dotted_number(std::size_t k) const {
    auto digits_only = [&](std::size_t j) {
      if (j >= t_.size() || !t_[j].word || t_[j].has_letter) return false;
      for (char c : t_[j].text)
        if (!ascii_digit(c) && c != '-') return false;
      return true;
    };
    if (!digits_only(k) || t_[k].text.find('-') != std::string_view::npos) return 0;
    std::size_t last = k, digits = t_[k].text.size(), groups = 1;
    while (punct(last + 1, ".") && digits_only(last + 2) && t_[last + 1].start == t_[last].end &&
           t_[last + 2].start == t_[last + 1].end) {
      last += 2;
      ++groups;
      for (char c : t_[last].text) digits += ascii_digit(c);
      if (t_[last].text.find('-') != std::string_view::npos) break;
    }
    // "01.01.2008" is a date, not a card.
    if (groups == 3 && t_[k].text.size() <= 2 && t_[k + 2].text.size() <= 2 &&
        t_[last].text.size() == 4)
      return 0;
    return groups >= 3 && digits >= 7 ? last : 0;
  }

  // A token that looks like a document number: long enough and mostly digits.
  bool document_number(std::size_t k) const {
    if (k >= t_.size() || !t_[k].word || !t_[k].has_digit) return false;
    // Legal references ("L425-1", "R. 313-26") are hyphenated and short; a hyphenated number
    // of 9 digits or more is a card's ("402-2948173-6", a Dominican cédula).
    if (t_[k].text.find('-') != std::string_view::npos) {
      // "2018-A-0456123": a series letter or two between the groups.
      std::size_t d = 0, letters = 0;
      for (char c : t_[k].text) {
        if (ascii_upper(c))
          ++letters;
        else if (!ascii_digit(c) && c != '-')
          return false;
        d += ascii_digit(c);
      }
      return d >= 9 && letters <= 2;
    }
    if (k > 0 && t_[k - 1].word && (t_[k - 1].folded == "article" || t_[k - 1].folded == "art"))
      return false;
    std::size_t digits = 0;
    for (char c : t_[k].text) digits += ascii_digit(c);
    if (!t_[k].has_letter) return t_[k].text.size() >= 6;
    if (t_[k].text.size() >= 6 && digits >= 4) return true;
    // "carte nationale d'identité n° X4RTBPF92": capitals and digits mixed.
    int changes = 0;
    const auto x = t_[k].text;
    for (std::size_t c = 0; c < x.size(); ++c) {
      if (!(ascii_digit(x[c]) || ascii_upper(x[c]))) return false;
      if (c > 0 && ascii_digit(x[c]) != ascii_digit(x[c - 1])) ++changes;
    }
    return x.size() >= 8 && digits >= 2 && changes >= 3;
  }

  // Numbers whose shape alone says what they are, with no cue word before them:
  // - 12 digits whose 3rd-4th are a month: the French identity card of before 2021
  //   (year, month of issue, département, sequence);
  // - 9 capital letters and digits mixed (at least three changes between letters and digits,
  //   which no word and no reference does): the identity card of 2021 ("X4RTBPFW4");
  // - 10 digits not starting with 0 (a French phone number starts with 0): an AGDREF number,
  //   the residence permit's, which starts with the département.
  // A run of spaced digit groups is left to the number scanners.
  bool document_shape(std::size_t i) {
    const auto& t = t_[i];
    if (!t.has_digit || t.text.find('-') != std::string_view::npos) return false;
    const std::size_t n = t.text.size();
    if (n != 9 && n != 10 && n != 12) return false;
    auto spaced_digits = [&](std::size_t k) {
      return k < t_.size() && t_[k].word && !t_[k].has_letter && t_[k].has_digit;
    };
    if ((i > 0 && spaced_digits(i - 1) && t.start - t_[i - 1].end <= 1) ||
        (spaced_digits(i + 1) && t_[i + 1].start - t.end <= 1) || (i > 0 && punct(i - 1, "+")))
      return false;
    if (i > 0 && t_[i - 1].word &&
        (t_[i - 1].folded == "article" || t_[i - 1].folded == "art" ||
         t_[i - 1].folded == "dossier" || t_[i - 1].folded == "ref"))
      return false;
    const auto x = t.text;
    if (!std::all_of(x.begin(), x.end(), ascii_alnum)) return false;  // "86_400_000"
    // After a cue word the cue decides the kind ("passeport n° 880692310285").
    for (std::size_t back = 1; back <= 7 && back <= i; ++back) {
      const auto& f = t_[i - back].folded;
      if (lexicon::is_passport_cue(f) || lexicon::is_identity_card_cue(f) ||
          lexicon::is_residence_permit_cue(f) || lexicon::is_nir_cue(f))
        return false;
    }
    if (!t.has_letter) {
      if (x.size() == 12) {
        const int month = (x[2] - '0') * 10 + (x[3] - '0');
        if (month >= 1 && month <= 12) {
          out_.add(K::identity_card_number, t.start, t.end);
          return true;
        }
      }
      if (x.size() == 10 && x[0] != '0') {
        out_.add(K::residence_permit_number, t.start, t.end);
        return true;
      }
      return false;
    }
    if (x.size() == 9 &&
        std::all_of(x.begin(), x.end(), [](char c) { return ascii_digit(c) || ascii_upper(c); })) {
      int changes = 0, letters = 0;
      for (std::size_t k = 0; k < x.size(); ++k) {
        letters += ascii_upper(x[k]);
        if (k > 0 && ascii_digit(x[k]) != ascii_digit(x[k - 1])) ++changes;
      }
      if (changes >= 3 && letters >= 3) {
        out_.add(K::identity_card_number, t.start, t.end);
        return true;
      }
    }
    return false;
  }

  // "carte de M. Dimitrov", "carte de Mme X": a card said to be a person's is an identity
  // document (a bank card is "carte bancaire", a residence permit "carte de séjour").
  bool holder_follows(std::size_t i) const {
    if (!(is(i + 1, "de") || is(i + 1, "d"))) return false;
    std::size_t k = i + 2;
    if (punct(k, "'")) ++k;
    return k < t_.size() && t_[k].word && t_[k].capitalised && lexicon::is_title(t_[k].folded);
  }

  void documents(std::size_t i) {
    const auto& t = t_[i];
    if (t.word && t.has_digit && t.has_letter && t.text.size() == 9) {
      // Pattern alone: French passport 12AB34567, or a letter and eight digits (A12345678).
      auto x = t.text;
      bool fr = ascii_digit(x[0]) && ascii_digit(x[1]) && ascii_upper(x[2]) && ascii_upper(x[3]) &&
                std::all_of(x.begin() + 4, x.end(), ascii_digit);
      bool letter8 = ascii_upper(x[0]) && std::all_of(x.begin() + 1, x.end(), ascii_digit);
      if (fr || letter8) out_.add(K::passport_number, t.start, t.end);
    }
    if (!t.word) return;
    // Spain's foreigner number (NIE): X, Y or Z, seven digits, a control letter.
    if (t.text.size() == 9 && (t.text[0] == 'X' || t.text[0] == 'Y' || t.text[0] == 'Z') &&
        std::all_of(t.text.begin() + 1, t.text.begin() + 8, ascii_digit) &&
        ascii_upper(t.text[8])) {
      out_.add(K::residence_permit_number, t.start, t.end);
      return;
    }
    if (document_shape(i)) return;
    K kind;
    if (lexicon::is_passport_cue(t.folded))
      kind = K::passport_number;
    else if (lexicon::is_identity_card_cue(t.folded))
      kind = K::identity_card_number;
    else if (lexicon::is_residence_permit_cue(t.folded))
      kind = K::residence_permit_number;
    else if (lexicon::is_nir_cue(t.folded) && t.folded != "ss")
      kind = K::social_security_number;
    else if (t.text == "CI" || t.text == "NINA")  // "CI roumaine série RX 482915", Mali's NINA
      kind = K::identity_card_number;
    else if (t.text == "RG" && dotted_number(i + 1) != 0)  // Brazil's RG, not a court's roll
      kind = K::identity_card_number;
    else if (t.folded == "carte" && holder_follows(i))
      kind = K::identity_card_number;  // "la carte de M. Ivaylo Dimitrov, n° 645123987"
    else if (t.folded == "titre" && i + 1 < t_.size() &&
             (is(i + 1, "saisonnier") || is(i + 1, "etudiant") || is(i + 1, "pluriannuel") ||
              is(i + 1, "talent") || is(i + 1, "vpf")))
      kind = K::residence_permit_number;  // "titre saisonnier (carte n° FR0947213)"
    else
      return;
    // "Passeport gardé par le patron (n° EA4817263…)": a passport's number comes further.
    const std::size_t reach = t.folded == "carte" ? 13 : 9;
    bool phone_cue = false;
    for (std::size_t k = i + 1; k < t_.size() && k <= i + reach; ++k) {
      // A full stop ends the search, unless it ends an abbreviation: "nr.", "no.", "num.".
      if (!t_[k].word && t_[k].text == "." &&
          !(k > 0 && t_[k - 1].word &&
            (t_[k - 1].folded == "nr" || t_[k - 1].folded == "no" || t_[k - 1].folded == "n" ||
             t_[k - 1].folded == "num" || t_[k - 1].folded == "nb" || t_[k - 1].folded == "nro" ||
             lexicon::is_title(t_[k - 1].folded) ||
             // "Passeport bangladais de Mr R. : BX0123456": a holder's initial.
             (t_[k - 1].text.size() == 1 && ascii_upper(t_[k - 1].text[0])))))
        return;
      // "récépissé reçu, la rappeler au 06…": a phone's own cue comes between, and a number
      // of digits alone after it is the phone ("photo du passeport sur son tel : B9218374"
      // still reads the passport).
      if (t_[k].word &&
          (t_[k].folded == "tel" || t_[k].folded == "telephone" || t_[k].folded == "portable" ||
           t_[k].folded == "rappeler" || t_[k].folded == "joindre" || t_[k].folded == "whatsapp" ||
           t_[k].folded == "appeler" || t_[k].folded == "joignable"))
        phone_cue = true;
      if (phone_cue && t_[k].word && t_[k].has_digit && !t_[k].has_letter) return;
      if (!t_[k].word && t_[k].text == ";") return;
      // A nearer cue of another kind decides: "Pièce d'identité : passeport ghanéen G2845571".
      if (t_[k].word &&
          ((lexicon::is_passport_cue(t_[k].folded) && kind != K::passport_number) ||
           (lexicon::is_identity_card_cue(t_[k].folded) && kind != K::identity_card_number) ||
           (lexicon::is_residence_permit_cue(t_[k].folded) && kind != K::residence_permit_number)))
        return;
      // Groups of digits joined by dots, a check digit after a hyphen: the Brazilian RG
      // "45.812.337-9", the Chilean RUT "12.345.678-5".
      if (std::size_t e = dotted_number(k); e != 0) {
        out_.add(kind, t_[k].start, t_[e].end);
        return;
      }
      if (document_number(k)) {
        // Numbers split by spaces ("12 34 56 78 90") belong together; a series of one or two
        // capitals before the number is part of it ("RX 482915").
        std::size_t first = k;
        if (k > i + 1 && t_[k - 1].word && t_[k - 1].all_caps && t_[k - 1].text.size() <= 2 &&
            t_[k].start - t_[k - 1].end == 1)
          first = k - 1;
        std::size_t last = k;
        while (last + 1 < t_.size() && t_[last + 1].word && t_[last + 1].has_digit &&
               !t_[last + 1].has_letter && t_[last + 1].start - t_[last].end == 1 &&
               s_[t_[last].end] == ' ')
          ++last;
        out_.add(kind, t_[first].start, t_[last].end);
        // "passeports … : LA8829031, LA9014476, LB0022815": a list of numbers after one cue.
        for (std::size_t n = last + 1; n + 1 < t_.size();) {
          if (!(punct(n, ",") || is(n, "et") || is(n, "and"))) break;
          if (!document_number(n + 1) || t_[n + 1].text.size() != t_[k].text.size()) break;
          out_.add(kind, t_[n + 1].start, t_[n + 1].end);
          n += 2;
        }
        // "Carte eID belge n° 592-4830172-39 de Kujtim": the holder named after the number.
        if (is(last + 1, "de") && name_word(last + 2) && !common_word(last + 2) &&
            !lexicon::is_place(t_[last + 2].folded))
          add_name(last + 2, extend_name(last + 2));
        return;
      }
      // Spaced digits: "titre de séjour 75 01 23 45 67" (one space between groups: a tab
      // parts a table's cells; and the year of a date "12/07/1995" starts no number).
      if (t_[k].word && !t_[k].has_letter && t_[k].has_digit &&
          !(punct(k - 1, "/") || (punct(k - 1, ".") && k >= 2 && t_[k - 2].has_digit))) {
        std::size_t last = k, total = t_[k].text.size();
        while (last + 1 < t_.size() && t_[last + 1].word && t_[last + 1].has_digit &&
               !t_[last + 1].has_letter && t_[last + 1].start - t_[last].end == 1 &&
               s_[t_[last].end] == ' ') {
          ++last;
          total += t_[last].text.size();
        }
        if (last > k && total >= 8) {
          out_.add(kind, t_[k].start, t_[last].end);
          return;
        }
      }
    }
  }

  // Upper-case letters and digits in groups of at most 4, hyphens between ("B-123-ABC").
  bool plate_part(std::size_t k) const {
    if (k >= t_.size() || !t_[k].word) return false;
    // Lower case is allowed ("ab 213 kl"), but prose is not a plate: "plaque de la 206".
    const auto& f = t_[k].folded;
    if (!t_[k].all_caps && t_[k].has_letter &&
        (lexicon::is_determiner(f) || f == "a" || f == "au" || f == "en" || f == "et" ||
         f == "ou" || f == "est" || f == "sur" || f == "n" || f == "no"))
      return false;
    // Lower case or capitals, not both: "Maroc" is a word.
    bool lower = false, upper = false;
    for (char c : t_[k].text) {
      lower |= c >= 'a' && c <= 'z';
      upper |= ascii_upper(c);
    }
    if (lower && upper) return false;
    // Groups of at most 4 letters or digits, or 5 digits (Moroccan "48213-A-6", Polish
    // "DW 4K221").
    std::size_t group = 0, group_digits = 0;
    for (char c : t_[k].text) {
      if (c == '-') {
        group = group_digits = 0;
        continue;
      }
      if (!(ascii_digit(c) || ascii_upper(c) || (c >= 'a' && c <= 'z'))) return false;
      ++group;
      group_digits += ascii_digit(c);
      if (group > 5 || (group == 5 && group_digits < 4)) return false;
    }
    return true;
  }

  void plates(std::size_t i) {
    const auto& t = t_[i];
    if (t.word) {
      // AB-123-CD (joined by the tokenizer), or AB 123 CD.
      auto x = t.text;
      auto letters2 = [](std::string_view v) {
        return v.size() == 2 && ascii_upper(v[0]) && ascii_upper(v[1]);
      };
      // Written in lower case, only the hyphenated form is distinctive enough: "fg-418-zr".
      auto lower2 = [](std::string_view v) {
        return v.size() == 2 && v[0] >= 'a' && v[0] <= 'z' && v[1] >= 'a' && v[1] <= 'z';
      };
      if (x.size() == 9 && x[2] == '-' && x[6] == '-' && lower2(x.substr(0, 2)) &&
          std::all_of(x.begin() + 3, x.begin() + 6, ascii_digit) && lower2(x.substr(7, 2))) {
        out_.add(K::vehicle_plate, t.start, t.end);
        return;
      }
      auto digits3 = [](std::string_view v) {
        return v.size() == 3 && std::all_of(v.begin(), v.end(), ascii_digit);
      };
      if (x.size() == 9 && x[2] == '-' && x[6] == '-' && letters2(x.substr(0, 2)) &&
          digits3(x.substr(3, 3)) && letters2(x.substr(7, 2))) {
        out_.add(K::vehicle_plate, t.start, t.end);
        return;
      }
      if (letters2(x) && i + 2 < t_.size() && digits3(t_[i + 1].text) && letters2(t_[i + 2].text) &&
          t_[i + 1].start - t.end == 1 && t_[i + 2].start - t_[i + 1].end == 1) {
        out_.add(K::vehicle_plate, t.start, t_[i + 2].end);
        return;
      }
      // Joined, as the Italian and the French SIV write it without signs: "BZ123QD".
      // Not a reference: "commande n° AB123CD", "réf. AB123CD".
      const bool reference = i > 0 && (punct(i - 1, "\xC2\xB0") || is(i - 1, "ref") ||
                                       is(i - 1, "n") || is(i - 1, "no") || punct(i - 1, "#") ||
                                       (punct(i - 1, ".") && i > 1 && is(i - 2, "ref")));
      if (x.size() == 7 && !reference && letters2(x.substr(0, 2)) && digits3(x.substr(2, 3)) &&
          letters2(x.substr(5, 2))) {
        out_.add(K::vehicle_plate, t.start, t.end);
        return;
      }
      // One space: a tab parts a table's cells ("2024\tASE 93" is two cells).
      auto spaced = [&](std::size_t k) {
        return t_[k + 1].start - t_[k].end == 1 && s_[t_[k].end] == ' ';
      };
      auto caps_n = [](std::string_view v, std::size_t lo, std::size_t hi) {
        return v.size() >= lo && v.size() <= hi && std::all_of(v.begin(), v.end(), ascii_upper);
      };
      auto digits_n = [](std::string_view v, std::size_t lo, std::size_t hi) {
        return v.size() >= lo && v.size() <= hi && std::all_of(v.begin(), v.end(), ascii_digit);
      };
      // Bulgarian (and Balkan) plates: one or two letters, four digits, two letters: "CA 4172 KP".
      if (caps_n(x, 1, 2) && i + 2 < t_.size() && spaced(i) && spaced(i + 1) &&
          digits_n(t_[i + 1].text, 4, 4) && caps_n(t_[i + 2].text, 2, 2) &&
          !(i + 3 < t_.size() && t_[i + 3].word && (t_[i + 3].has_digit || t_[i + 3].all_caps) &&
            t_[i + 3].start - t_[i + 2].end == 1)) {
        out_.add(K::vehicle_plate, t.start, t_[i + 2].end);
        return;
      }
      // The old French FNI plate: digits, two or three letters, the département: "1234 AB 93".
      if (digits_n(x, 2, 4) && i + 2 < t_.size() && spaced(i) && spaced(i + 1) &&
          caps_n(t_[i + 1].text, 2, 3) && !lexicon::is_month(t_[i + 1].folded) &&
          (digits_n(t_[i + 2].text, 2, 2) || t_[i + 2].text == "2A" || t_[i + 2].text == "2B") &&
          !(i + 3 < t_.size() && t_[i + 3].word && t_[i + 3].has_digit &&
            t_[i + 3].start - t_[i + 2].end == 1)) {
        static const char* kUnits[] = {"EUR", "KM",  "CV", "HT", "TTC", "KG", "MB", "GB", "RN",
                                       "RD",  "ANS", "AN", "MN", "MIN", "H",  "CM", "MM", "KW"};
        bool unit = false;
        for (const char* u : kUnits) unit |= t_[i + 1].text == u;
        if (!unit) {
          out_.add(K::vehicle_plate, t.start, t_[i + 2].end);
          return;
        }
      }
    }
    if (t.word && vehicle_before(i) && !(i > 0 && t_[i - 1].word && t_[i - 1].has_digit)) {
      // "Bus polonais WA 48213", "UK plate LN19 XKP", "Audi A4 grise B 482 KLV": after a
      // vehicle, capitals and digits in two or three groups.
      std::size_t last = i, letters = 0, digits = 0, groups = 0;
      for (std::size_t k = i; k < t_.size() && k < i + 3; ++k) {
        if (!t_[k].word || (k > i && t_[k].start - t_[k - 1].end != 1)) break;
        const auto x = t_[k].text;
        bool ok = x.size() <= 5;
        for (char c : x) ok &= ascii_digit(c) || ascii_upper(c) || c == '-';
        if (!ok) break;
        for (char c : x) letters += ascii_upper(c), digits += ascii_digit(c);
        last = k;
        ++groups;
      }
      if (groups >= 2 && letters >= 1 && digits >= 2 && letters + digits >= 5 && t_[i].has_letter) {
        out_.add(K::vehicle_plate, t.start, t_[last].end);
        return;
      }
    }
    if (!t.word || !lexicon::is_plate_cue(t.folded)) return;
    for (std::size_t k = i + 1; k < t_.size() && k <= i + 5; ++k) {
      // "immatriculé (NIR 1 90 …)": registered with the health insurance, not a vehicle.
      if (t_[k].word && lexicon::is_nir_cue(t_[k].folded)) return;
      if (!plate_part(k)) continue;
      std::size_t last = k, chars = t_[k].text.size();
      bool digit = t_[k].has_digit, letter = t_[k].has_letter;
      while (last + 1 < t_.size() && (plate_part(last + 1) || punct(last + 1, "-")) &&
             t_[last + 1].start - t_[last].end <= 1) {
        ++last;
        chars += t_[last].text.size();
        digit |= t_[last].has_digit;
        letter |= t_[last].has_letter;
      }
      if (chars >= 5 && digit && letter) {
        out_.add(K::vehicle_plate, t_[k].start, t_[last].end);
        return;
      }
    }
  }

  void social_cues(std::size_t i) {
    const auto& t = t_[i];
    if (!t.word || !lexicon::is_social_cue(t.folded)) return;
    // "sur Facebook sous Mimi Ngono Officiel": a display name after "sous" (le nom de).
    if (std::size_t k = i + 1; is(k, "sous")) {
      ++k;
      if (is(k, "le") && is(k + 1, "nom")) k += 2;
      if (is(k, "de") || is(k, "d")) ++k;
      if (punct(k, "'")) ++k;
      if (punct(k, "\"") || punct(k, "\xC2\xAB")) ++k;
      std::size_t last = k;
      while (last < t_.size() && t_[last].word && t_[last].capitalised && last < k + 4 &&
             (last == k || t_[last].start - t_[last - 1].end <= 1))
        ++last;
      if (last > k && name_word(k)) {
        out_.add(K::social_handle, t_[k].start, t_[last - 1].end);
        return;
      }
    }
    // "sur snap sous le nom de sweetyjoy2004": a marked handle a few words further.
    for (std::size_t k = i + 1; k < t_.size() && k <= i + 6; ++k) {
      if (!t_[k].word && (t_[k].text == "." || t_[k].text == ";")) break;
      if (t_[k].word && t_[k].has_digit && t_[k].has_letter && t_[k].text.size() >= 5 &&
          std::all_of(t_[k].text.begin(), t_[k].text.end(),
                      [](char c) { return ascii_alnum(c) || c == '_'; })) {
        out_.add(K::social_handle, t_[k].start, t_[k].end);
        return;
      }
    }
    std::size_t p = t.end;
    while (p < s_.size() && (s_[p] == ' ' || s_[p] == ':')) ++p;
    // A handle in quotes: 'lovely.ada', "lovely.ada", « lovely.ada ».
    if (p < s_.size() && (s_[p] == '\'' || s_[p] == '"')) ++p;
    if (s_.substr(p, 2) == "\xC2\xAB") p += 2;
    while (p < s_.size() && s_[p] == ' ') ++p;
    // "son pseudo est princessbenin", "son insta c'est joy_bby2", "pseudo = bella": the word
    // after the copula is the handle, as after a colon.
    bool copula = false;
    for (std::string_view cop : {"c'est ",
                                 "c\xE2\x80\x99"
                                 "est ",
                                 "est ", "= ", "etait ", "\xC3\xA9tait "}) {
      if (s_.substr(p, cop.size()) == cop) {
        p += cop.size();
        copula = true;
        break;
      }
    }
    while (p < s_.size() && s_[p] == ' ') ++p;
    if (p < s_.size() && s_[p] == '@') return;  // found by the @handle scan
    if (p < s_.size() && s_[p] == '.') return;  // "facebook.com/…": a link, found as one
    std::size_t e = p;
    while (e < s_.size() && (ascii_alnum(s_[e]) || s_[e] == '_' || s_[e] == '.')) ++e;
    while (e > p && s_[e - 1] == '.') --e;
    if (e - p < 3) return;
    if (e < s_.size() && static_cast<unsigned char>(s_[e]) >= 0x80) return;  // a French word
    std::string cand = lexicon::fold(s_.substr(p, e - p));
    static const char* kNotHandles[] = {
        "compte",      "profil",    "supprime",  "ferme",  "bloque",  "inconnu",   "non",
        "aucun",       "pas",       "via",       "et",     "elle",    "il",        "son",
        "sa",          "ses",       "les",       "des",    "une",     "un",        "le",
        "la",          "avec",      "pour",      "par",    "sur",     "dans",      "qui",
        "que",         "messenger", "puis",      "ou",     "mais",    "aussi",     "toujours",
        "actif",       "active",    "public",    "prive",  "privee",  "desactive", "encore",
        "introuvable", "faux",      "vide",      "en",     "tres",    "plus",      "souvent",
        "utilise",     "connu",     "suivi",     "suivie", "bloquee", "fermee",    "supprimee",
        "mon",         "ton",       "ma",        "mes",    "leur",    "au",        "celui",
        "celle",       "le",        "surveille", "ouvert"};
    for (const char* w : kNotHandles)
      if (cand == w) return;
    bool marked = cand.find_first_of("0123456789_.") != std::string::npos;
    if (!marked && (lexicon::is_not_a_name(cand) || lexicon::is_determiner(cand))) return;
    if (!marked &&
        std::all_of(cand.begin(), cand.end(),
                    [](char c) { return std::islower(static_cast<unsigned char>(c)); }) &&
        p > 0 && s_[p - 1] != ':' && !copula)
      return;  // "sur instagram puis" : plain prose, no handle
    out_.add(K::social_handle, p, e);
  }

  std::string_view s_;
  const std::vector<Token>& t_;
  Collector& out_;
  bool caps_text_ = false;
  bool english_text_ = false;     // English capitalises titles and products: "Trusted Partner"
  std::vector<bool> person_tok_;  // tokens that open a name found by add_name
  std::vector<signed char> lcn_;  // cache of lowercase_name(): -1 not yet computed
};

// ---- names in other scripts ------------------------------------------------------------

// Cyrillic letters (U+0400–U+04FF): upper case is U+0400–U+042F (D0 80–D0 AF in UTF-8).
bool cyrillic_lead(unsigned char c) {
  return c >= 0xD0 && c <= 0xD3;
}
bool cyrillic_upper(std::string_view s, std::size_t i) {
  return i + 1 < s.size() && static_cast<unsigned char>(s[i]) == 0xD0 &&
         static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
         static_cast<unsigned char>(s[i + 1]) <= 0xAF;
}
bool cyrillic_letter(std::string_view s, std::size_t i) {
  return i + 1 < s.size() && cyrillic_lead(static_cast<unsigned char>(s[i])) &&
         (static_cast<unsigned char>(s[i + 1]) & 0xC0) == 0x80;
}
// CJK unified ideographs U+4E00–U+9FFF: three bytes, lead E4–E9.
bool cjk_at(std::string_view s, std::size_t i) {
  return i + 2 < s.size() && static_cast<unsigned char>(s[i]) >= 0xE4 &&
         static_cast<unsigned char>(s[i]) <= 0xE9;
}

// The length of the letter of Arabic, Hebrew, an Indic script, Thai or Hangul at i (Persian's
// zero-width non-joiner and Arabic's tatweel included), or 0.
std::size_t other_script_letter(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  const auto c = static_cast<unsigned char>(s[i]);
  const auto d = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
  if ((c >= 0xD8 && c <= 0xDB) || (c == 0xD7 && d >= 0x90) || (c == 0xD6 && d >= 0x90))
    return i + 1 < s.size() ? 2 : 0;
  if (i + 2 >= s.size()) return 0;
  if (c == 0xE0 && d >= 0xA4 && d <= 0xBB) return 3;  // Devanagari … Lao
  if (c == 0xE2 && d == 0x80 && static_cast<unsigned char>(s[i + 2]) == 0x8C) return 3;  // ZWNJ
  if ((c == 0xEA && d >= 0xB0) || (c >= 0xEB && c <= 0xEC) || (c == 0xED && d <= 0x9E))
    return 3;  // Hangul syllables
  return 0;
}

// A French note writes few words in Cyrillic: two or more capitalised Cyrillic words in a row
// ("Десислава Ангелова") are a person's name far more often than anything else. Chinese
// characters: a run of two to four ideographs in brackets right after a name found
// ("Mme Li Mei (李梅)"), or right after a title or a naming cue ("Mme 李梅", "s'appelle 王芳").
void find_other_scripts(std::string_view s, Collector& out) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0xC0) {
      ++i;
      continue;
    }
    if (cyrillic_upper(s, i)) {
      // Words: an upper-case letter and at least one lower-case one, spaces between.
      std::size_t start = i, k = i, words = 0, end = i;
      while (k < s.size() && cyrillic_upper(s, k)) {
        std::size_t w = k + 2, lower = 0;
        while (cyrillic_letter(s, w) && !cyrillic_upper(s, w)) w += 2, ++lower;
        if (lower == 0 || (w < s.size() && (cyrillic_letter(s, w) || ascii_alnum(s[w])))) break;
        ++words;
        end = w;
        if (w < s.size() && s[w] == ' ')
          k = w + 1;
        else
          break;
      }
      if (words >= 2 && boundary_before(s, start)) out.add(K::person_name, start, end);
      // One word: "contact Виктор +359 88…", a name before a phone number or after "contact".
      if (words == 1 && boundary_before(s, start)) {
        std::size_t a = end;
        while (a < s.size() && (s[a] == ' ' || s[a] == ':')) ++a;
        const bool phone_after = a < s.size() && (s[a] == '+' || ascii_digit(s[a]));
        auto before = lexicon::fold(s.substr(start > 24 ? start - 24 : 0, start > 24 ? 24 : start));
        while (!before.empty() && (before.back() == ' ' || before.back() == ':')) before.pop_back();
        const bool cue = before.ends_with("contact") || before.ends_with("appelle") ||
                         before.ends_with("nomme") || before.ends_with("nommee") ||
                         before.ends_with("dit") || before.ends_with("dite") ||
                         before.ends_with("comme");
        // "Оксана demande qu'on l'aide": opening a sentence of a note in Latin letters.
        const bool opens =
            (start == 0 || before.empty() || before.back() == '.' || s[start - 1] == '\n') &&
            end + 1 < s.size() && s[end] == ' ' && s[end + 1] >= 'a' && s[end + 1] <= 'z';
        if (phone_after || cue || opens) out.add(K::person_name, start, end);
      }
      i = end > i ? end : i + 2;
      continue;
    }
    // Ge'ez script (Amharic, Tigrinya): in a note in Latin letters, a word or two of it are a
    // name ("son frère ሰለሞን (Selemon)"); a longer run is a quotation.
    if (c == 0xE1 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x88 &&
        static_cast<unsigned char>(s[i + 1]) <= 0x8D) {
      auto ethiopic = [&](std::size_t k) {
        return k + 2 < s.size() + 0 && static_cast<unsigned char>(s[k]) == 0xE1 &&
               static_cast<unsigned char>(s[k + 1]) >= 0x88 &&
               static_cast<unsigned char>(s[k + 1]) <= 0x8D;
      };
      std::size_t e = i, words = 0, letters = 0;
      while (ethiopic(e)) {
        while (ethiopic(e)) e += 3, ++letters;
        ++words;
        if (e + 1 < s.size() && s[e] == ' ' && ethiopic(e + 1))
          ++e;
        else
          break;
      }
      if (words <= 2 && letters >= 2) out.add(K::person_name, i, e);
      i = e;
      continue;
    }
    // Arabic and Persian, Hebrew, the scripts of India and Sri Lanka, Thai, Korean: in a note
    // in Latin letters a run of two to four words of them is a name ("Arabe : فاطمة الزهراء
    // الإدريسي", "ਗੁਰਪ੍ਰੀਤ ਸਿੰਘ"), and so is one word given after a colon or in brackets
    // ("Tamoul : தர்ஷன்"); five words or more are a quotation.
    if (const auto w = other_script_letter(s, i); w > 0) {
      std::size_t e = i, words = 0;
      while (true) {
        while (const auto n = other_script_letter(s, e)) e += n;
        ++words;
        std::size_t g = e;
        while (g < s.size() && s[g] == ' ') ++g;
        if (g > e && g - e <= 2 && other_script_letter(s, g) > 0)
          e = g;
        else
          break;
      }
      bool name = words >= 2 && words <= 4;
      if (words == 1 && e - i >= 4) {
        std::size_t b = i;
        while (b > 0 && s[b - 1] == ' ') --b;
        name = b > 0 && (s[b - 1] == ':' || s[b - 1] == '(');
      }
      if (name) out.add(K::person_name, i, e);
      i = e;
      continue;
    }
    if (cjk_at(s, i)) {
      std::size_t e = i, n = 0;
      while (cjk_at(s, e)) e += 3, ++n;
      // A run standing alone (a longer Chinese text is not a name).
      if (n >= 2 && n <= 4 && (i < 3 || !cjk_at(s, i - 3))) {
        std::size_t b = i;
        while (b > 0 && s[b - 1] == ' ') --b;
        bool bracket = false;
        if (b > 0 && s[b - 1] == '(')
          bracket = true, --b;
        else if (b >= 3 && s.substr(b - 3, 3) == "\xEF\xBC\x88")
          bracket = true, b -= 3;  // （
        while (b > 0 && s[b - 1] == ' ') --b;
        // "(阿美, le diminutif)" after a capitalised word, "CHEN Meiling 陈美玲" right after a
        // name found.
        bool name = b > 0 && out.covered(b - 1, b);
        if (bracket && !name && b > 0 && std::isalpha(static_cast<unsigned char>(s[b - 1]))) {
          std::size_t w = b;
          while (w > 0 && (std::isalnum(static_cast<unsigned char>(s[w - 1])) || s[w - 1] == '-'))
            --w;
          name = ascii_upper(s[w]);
        }
        if (!name) {
          std::size_t from = b > 30 ? b - 30 : 0;
          auto before = lexicon::fold(s.substr(from, b - from));
          while (!before.empty() &&
                 (before.back() == ' ' || before.back() == ':' || before.back() == ','))
            before.pop_back();
          // "La patronne, 陈丽华, garde son passeport": a relation in apposition too.
          for (std::string_view cue :
               {"mme",       "m.",       "madame",    "monsieur",   "mlle",         "mr",
                "appelle",   "appelait", "nom",       "prenom",     "nommee",       "nomme",
                "prenommee", "dite",     "alias",     "surnommee",  "patronne",     "patron",
                "gerante",   "gerant",   "boss",      "mere",       "soeur",        "frere",
                "mari",      "epouse",   "employeur", "employeuse", "proprietaire", "cousine",
                "cousin",    "tante",    "oncle",     "contact",    "recruteur",    "recruteuse",
                "passeur"})
            if (before.ends_with(cue) &&
                (before.size() == cue.size() ||
                 !std::isalpha(static_cast<unsigned char>(before[before.size() - cue.size() - 1]))))
              name = true;
        }
        // "nom chinois 王小梅", "nom sur le passeport 陈志强": the word "nom" shortly before.
        if (!name) {
          const std::size_t from = b > 30 ? b - 30 : 0;
          const auto near = lexicon::fold(s.substr(from, b - from));
          const auto at = near.rfind("nom");
          name = at != std::string::npos &&
                 (at == 0 || !std::isalpha(static_cast<unsigned char>(near[at - 1]))) &&
                 (at + 3 == near.size() || !std::isalpha(static_cast<unsigned char>(near[at + 3])));
        }
        if (name) out.add(K::person_name, i, e);
      }
      i = e;
      continue;
    }
    ++i;
  }
}

// ---- held out 3's classes (issue 13i) --------------------------------------------------

// An address in Chinese characters: a run of characters that names a division (省 province,
// 市 city, 县 county, 镇 town, 村 village, 路 road, 街 street) and ends on a house number
// (digits then 号): "…镇上沙村25号".
void find_chinese_addresses(std::string_view s, Collector& out) {
  static constexpr std::string_view kHao = "\xE5\x8F\xB7";  // 号
  static constexpr std::string_view kDivisions[] = {"\xE7\x9C\x81", "\xE5\xB8\x82", "\xE5\x8E\xBF",
                                                    "\xE9\x95\x87", "\xE6\x9D\x91", "\xE8\xB7\xAF",
                                                    "\xE8\xA1\x97"};
  for (auto at = s.find(kHao); at != std::string_view::npos; at = s.find(kHao, at + 3)) {
    std::size_t b = at;
    while (b > 0 && ascii_digit(s[b - 1])) --b;
    if (b == at) continue;
    std::size_t n = 0;
    while (b >= 3 && cjk_at(s, b - 3)) b -= 3, ++n;
    if (n < 3) continue;
    bool division = false;
    for (auto d : kDivisions) {
      const auto f = s.find(d, b);
      division |= f != std::string_view::npos && f < at;
    }
    if (division) out.add(K::postal_address, b, at + 3);
  }
}

// A phone number spelled out in French words, as in a voicemail's transcript: "zéro six,
// quarante-sept, dix-huit, vingt-neuf, trente-trois", "plus quatre-zéro, sept-deux-deux…".
// It opens with "zéro" or "plus" and runs through number words (joined by hyphens into a
// group, groups parted by spaces or commas) to 9 digits or more: a tens word makes a group of
// two digits, units alone one digit each. Prose that counts ("plus deux ou trois") is short.
void find_spelled_phones(std::string_view s, Collector& out) {
  static constexpr std::string_view kUnits[] = {"zero",  "z\xC3\xA9ro", "un",   "deux",
                                                "trois", "quatre",      "cinq", "six",
                                                "sept",  "huit",        "neuf"};
  static constexpr std::string_view kTens[] = {
      "dix",   "onze",   "douze",  "treize",   "quatorze",  "quinze",   "seize",
      "vingt", "vingts", "trente", "quarante", "cinquante", "soixante", "et"};
  auto lower_word_at = [&](std::size_t i, std::size_t& e) {
    e = i;
    while (e < s.size() && (std::isalpha(static_cast<unsigned char>(s[e])) ||
                            static_cast<unsigned char>(s[e]) >= 0x80))
      ++e;
    std::string w(s.substr(i, e - i));
    for (auto& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return w;
  };
  auto kind_of = [&](const std::string& w) {
    for (auto u : kUnits)
      if (w == u) return 1;
    for (auto t : kTens)
      if (w == t) return 2;
    return 0;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = static_cast<char>(s[i] | 0x20);  // ASCII letters to lower case
    if ((c != 'z' && c != 'p') || !boundary_before(s, i)) continue;
    // Cheap test first: most words starting with p are neither "plus" nor "zéro".
    if (i + 4 > s.size()) break;
    const char c2 = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i + 1])));
    if ((c == 'p' && c2 != 'l') || (c == 'z' && c2 != 'e' && s[i + 1] != '\xC3')) continue;
    std::size_t e;
    const auto first = lower_word_at(i, e);
    if (first != "zero" && first != "z\xC3\xA9ro" && first != "plus") continue;
    int digits = 0, group_units = 0;
    bool group_tens = false;
    std::size_t j = first == "plus" ? e : i, last_end = e;
    auto close_group = [&] {
      digits += group_tens ? 2 : group_units;
      group_units = 0;
      group_tens = false;
    };
    while (j < s.size()) {
      std::size_t k = j;
      bool hyphen = false;
      while (k < s.size() && (s[k] == ' ' || s[k] == ',' || s[k] == '-')) hyphen |= s[k++] == '-';
      if (k > j && !hyphen) close_group();
      std::size_t we;
      const auto w = lower_word_at(k, we);
      const int kind = w.empty() ? 0 : kind_of(w);
      if (!kind) break;
      if (kind == 1) ++group_units;
      if (kind == 2) group_tens = true;
      last_end = we;
      j = we;
    }
    close_group();
    if (digits >= 9) {
      out.add(K::phone, i, last_end);
      i = last_end;
    }
  }
}

// Shapes of foreign documents and plates that no French text has otherwise:
// - the Pakistani CNIC, 5-7-1 digits with hyphens ("35202-4817392-5");
// - the Spanish plate since 2000, 4 digits and 3 consonants ("4821 KJM"; no vowel, so no word);
// - after "plaque"/"immatriculée" a few words before, 2–3 capitals and 4–5 digits (Polish
//   "WPR 58213", German without hyphen);
// - after an identity cue of another country (DNI, CNIE, cédula) and "n°", 8 digits.
void find_foreign_shapes(std::string_view s, Collector& out) {
  auto digits_at = [&](std::size_t i) {
    std::size_t e = i;
    while (e < s.size() && ascii_digit(s[e])) ++e;
    return e - i;
  };
  auto before_has = [&](std::size_t i, std::size_t span,
                        std::initializer_list<std::string_view> ws) {
    std::size_t from = i > span ? i - span : 0;
    auto before = lexicon::fold(s.substr(from, i - from));
    const auto stop = before.find_last_of(".;\n");
    if (stop != std::string::npos) before.erase(0, stop + 1);
    for (auto w : ws)
      if (before.find(w) != std::string::npos) return true;
    return false;
  };
  auto consonant = [](char c) {
    return c >= 'B' && c <= 'Z' && std::string_view("AEIOUQ").find(c) == std::string_view::npos;
  };
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (!boundary_before(s, i)) continue;
    if (ascii_digit(s[i])) {
      const auto n = digits_at(i);
      if (n == 5 && i + 14 < s.size() + 1 && s[i + 5] == '-' && digits_at(i + 6) == 7 &&
          s[i + 13] == '-' && digits_at(i + 14) == 1 &&
          (i + 15 == s.size() || !ascii_alnum(s[i + 15]))) {
        out.add(K::identity_card_number, i, i + 15);
        i += 14;
        continue;
      }
      if (n == 4 && i + 8 <= s.size() && s[i + 4] == ' ' && consonant(s[i + 5]) &&
          consonant(s[i + 6]) && consonant(s[i + 7]) &&
          (i + 8 == s.size() || !ascii_alnum(s[i + 8]))) {
        out.add(K::vehicle_plate, i, i + 8);
        i += 7;
        continue;
      }
      if (n == 8 && (i + 8 == s.size() || !ascii_alnum(s[i + 8])) &&
          before_has(i, 60, {"dni", "cnie", "cedula", "carte d'identite", "identity card"})) {
        out.add(K::identity_card_number, i, i + 8);
        i += 7;
        continue;
      }
      i += n ? n - 1 : 0;
      continue;
    }
    if (ascii_upper(s[i])) {
      std::size_t e = i;
      while (e < s.size() && ascii_upper(s[e])) ++e;
      const auto letters = e - i;
      if (letters >= 2 && letters <= 3 && e + 1 < s.size() && s[e] == ' ' &&
          (digits_at(e + 1) == 4 || digits_at(e + 1) == 5) &&
          (e + 1 + digits_at(e + 1) == s.size() || !ascii_alnum(s[e + 1 + digits_at(e + 1)])) &&
          before_has(i, 40, {"plaque", "immatricul"})) {
        out.add(K::vehicle_plate, i, e + 1 + digits_at(e + 1));
      }
      if (letters == 2 && digits_at(e) == 6 && (e + 6 == s.size() || !ascii_alnum(s[e + 6])) &&
          before_has(i, 40, {"cnie", "dni", "cedula", "identite"}))
        out.add(K::identity_card_number, i, e + 6);
      i = e - 1;
    }
  }
}

// A date of birth in the format of a passport's data page, after a birth cue: "Date of birth:
// 12 JUN 1995", "DOB 03 MAR 1988" (English three-letter months in capitals).
void find_id_format_births(std::string_view s, Collector& out) {
  static constexpr std::string_view kMon[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                              "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
  for (std::size_t i = 0; i + 10 < s.size(); ++i) {
    if (!ascii_digit(s[i]) || !boundary_before(s, i)) continue;
    std::size_t d = i;
    while (d < s.size() && ascii_digit(s[d])) ++d;
    if (d - i > 2 || d + 9 > s.size() || s[d] != ' ') continue;
    bool month = false;
    for (auto m : kMon) month |= s.substr(d + 1, 3) == m;
    if (!month || s[d + 4] != ' ') continue;
    const std::size_t y = d + 5;
    std::size_t ye = y;
    while (ye < s.size() && ascii_digit(s[ye])) ++ye;
    if (ye - y != 4) continue;
    std::size_t from = i > 40 ? i - 40 : 0;
    const auto before = lexicon::fold(s.substr(from, i - from));
    if (before.find("birth") != std::string::npos ||
        before.find("naissance") != std::string::npos || before.find("dob") != std::string::npos ||
        before.find("ddn") != std::string::npos || before.find("nee") != std::string::npos ||
        before.find("ne le") != std::string::npos)
      out.add(K::date_of_birth, i, ye);
  }
}

// A table pasted as text (a spreadsheet's rows with ";", tabs or "|"): a header line names
// the columns, and a cell under a column of first names, names or birth dates is one
// ("prenom;nom;…" then "Nkechi;EZE;…", "Né(e) le" then "1990-08-15"). Other columns are left
// to the other detectors.
void find_table_cells(std::string_view s, Collector& out) {
  std::size_t line_start = 0;
  // Per column: 0 other, 1 name, 2 birth, 3 identity card, 4 passport, 5 residence permit.
  std::vector<int> columns;
  char sep = 0;
  while (line_start < s.size()) {
    std::size_t line_end = s.find('\n', line_start);
    if (line_end == std::string_view::npos) line_end = s.size();
    const auto line = s.substr(line_start, line_end - line_start);
    auto count = [&](char c) {
      return static_cast<std::size_t>(std::count(line.begin(), line.end(), c));
    };
    if (!sep || count(sep) + 1 != columns.size()) {
      columns.clear();
      sep = 0;
      for (char c : {';', '\t', '|'})
        if (count(c) >= 2) {
          sep = c;
          break;
        }
      if (sep) {
        bool any = false;
        std::size_t b = 0;
        while (true) {
          std::size_t e = line.find(sep, b);
          auto f =
              lexicon::fold(line.substr(b, e == std::string_view::npos ? line.size() - b : e - b));
          while (!f.empty() && (f.front() == ' ' || f.front() == '_')) f.erase(0, 1);
          while (!f.empty() && (f.back() == ' ' || f.back() == '\r')) f.pop_back();
          int kind = 0;
          for (auto& c : f)
            if (c == '_') c = ' ';
          auto has = [&](std::string_view w) { return f.find(w) != std::string::npos; };
          if (f == "prenom" || f == "nom" || f == "name" || f == "surname" || f == "first name" ||
              f == "given names" || f == "nom complet" || f == "prenoms" || f == "nom de famille" ||
              f == "nom usage" || f == "nom d'usage" || f == "prenom d'usage" || f == "surnom" ||
              f == "alias" || f == "pseudo")
            kind = 1;
          else if (has("naissance") || f == "ddn" || f == "dn" || f == "dob" ||
                   f == "date of birth" || f.starts_with("ne(e)") || f == "ne le" ||
                   f == "nee le" || f.starts_with("date naiss"))
            kind = 2;
          else if (has("passeport") || has("passport"))
            kind = 4;
          else if (has("titre de sejour") || has("agdref") || has("etranger") || has("recepisse"))
            kind = 5;
          else if (has("identite") || f == "cni" || has("n cni") || has("piece"))
            kind = 3;
          any |= kind != 0;
          columns.push_back(kind);
          if (e == std::string_view::npos) break;
          b = e + 1;
        }
        if (!any) sep = 0;
      }
      line_start = line_end + 1;
      continue;
    }
    std::size_t b = 0, col = 0;
    while (col < columns.size()) {
      std::size_t e = line.find(sep, b);
      if (e == std::string_view::npos) e = line.size();
      std::size_t cb = b, ce = e;
      while (cb < ce && (line[cb] == ' ' || line[cb] == '\r')) ++cb;
      while (ce > cb && (line[ce - 1] == ' ' || line[ce - 1] == '\r')) --ce;
      const auto cell = line.substr(cb, ce - cb);
      const bool letter = std::any_of(cell.begin(), cell.end(), [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
      });
      const bool digit = std::any_of(cell.begin(), cell.end(), ascii_digit);
      // A cell that says no name is known: "anonyme", "inconnue", "NC", "refus".
      const auto cf = lexicon::fold(cell);
      const bool withheld = cf == "anonyme" || cf.starts_with("inconnu") || cf == "nc" ||
                            cf == "n/a" || cf == "na" || cf.starts_with("refus") ||
                            cf.starts_with("non ") || cf == "x" || cf == "xx" || cf == "?";
      static constexpr K kKinds[] = {K::person_name,     K::person_name,
                                     K::date_of_birth,   K::identity_card_number,
                                     K::passport_number, K::residence_permit_number};
      const int kind = columns[col];
      if ((kind == 1 && letter && !digit && cell.size() >= 2 && !withheld) ||
          (kind >= 2 && digit && cell.size() >= 6))
        out.add(kKinds[kind], line_start + cb, line_start + ce);
      ++col;
      if (e == line.size()) break;
      b = e + 1;
    }
    line_start = line_end + 1;
  }
}

// Public persons cited in the field's reading and press (authors, ministers, activists): their
// names are not a victim's. A short curated list, matched on the whole name only.
bool public_figure(std::string_view text) {
  static constexpr std::string_view kPublic[] = {"chimamanda ngozi adichie",
                                                 "frantz fanon",
                                                 "christiane taubira",
                                                 "simone weil",
                                                 "simone de beauvoir",
                                                 "aime cesaire",
                                                 "gisele halimi",
                                                 "robert badinter",
                                                 "nadia murad",
                                                 "denis mukwege",
                                                 "malala yousafzai",
                                                 "angela davis",
                                                 "toni morrison",
                                                 "assia djebar",
                                                 "leila slimani",
                                                 "annie ernaux",
                                                 "marlene schiappa",
                                                 "elisabeth moreno",
                                                 "aurore berge",
                                                 "eric dupond-moretti",
                                                 "gerald darmanin",
                                                 "emmanuel macron",
                                                 "nelson mandela",
                                                 "martin luther king",
                                                 "victor hugo",
                                                 "emile zola",
                                                 "olympe de gouges",
                                                 "louise michel",
                                                 "siliadin",
                                                 "rantsev",
                                                 "kofi annan",
                                                 "antonio guterres"};
  const auto f = lexicon::fold(text);
  for (auto p : kPublic)
    if (f.find(p) != std::string::npos) return true;
  return false;
}

// A handle written bare, with no "@", where the same line names a platform: "snap du
// 'manager' : kev_mgmt75", "compte TikTok au nom de bakary_jobs_france", "larissa.souza.fit :"
// under "DM Instagram reçu". Only handle shapes: an underscore between letters, or three
// lower-case parts joined by dots; never a link, an address or a file name.
void find_bare_handles(std::string_view s, Collector& out) {
  auto handle_char = [](char c) { return ascii_alnum(c) || c == '_' || c == '.'; };
  for (std::size_t i = 0; i < s.size();) {
    if (!handle_char(s[i]) || (i > 0 && (handle_char(s[i - 1]) || s[i - 1] == '@' ||
                                         s[i - 1] == '/' || s[i - 1] == ':'))) {
      ++i;
      continue;
    }
    const std::size_t b = i;
    std::size_t e = i;
    while (e < s.size() && handle_char(s[e])) ++e;
    std::size_t end = e;
    while (end > i && s[end - 1] == '.') --end;
    const auto cand = s.substr(b, end - b);
    const std::size_t next = e;
    i = e > i ? e : i + 1;
    if (cand.size() < 5 || (next < s.size() && (s[next] == '@' || s[next] == '/'))) continue;
    if (next < s.size() && static_cast<unsigned char>(s[next]) >= 0x80) continue;
    const auto underscore = cand.find('_');
    const bool joined = underscore != std::string_view::npos && underscore > 0 &&
                        std::any_of(cand.begin(), cand.end(), [](char c) {
                          return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                        });
    std::size_t dots = 0;
    bool lower = true;
    for (char c : cand) {
      dots += c == '.';
      lower &= !(c >= 'A' && c <= 'Z');
    }
    // "lila.nts44": one dot will do when a digit marks the handle.
    const bool digit = std::any_of(cand.begin(), cand.end(), ascii_digit);
    if (!joined && !((dots >= 2 || (dots == 1 && digit)) && lower &&
                     cand.find("..") == std::string_view::npos))
      continue;
    if (cand.find("www.") != std::string_view::npos) continue;
    static constexpr std::string_view kFiles[] = {".pdf", ".doc", ".docx", ".xls", ".xlsx",
                                                  ".csv", ".jpg", ".png",  ".txt", ".odt"};
    bool file = false;
    for (auto f : kFiles) file |= cand.ends_with(f);
    if (file) continue;
    // "signal_id", "date_entree", "nb_orientations": a table's column names, made of words.
    {
      const auto folded = lexicon::fold(cand);
      bool words_only = true;
      std::size_t pb = 0;
      while (pb <= folded.size() && words_only) {
        const auto pe = folded.find_first_of("_.", pb);
        const auto part = std::string_view(folded).substr(
            pb, pe == std::string::npos ? std::string::npos : pe - pb);
        words_only = part.empty() || lexicon::is_french_word(part) ||
                     lexicon::is_social_cue(part) || part == "id" || part == "ref" ||
                     part == "nb" || part == "num" || part == "code";
        if (pe == std::string::npos) break;
        pb = pe + 1;
      }
      if (words_only) continue;
    }
    // The platform on the same line, before (up to 100 bytes) or just after (40).
    const std::size_t line_b =
        s.rfind('\n', b) == std::string_view::npos ? 0 : s.rfind('\n', b) + 1;
    std::size_t from = b > 100 ? std::max(line_b, b - 100) : line_b;
    std::size_t to = std::min(s.size(), end + 40);
    const auto nl = s.find('\n', end);
    if (nl != std::string_view::npos && nl < to) to = nl;
    // A message's first line may name the platform: "DM Instagram reçu…\nlarissa.souza.fit :".
    if (line_b == b && line_b > 0) {
      const auto prev_b = s.rfind('\n', line_b - 2);
      from = prev_b == std::string_view::npos ? 0 : prev_b + 1;
    }
    const auto window = lexicon::fold(s.substr(from, to - from));
    bool platform = false;
    std::size_t w = 0;
    while (w < window.size() && !platform) {
      while (w < window.size() && !std::isalpha(static_cast<unsigned char>(window[w]))) ++w;
      std::size_t we = w;
      while (we < window.size() && std::isalpha(static_cast<unsigned char>(window[we]))) ++we;
      const auto word = std::string_view(window).substr(w, we - w);
      platform = lexicon::is_social_cue(word) || word == "dm" || word == "whatsapp";
      w = we;
    }
    if (!platform || organisation_account(s, b, end)) continue;
    out.add(K::social_handle, b, end);
  }
}

// What a scanner's OCR makes of a form: "l2/O3/2OO2", "O6 45 78 l2 9O", "FT-7O4-KB",
// "13O4l96725" (O and o read for 0, l and I for 1 among digits), and "D1ALLO", "JONA5" (1, 0
// and 5 read for I, O and S among capitals). Returns a copy with those read back, byte for
// byte so that every offset holds, or an empty string when nothing looked misread.
std::string ocr_reading(std::string_view s) {
  auto alnum = [&](std::size_t i) { return i < s.size() && ascii_alnum(s[i]); };
  auto misread_digit = [](char c) { return c == 'O' || c == 'o' || c == 'l' || c == 'I'; };
  std::string copy;
  auto write = [&](std::size_t at, char c) {
    if (copy.empty()) copy.assign(s);
    copy[at] = c;
  };
  // The runs of letters and digits, with the one sign that parts them from the run before.
  struct Run {
    std::size_t b, e;
    std::size_t digits = 0, misread = 0, upper = 0, lower = 0;
  };
  std::vector<Run> runs;
  for (std::size_t i = 0; i < s.size();) {
    if (!alnum(i) || (i > 0 && alnum(i - 1))) {
      ++i;
      continue;
    }
    Run r{i, i};
    while (alnum(r.e)) {
      const char c = s[r.e++];
      r.digits += ascii_digit(c);
      r.misread += misread_digit(c);
      r.upper += ascii_upper(c);
      r.lower += c >= 'a' && c <= 'z';
    }
    runs.push_back(r);
    i = r.e;
  }
  auto digit_group = [&](const Run& r) {
    // Digits with misread letters only, at least one real digit ("l2", "2OO2", "95l4O"), or
    // up to two capitals of a series before them ("E8472l9O3", "RX" is a run of its own).
    std::size_t lead = 0;
    while (lead < 2 && r.b + lead < r.e && ascii_upper(s[r.b + lead]) &&
           !misread_digit(s[r.b + lead]))
      ++lead;
    if (r.digits == 0) return false;
    for (std::size_t k = r.b + lead; k < r.e; ++k)
      if (!ascii_digit(s[k]) && !misread_digit(s[k])) return false;
    return r.misread > 0 && r.digits + r.misread + lead == r.e - r.b &&
           (lead == 0 || r.digits >= 3);
  };
  auto joined = [&](const Run& a, const Run& b) {  // "3O/Ol", "O6 45", "FT-7O4"
    return b.b == a.e + 1 && std::string_view("/.- ").find(s[a.e]) != std::string_view::npos;
  };
  for (std::size_t r = 0; r < runs.size(); ++r) {
    const auto& run = runs[r];
    bool digits = digit_group(run);
    // "Ol" between two groups of a date: misread letters only, beside a group of digits.
    if (!digits && run.digits == 0 && run.e - run.b <= 2 && run.misread == run.e - run.b) {
      const bool before =
          r > 0 && joined(runs[r - 1], run) &&
          (runs[r - 1].digits > 0 && runs[r - 1].upper + runs[r - 1].lower <= runs[r - 1].misread);
      const bool after =
          r + 1 < runs.size() && joined(run, runs[r + 1]) &&
          (runs[r + 1].digits > 0 && runs[r + 1].upper + runs[r + 1].lower <= runs[r + 1].misread);
      digits = before && after;
    }
    if (digits) {
      for (std::size_t k = run.b; k < run.e; ++k) {
        const char c = s[k];
        if (c == 'O' || c == 'o') write(k, '0');
        if (c == 'l' || c == 'I') {
          // "E8472l9O3": the series' capitals stay letters; only those among digits change.
          const bool among = (k > run.b && (ascii_digit(s[k - 1]) || misread_digit(s[k - 1]))) ||
                             (k + 1 < run.e && ascii_digit(s[k + 1]));
          if (among || k == run.b) write(k, '1');
        }
      }
      continue;
    }
    // Capitals with one or two digits read for letters: "D1ALLO", "JONA5", "AUT0RISATI0N".
    const std::size_t len = run.e - run.b;
    if (len >= 4 && run.lower == 0 && run.digits >= 1 && run.digits <= 2 &&
        run.upper + 1 >= len - 1 && run.upper >= 3) {
      bool letters_only = true;
      for (std::size_t k = run.b; k < run.e; ++k)
        if (ascii_digit(s[k]) && s[k] != '0' && s[k] != '1' && s[k] != '5') letters_only = false;
      if (!letters_only) continue;
      for (std::size_t k = run.b; k < run.e; ++k) {
        if (s[k] == '0') write(k, 'O');
        if (s[k] == '1') write(k, 'I');
        if (s[k] == '5') write(k, 'S');
      }
    }
  }
  return copy;
}

}  // namespace

// "身份证 330326199203145528", "护照号：E71839204": the Chinese words for the identity card
// and the passport, then the number.
void find_chinese_document_cues(std::string_view s, Collector& out) {
  static constexpr std::pair<std::string_view, K> kCues[] = {
      {"\xE8\xBA\xAB\xE4\xBB\xBD\xE8\xAF\x81", K::identity_card_number},  // 身份证
      {"\xE6\x8A\xA4\xE7\x85\xA7", K::passport_number}};                  // 护照
  for (const auto& [cue, kind] : kCues)
    for (auto at = s.find(cue); at != std::string_view::npos; at = s.find(cue, at + 1)) {
      std::size_t p = at + cue.size();
      for (int skip = 0; skip < 4 && p < s.size(); ++skip) {
        if (s.substr(p, 3) == "\xE5\x8F\xB7" || s.substr(p, 3) == "\xEF\xBC\x9A" ||
            s.substr(p, 3) == "\xE7\xA0\x81")
          p += 3;  // 号, ：, 码
        else if (s[p] == ' ' || s[p] == ':')
          ++p;
      }
      std::size_t e = p;
      while (e < s.size() && (ascii_digit(s[e]) || ascii_upper(s[e]))) ++e;
      if (e - p >= 8 && std::any_of(s.begin() + p, s.begin() + e, ascii_digit)) out.add(kind, p, e);
    }
}

std::vector<Finding> find_identifiers(std::string_view text) {
  Collector out(text);
  find_emails_and_handles(text, out);
  find_obfuscated_emails(text, out);
  find_links(text, out);
  find_ibans(text, out);
  find_coordinates(text, out);
  find_number_runs(text, out);
  auto tokens = tokenize(text);
  TokenScan(text, tokens, out).run();
  find_other_scripts(text, out);
  find_spelled_phones(text, out);
  find_chinese_addresses(text, out);
  find_chinese_document_cues(text, out);
  find_foreign_shapes(text, out);
  find_id_format_births(text, out);
  find_table_cells(text, out);
  find_bare_handles(text, out);
  // A form read by OCR is scanned once more as it was meant: the copy has the same offsets.
  if (const auto reading = ocr_reading(text); !reading.empty()) {
    find_number_runs(reading, out);
    auto read_tokens = tokenize(reading);
    TokenScan(reading, read_tokens, out).run();
    find_id_format_births(reading, out);
    find_table_cells(reading, out);
  }
  auto found = out.finish();
  std::erase_if(found,
                [](const Finding& f) { return f.kind == K::person_name && public_figure(f.text); });
  return found;
}

}  // namespace vigie::privacy
