#include "privacy/json.hpp"

#include <boost/json.hpp>

namespace vigie::privacy {

boost::json::value findings_to_json(const std::vector<Finding>& findings) {
  boost::json::array arr;
  for (const auto& f : findings)
    arr.push_back(
        {{"kind", kind_name(f.kind)}, {"start", f.start}, {"end", f.end}, {"text", f.text}});
  return {{"findings", std::move(arr)}};
}

boost::json::value table_to_json(const ControlledTable& t) {
  boost::json::array cells;
  for (const auto& c : t.cells) {
    boost::json::object o;
    for (std::size_t d = 0; d < t.dimensions.size(); ++d) {
      if (c.key[d])
        o[t.dimensions[d]] = *c.key[d];
      else
        o[t.dimensions[d]] = nullptr;
    }
    if (c.value)
      o["value"] = *c.value;
    else
      o["value"] = nullptr;
    o["suppressed"] = c.status != CellStatus::published;
    if (c.status == CellStatus::suppressed_small) o["reason"] = "below_k";
    if (c.status == CellStatus::suppressed_secondary) o["reason"] = "protects_another_cell";
    cells.push_back(std::move(o));
  }
  boost::json::array dims;
  for (const auto& d : t.dimensions) dims.push_back(boost::json::string(d));
  return {{"dimensions", std::move(dims)},
          {"k", t.rules.k},
          {"rounding_base", t.rules.rounding_base},
          {"cells", std::move(cells)}};
}

}  // namespace vigie::privacy
