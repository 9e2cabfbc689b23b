#include "text/xml_pull.hpp"

#include <cstdint>

namespace vigie::text {

namespace {

constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kMaxName = 256;

bool name_start(int c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80;
}
bool name_char(int c) {
  return name_start(c) || (c >= '0' && c <= '9') || c == '-' || c == '.';
}
bool space(int c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// XML 1.0's Char production: what a character reference may designate.
bool xml_char(std::uint32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
         (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

XmlPull::XmlPull(Source source, std::size_t max_token, std::size_t max_depth)
    : source_(std::move(source)), max_token_(max_token), max_depth_(max_depth) {}

void XmlPull::fail(const std::string& why) const {
  throw XmlError(why + " (at byte " + std::to_string(discarded_ + pos_) + ")");
}

bool XmlPull::fill() {
  if (eof_) return false;
  if (pos_ > 0) {
    buf_.erase(0, pos_);
    discarded_ += pos_;
    pos_ = 0;
  }
  const auto old = buf_.size();
  buf_.resize(old + kChunk);
  const auto n = source_(buf_.data() + old, kChunk);
  buf_.resize(old + n);
  if (n == 0) eof_ = true;
  return n > 0;
}

int XmlPull::peek(std::size_t ahead) {
  while (pos_ + ahead >= buf_.size())
    if (!fill()) return -1;
  return static_cast<unsigned char>(buf_[pos_ + ahead]);
}

int XmlPull::get() {
  const int c = peek();
  if (c >= 0) ++pos_;
  return c;
}

void XmlPull::check_size(const std::string& s) const {
  if (s.size() > max_token_) fail("an XML token is too long");
}

std::string_view XmlPull::local_name() const {
  const std::string_view n(name_);
  const auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const std::string* XmlPull::attribute(std::string_view name) const {
  for (const auto& [k, v] : attributes_)
    if (k == name) return &v;
  return nullptr;
}

void XmlPull::read_name(std::string& out) {
  out.clear();
  if (!name_start(peek())) fail("a name was expected");
  while (name_char(peek())) {
    out += static_cast<char>(get());
    if (out.size() > kMaxName) fail("a name is too long");
  }
}

void XmlPull::skip_space() {
  while (space(peek())) get();
}

void XmlPull::expect(std::string_view literal) {
  for (const char ch : literal)
    if (get() != static_cast<unsigned char>(ch))
      fail(std::string("'") + std::string(literal) + "' was expected");
}

// After '&': one of the five predefined entities or a numeric character reference.
void XmlPull::read_reference(std::string& out) {
  std::string ref;
  for (;;) {
    const int c = get();
    if (c < 0) fail("an unterminated reference");
    if (c == ';') break;
    ref += static_cast<char>(c);
    if (ref.size() > 10) fail("a malformed reference");
  }
  if (ref == "lt") return void(out += '<');
  if (ref == "gt") return void(out += '>');
  if (ref == "amp") return void(out += '&');
  if (ref == "quot") return void(out += '"');
  if (ref == "apos") return void(out += '\'');
  if (ref.size() < 2 || ref[0] != '#') fail("an unknown entity &" + ref + ";");
  const bool hex = ref[1] == 'x';
  const std::size_t first = hex ? 2 : 1;
  if (ref.size() == first) fail("a malformed character reference");
  std::uint32_t cp = 0;
  for (std::size_t i = first; i < ref.size(); ++i) {
    const char ch = ref[i];
    int d;
    if (ch >= '0' && ch <= '9')
      d = ch - '0';
    else if (hex && ch >= 'a' && ch <= 'f')
      d = ch - 'a' + 10;
    else if (hex && ch >= 'A' && ch <= 'F')
      d = ch - 'A' + 10;
    else
      fail("a malformed character reference");
    cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(d);
    if (cp > 0x10FFFF) fail("a character reference out of range");
  }
  if (!xml_char(cp)) fail("a character reference to a character XML does not allow");
  append_utf8(out, cp);
}

void XmlPull::open(std::string name) {
  if (seen_root_ && stack_.empty()) fail("a second root element");
  if (stack_.size() >= max_depth_) fail("elements nested too deeply");
  seen_root_ = true;
  stack_.push_back(std::move(name));
}

// After '<': a start tag or an empty-element tag.
void XmlPull::read_tag() {
  read_name(name_);
  attributes_.clear();
  std::size_t size = name_.size();
  for (;;) {
    const bool spaced = space(peek());
    skip_space();
    const int c = peek();
    if (c == '/') {
      get();
      expect(">");
      pending_end_ = true;
      open(name_);
      return;
    }
    if (c == '>') {
      get();
      open(name_);
      return;
    }
    if (!spaced) fail("a malformed tag <" + name_ + ">");
    std::string key, value;
    read_name(key);
    skip_space();
    expect("=");
    skip_space();
    const int quote = get();
    if (quote != '"' && quote != '\'') fail("an attribute value must be quoted");
    for (;;) {
      const int v = get();
      if (v < 0) fail("an unterminated attribute value");
      if (v == quote) break;
      if (v == '<') fail("'<' in an attribute value");
      if (v == '&')
        read_reference(value);
      else if (v == '\r' || v == '\n' || v == '\t') {
        if (v == '\r' && peek() == '\n') get();
        value += ' ';
      } else if (v < 0x20)
        fail("a control character in an attribute value");
      else
        value += static_cast<char>(v);
      check_size(value);
    }
    if (attribute(key)) fail("a duplicate attribute " + key);
    size += key.size() + value.size();
    if (size > max_token_) fail("a tag is too long");
    attributes_.emplace_back(std::move(key), std::move(value));
  }
}

// After "</".
void XmlPull::read_end_tag() {
  read_name(name_);
  skip_space();
  expect(">");
  if (stack_.empty() || stack_.back() != name_) fail("a mismatched end tag </" + name_ + ">");
  stack_.pop_back();
}

// After "<!": a comment (skipped) or a CDATA section (appended to `text`); nothing else.
void XmlPull::read_markup_declaration(std::string& text) {
  if (peek() == '-') {
    expect("--");
    int a = 0, b = 0;
    for (;;) {
      const int c = get();
      if (c < 0) fail("an unterminated comment");
      if (a == '-' && b == '-') {
        if (c != '>') fail("'--' inside a comment");
        return;
      }
      a = b;
      b = c;
    }
  }
  if (peek() == '[') {
    expect("[CDATA[");
    if (stack_.empty()) fail("character data outside the root element");
    for (;;) {
      const int c = get();
      if (c < 0) fail("an unterminated CDATA section");
      text += static_cast<char>(c);
      if (text.size() >= 3 && text.compare(text.size() - 3, 3, "]]>") == 0) {
        text.resize(text.size() - 3);
        return;
      }
      check_size(text);
    }
  }
  fail("a document type declaration or other markup declaration is not accepted");
}

// After "<?": the XML declaration or a processing instruction, skipped.
void XmlPull::skip_processing_instruction() {
  int prev = 0;
  for (;;) {
    const int c = get();
    if (c < 0) fail("an unterminated processing instruction");
    if (prev == '?' && c == '>') return;
    prev = c;
  }
}

XmlPull::Event XmlPull::next() {
  if (pending_end_) {
    pending_end_ = false;
    name_ = std::move(stack_.back());
    stack_.pop_back();
    return Event::end;
  }
  text_.clear();
  // A UTF-8 byte order mark, which some producers write first.
  if (discarded_ + pos_ == 0 && peek() == 0xEF && peek(1) == 0xBB && peek(2) == 0xBF) pos_ += 3;
  for (;;) {
    const int c = peek();
    if (c < 0) {
      if (!stack_.empty()) fail("an unclosed element <" + stack_.back() + ">");
      if (!seen_root_) fail("no root element");
      return Event::eof;
    }
    if (c == '<') {
      const int d = peek(1);
      if (d == '!' || d == '?') {
        pos_ += 2;
        if (d == '!')
          read_markup_declaration(text_);
        else
          skip_processing_instruction();
        continue;
      }
      if (!stack_.empty() && !text_.empty()) return Event::text;
      text_.clear();  // whitespace outside the root
      pos_ += 1;
      if (d == '/') {
        pos_ += 1;
        read_end_tag();
        return Event::end;
      }
      read_tag();
      return Event::start;
    }
    get();
    if (stack_.empty() && !space(c)) fail("text outside the root element");
    if (c == '&') {
      read_reference(text_);
    } else if (c == '\r') {
      if (peek() == '\n') get();
      text_ += '\n';
    } else if (c < 0x20 && c != '\t' && c != '\n') {
      fail("a control character in the text");
    } else {
      text_ += static_cast<char>(c);
    }
    check_size(text_);
  }
}

}  // namespace vigie::text
