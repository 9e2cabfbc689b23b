#include "kit/territory.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>

namespace vigie::kit {

extern const char* const kTaxonomiesJson;

namespace {

struct Geography {
  std::vector<Territory> all;
  std::map<std::string, std::size_t, std::less<>> by_code;
};

const Geography& geography() {
  static const Geography g = [] {
    Geography out;
    const auto doc = boost::json::parse(kTaxonomiesJson).as_object();
    const auto& geo = doc.at("geography").as_object();
    auto text = [](const boost::json::object& o, const char* k) {
      const auto* v = o.if_contains(k);
      return v && v->is_string() ? std::string(v->as_string()) : std::string();
    };
    for (const auto& r : geo.at("regions").as_array()) {
      const auto& o = r.as_object();
      out.all.push_back({Territory::Level::region, "R" + text(o, "code"), text(o, "nom"), ""});
    }
    for (const auto& d : geo.at("departements").as_array()) {
      const auto& o = d.as_object();
      out.all.push_back({Territory::Level::departement, text(o, "code"), text(o, "nom"),
                         "R" + text(o, "region")});
    }
    for (std::size_t i = 0; i < out.all.size(); ++i) out.by_code[out.all[i].code] = i;
    return out;
  }();
  return g;
}

}  // namespace

std::optional<Territory> territory(std::string_view code) {
  if (code == "national") return Territory{Territory::Level::national, "national", "National", ""};
  const auto& g = geography();
  auto it = g.by_code.find(code);
  if (it == g.by_code.end()) return std::nullopt;
  return g.all[it->second];
}

const std::vector<Territory>& territories() {
  return geography().all;
}

bool within(const Territory& inner, const Territory& outer) {
  if (outer.level == Territory::Level::national) return true;
  if (inner.code == outer.code) return true;
  return outer.level == Territory::Level::region && inner.region == outer.code;
}

}  // namespace vigie::kit
