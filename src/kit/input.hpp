#pragma once
// Input is the one reader of a JSON request body: typed getters that never read a member of
// the wrong type as "absent". Every wrong type, missing required member, out-of-range value
// and (at done()) every member nobody asked for is collected as a FieldError, so the caller
// answers all of them at once:
//
//     kit::Input in(body);
//     auto title = in.text("title", {.max_chars = 1000});
//     auto weight = in.optional_int64("weight", {.min = 1, .max = 100});
//     in.done();  // throws kit::Invalid with every error, unknown members included
//
// Nested objects (`objects("updates")`) report as "updates/3/status". A JSON null reads as
// absent for optional members (and as missing for required ones). Text is checked by
// kit::rules (control and bidirectional-override characters refused; length in characters).

#include "kit/errors.hpp"

#include <boost/json/object.hpp>

#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace vigie::kit {

struct TextRule {
  std::size_t max_chars = 1000;
  bool multiline = false;  // line breaks and tabs allowed (comments, notes)
  bool required = true;    // for text(): an empty (or blank) text is "required"
};
struct IntRule {
  std::int64_t min = INT64_MIN, max = INT64_MAX;
};
struct DecimalRule {
  double min = -1e12, max = 1e12;  // plausible figures; 1e308 is never a real indicator value
};

class Input {
 public:
  // `object` must outlive the Input.
  explicit Input(const boost::json::object& object);
  Input(const Input&) = delete;
  Input& operator=(const Input&) = delete;

  // Text members. A required member that is absent, null or blank is "required".
  std::string text(std::string_view name, TextRule rule = {});
  std::optional<std::string> optional_text(std::string_view name, TextRule rule = {});

  std::int64_t int64(std::string_view name, IntRule rule = {});
  std::optional<std::int64_t> optional_int64(std::string_view name, IntRule rule = {});

  double decimal(std::string_view name, DecimalRule rule = {});
  std::optional<double> optional_decimal(std::string_view name, DecimalRule rule = {});

  bool boolean(std::string_view name);
  std::optional<bool> optional_boolean(std::string_view name);

  // A YYYY-MM-DD date checked by rules::date (plausible range, `not_after`).
  std::optional<std::string> optional_date(std::string_view name,
                                           std::optional<std::chrono::sys_days> not_after = {});
  std::string date(std::string_view name, std::optional<std::chrono::sys_days> not_after = {});

  // A reporting period, returned in its canonical spelling (rules::canonical_period).
  std::string period(std::string_view name);

  // One of `allowed`.
  std::string one_of(std::string_view name, std::initializer_list<std::string_view> allowed);
  std::optional<std::string> optional_one_of(std::string_view name,
                                             std::initializer_list<std::string_view> allowed);

  // A list of texts (each checked by `rule`, errors named "name/i"), at most `max_items`.
  std::vector<std::string> text_list(std::string_view name, TextRule rule = {},
                                     std::size_t max_items = 100);
  std::optional<std::vector<std::string>> optional_text_list(std::string_view name,
                                                             TextRule rule = {},
                                                             std::size_t max_items = 100);
  // A list of links (rules::link), errors named "name/i".
  std::vector<std::string> link_list(std::string_view name, std::size_t max_items = 10);

  // A list of objects, each read by its own Input whose errors are named "name/i/member".
  // A required list that is absent is "required"; an item that is not an object is "type".
  std::vector<Input*> objects(std::string_view name, std::size_t max_items = 1000);

  // True when the member is present and not null (it is then also "known").
  bool has(std::string_view name);

  // Adds an error found by the caller's own rule (the field is named relative to this Input).
  void error(std::string_view field, std::string code, std::string message);

  // Every error so far, unknown members included (in this Input and every nested one).
  FieldErrors errors() const;
  // Throws Invalid(errors()) when there is any.
  void done() const;

 private:
  Input(const boost::json::object& object, std::string prefix, std::shared_ptr<FieldErrors> sink);
  const boost::json::value* member(std::string_view name);  // nullptr when absent or null
  void type_error(std::string_view name, std::string_view expected);
  void unknown_members(FieldErrors& out) const;

  const boost::json::object& object_;
  std::string prefix_;
  std::shared_ptr<FieldErrors> sink_;
  std::set<std::string, std::less<>> known_;
  std::vector<std::unique_ptr<Input>> children_;
};

}  // namespace vigie::kit
