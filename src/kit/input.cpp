#include "kit/input.hpp"

#include "kit/rules.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cmath>

namespace vigie::kit {

Input::Input(const boost::json::object& object)
    : Input(object, "", std::make_shared<FieldErrors>()) {}

Input::Input(const boost::json::object& object, std::string prefix,
             std::shared_ptr<FieldErrors> sink)
    : object_(object), prefix_(std::move(prefix)), sink_(std::move(sink)) {}

const boost::json::value* Input::member(std::string_view name) {
  known_.emplace(name);
  const auto* v = object_.if_contains(name);
  return v && !v->is_null() ? v : nullptr;
}

bool Input::has(std::string_view name) {
  return member(name) != nullptr;
}

void Input::error(std::string_view field, std::string code, std::string message) {
  sink_->push_back({prefix_ + std::string(field), std::move(code), std::move(message)});
}

void Input::type_error(std::string_view name, std::string_view expected) {
  error(name, "type", "Must be " + std::string(expected) + ".");
}

std::optional<std::string> Input::optional_text(std::string_view name, TextRule rule) {
  const auto* v = member(name);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    type_error(name, "text");
    return std::nullopt;
  }
  std::string s(v->as_string());
  const auto problem =
      rule.multiline ? rules::text(s, rule.max_chars) : rules::title(s, false, rule.max_chars);
  if (problem) error(name, problem->code, problem->message);
  return s;
}

std::string Input::text(std::string_view name, TextRule rule) {
  const bool present = object_.if_contains(name) && !object_.at(name).is_null();
  auto s = optional_text(name, rule);
  if (!present) {
    if (rule.required) error(name, "required", "This field is required.");
    return {};
  }
  if (s && rule.required && s->find_first_not_of(" \t\r\n") == std::string::npos)
    error(name, "required", "This field is required.");
  return s.value_or("");
}

std::optional<std::int64_t> Input::optional_int64(std::string_view name, IntRule rule) {
  const auto* v = member(name);
  if (!v) return std::nullopt;
  std::int64_t n = 0;
  if (v->is_int64()) {
    n = v->as_int64();
  } else if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    n = static_cast<std::int64_t>(v->as_uint64());
  } else {
    type_error(name, "a whole number");
    return std::nullopt;
  }
  if (n < rule.min || n > rule.max) {
    error(name, "out_of_range",
          "Between " + std::to_string(rule.min) + " and " + std::to_string(rule.max) + ".");
    return std::nullopt;
  }
  return n;
}

std::int64_t Input::int64(std::string_view name, IntRule rule) {
  const bool present = has(name);
  auto n = optional_int64(name, rule);
  if (!present) error(name, "required", "This field is required.");
  return n.value_or(0);
}

std::optional<double> Input::optional_decimal(std::string_view name, DecimalRule rule) {
  const auto* v = member(name);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    type_error(name, "a number");
    return std::nullopt;
  }
  const double d = v->to_number<double>();
  if (!std::isfinite(d) || d < rule.min || d > rule.max) {
    error(name, "out_of_range", "A plausible figure, at most " + std::to_string(rule.max) + ".");
    return std::nullopt;
  }
  return d;
}

double Input::decimal(std::string_view name, DecimalRule rule) {
  const bool present = has(name);
  auto d = optional_decimal(name, rule);
  if (!present) error(name, "required", "This field is required.");
  return d.value_or(0);
}

std::optional<bool> Input::optional_boolean(std::string_view name) {
  const auto* v = member(name);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    type_error(name, "true or false");
    return std::nullopt;
  }
  return v->as_bool();
}

bool Input::boolean(std::string_view name) {
  const bool present = has(name);
  auto b = optional_boolean(name);
  if (!present) error(name, "required", "This field is required.");
  return b.value_or(false);
}

std::optional<std::string> Input::optional_date(std::string_view name,
                                                std::optional<std::chrono::sys_days> not_after) {
  const auto* v = member(name);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    type_error(name, "a date as YYYY-MM-DD");
    return std::nullopt;
  }
  std::string s(v->as_string());
  if (s.empty()) return s;  // "" clears a date where the use case allows it
  if (auto p = rules::date(s, {.not_after = not_after})) {
    error(name, p->code, p->message);
    return std::nullopt;
  }
  return s;
}

std::string Input::date(std::string_view name, std::optional<std::chrono::sys_days> not_after) {
  auto d = optional_date(name, not_after);
  if (!d && !has(name)) error(name, "required", "A date is required.");
  if (d && d->empty()) error(name, "required", "A date is required.");
  return d.value_or("");
}

