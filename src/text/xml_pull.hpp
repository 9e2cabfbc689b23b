#pragma once
// A strict, streaming pull reader for the subset of XML that Office Open XML parts use:
// elements, attributes, character data, the five predefined entities, numeric character
// references, CDATA sections, comments and processing instructions (skipped). It reads its input
// in chunks from a callback, so memory is bounded by the largest single token (a tag with its
// attributes, or one run of text) and the nesting depth, never by the size of the document.
//
// Strict: a document type declaration (and so any user-defined entity, the way to entity
// bombs), an unknown entity, a mismatched or unclosed tag, a second root, text outside the
// root, a token beyond `max_token` bytes or nesting beyond `max_depth` throw XmlError. It does
// not resolve namespaces: names are as written ("r:id"); local_name() drops the prefix.

#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace vigie::text {

struct XmlError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class XmlPull {
 public:
  // Fills up to `capacity` bytes at `into`; returns how many, 0 at the end of the input.
  using Source = std::function<std::size_t(char* into, std::size_t capacity)>;

  enum class Event { start, end, text, eof };

  explicit XmlPull(Source source, std::size_t max_token = 1u << 20, std::size_t max_depth = 64);

  // The next event. An empty element <a/> is a start then an end. Text is decoded (entities,
  // CDATA) and merged across comments and CDATA sections; whitespace outside the root is
  // dropped. After eof, eof again.
  Event next();

  // The element's name for start and end; its local part (after any prefix).
  const std::string& name() const { return name_; }
  std::string_view local_name() const;
  // For a start: the attribute's decoded value, or nullptr. Names compare as written.
  const std::string* attribute(std::string_view name) const;
  // For text: the decoded characters.
  const std::string& text() const { return text_; }
  // Depth of the current element (1 for the root, after its start; 0 after its end).
  std::size_t depth() const { return stack_.size(); }

 private:
  int peek(std::size_t ahead = 0);  // a byte without consuming it, -1 past the end of the input
  int get();
  bool fill();
  [[noreturn]] void fail(const std::string& why) const;
  void read_name(std::string& out);
  void skip_space();
  void expect(std::string_view literal);
  void read_reference(std::string& out);
  void read_tag();
  void read_end_tag();
  void read_markup_declaration(std::string& text);  // after "<!": comment or CDATA
  void skip_processing_instruction();
  void check_size(const std::string& s) const;
  void open(std::string name);

  Source source_;
  std::size_t max_token_, max_depth_;
  std::string buf_;
  std::size_t pos_ = 0;
  std::size_t discarded_ = 0;  // bytes dropped from buf_'s front, for error offsets
  bool eof_ = false;
  bool pending_end_ = false;  // an empty element's end is still to be reported
  bool seen_root_ = false;
  std::string name_, text_;
  std::vector<std::pair<std::string, std::string>> attributes_;
  std::vector<std::string> stack_;
};

}  // namespace vigie::text