std::string Input::period(std::string_view name) {
  const auto* v = member(name);
  if (!v) {
    error(name, "required", "A period is required.");
    return {};
  }
  if (!v->is_string()) {
    type_error(name, "a period such as 2025, 2025-S1, 2025-Q1 or 2025-06");
    return {};
  }
  const std::string s(v->as_string());
  if (auto c = rules::canonical_period(s)) return *c;
  const auto p = rules::period(s);
  error(name, p->code, p->message);
  return {};
}

std::optional<std::string> Input::optional_one_of(std::string_view name,
                                                  std::initializer_list<std::string_view> allowed) {
  const auto* v = member(name);
  if (!v) return std::nullopt;
  std::string list;
  for (auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  if (!v->is_string() || std::find(allowed.begin(), allowed.end(),
                                   std::string_view(v->as_string())) == allowed.end()) {
    error(name, "invalid", "One of " + list + ".");
    return std::nullopt;
  }
  return std::string(v->as_string());
}

std::string Input::one_of(std::string_view name, std::initializer_list<std::string_view> allowed) {
  const bool present = has(name);
  auto s = optional_one_of(name, allowed);
  if (!present) error(name, "required", "This field is required.");
  return s.value_or("");
}

std::optional<std::vector<std::string>> Input::optional_text_list(std::string_view name,
                                                                  TextRule rule,
                                                                  std::size_t max_items) {
  const auto* v = member(name);
  if (!v) return std::nullopt;
  if (!v->is_array()) {
    type_error(name, "a list of texts");
    return std::nullopt;
  }
  const auto& arr = v->as_array();
  if (arr.size() > max_items) {
    error(name, "too_many", "At most " + std::to_string(max_items) + " items.");
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const auto field = std::string(name) + "/" + std::to_string(i);
    if (!arr[i].is_string()) {
      type_error(field, "text");
      ok = false;
      continue;
    }
    std::string s(arr[i].as_string());
    const auto problem = rule.multiline ? rules::text(s, rule.max_chars)
                                        : rules::title(s, rule.required, rule.max_chars);
    if (problem) {
      error(field, problem->code, problem->message);
      ok = false;
    }
    out.push_back(std::move(s));
  }
  if (!ok) return std::nullopt;
  return out;
}

std::vector<std::string> Input::text_list(std::string_view name, TextRule rule,
                                          std::size_t max_items) {
  const bool present = has(name);
  auto l = optional_text_list(name, rule, max_items);
  if (!present) error(name, "required", "This field is required.");
  return l.value_or(std::vector<std::string>{});
}

std::vector<std::string> Input::link_list(std::string_view name, std::size_t max_items) {
  const auto* v = member(name);
  if (!v) return {};
  if (!v->is_array()) {
    type_error(name, "a list of links");
    return {};
  }
  const auto& arr = v->as_array();
  if (arr.size() > max_items) {
    error(name, "too_many", "At most " + std::to_string(max_items) + " links.");
    return {};
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const auto field = std::string(name) + "/" + std::to_string(i);
    if (!arr[i].is_string()) {
      error(field, "invalid", "A link starting with http:// or https://.");
      continue;
    }
    std::string s(arr[i].as_string());
    if (auto p = rules::link(s); p || s.empty())
      error(field, "invalid", "A link starting with http:// or https://.");
    else
      out.push_back(std::move(s));
  }
  return out;
}

std::vector<Input*> Input::objects(std::string_view name, std::size_t max_items) {
  const auto* v = member(name);
  std::vector<Input*> out;
  if (!v) {
    error(name, "required", "This field is required.");
    return out;
  }
  if (!v->is_array()) {
    type_error(name, "a list");
    return out;
  }
  const auto& arr = v->as_array();
  if (arr.size() > max_items) {
    error(name, "too_many", "At most " + std::to_string(max_items) + " items.");
    return out;
  }
  static const boost::json::object empty;
  for (std::size_t i = 0; i < arr.size(); ++i) {
    const auto prefix = prefix_ + std::string(name) + "/" + std::to_string(i) + "/";
    if (!arr[i].is_object()) {
      sink_->push_back(
          {prefix_ + std::string(name) + "/" + std::to_string(i), "type", "Must be an object."});
      children_.emplace_back(new Input(empty, prefix, sink_));
    } else {
      children_.emplace_back(new Input(arr[i].as_object(), prefix, sink_));
    }
    out.push_back(children_.back().get());
  }
  return out;
}

void Input::unknown_members(FieldErrors& out) const {
  for (const auto& kv : object_)
    if (!known_.contains(std::string_view(kv.key())))
      out.push_back({prefix_ + std::string(kv.key()), "unknown",
                     "Vigie does not know this field; remove it."});
  for (const auto& c : children_) c->unknown_members(out);
}

FieldErrors Input::errors() const {
  FieldErrors out = *sink_;
  unknown_members(out);
  return out;
}

void Input::done() const {
  throw_if_invalid(errors());
}

}  // namespace vigie::kit
