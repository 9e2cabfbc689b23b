#include "privacy/text_tokens.hpp"

#include "privacy/latin_letters.hpp"
#include "privacy/lexicon.hpp"

namespace vigie::privacy {

namespace {

// Decodes one UTF-8 code point at i; returns its length (1 for invalid bytes).
std::size_t decode(std::string_view s, std::size_t i, char32_t& cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  auto cont = [&](std::size_t k) {
    return i + k < s.size() && (static_cast<unsigned char>(s[i + k]) & 0xC0) == 0x80;
  };
  if (c < 0x80) {
    cp = c;
    return 1;
  }
  if ((c & 0xE0) == 0xC0 && cont(1)) {
    cp = ((c & 0x1F) << 6) | (s[i + 1] & 0x3F);
    return 2;
  }
  if ((c & 0xF0) == 0xE0 && cont(1) && cont(2)) {
    cp = ((c & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F);
    return 3;
  }
  if ((c & 0xF8) == 0xF0 && cont(1) && cont(2) && cont(3)) {
    cp = ((c & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) |
         (s[i + 3] & 0x3F);
    return 4;
  }
  cp = 0xFFFD;
  return 1;
}

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0xA0 || cp == 0x202F || (cp >= 0x2000 && cp <= 0x200B);
}

bool is_letter(char32_t cp) {
  if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')) return true;
  if (cp < 0xC0) return false;
  if (cp == 0xD7 || cp == 0xF7) return false;
  if (cp >= 0x2000 && cp <= 0x2BFF) return false;  // punctuation, symbols, arrows
  if (cp >= 0x3000 && cp <= 0x303F) return false;  // CJK punctuation
  if (cp == 0xFFFD) return false;
  return true;
}

bool is_upper(char32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return true;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return true;
  if ((cp >= 0x100 && cp <= 0x24F) || (cp >= 0x1E00 && cp <= 0x1EFF)) return latin_upper(cp);
  if (cp >= 0x391 && cp <= 0x3A9) return true;  // Greek
  if (cp >= 0x410 && cp <= 0x42F) return true;  // Cyrillic
  return false;
}

bool is_word_char(char32_t cp) {
  return is_letter(cp) || (cp >= '0' && cp <= '9') || cp == '_';
}

}  // namespace

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  out.reserve(s.size() / 5 + 4);
  bool sentence_start = true;
  std::size_t i = 0;
  while (i < s.size()) {
    char32_t cp;
    std::size_t len = decode(s, i, cp);
    if (is_space(cp)) {
      if (cp == '\n') sentence_start = true;
      i += len;
      continue;
    }
    Token t;
    t.start = i;
    if (!is_word_char(cp)) {
      t.end = i + len;
      t.text = s.substr(t.start, len);
      if (cp == 0x2019 || cp == 0x2018)
        t.folded.assign(1, '\'');
      else
        t.folded.assign(t.text.data(), t.text.size());
      out.push_back(std::move(t));
      if (cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == ';') sentence_start = true;
      i += len;
      continue;
    }
    bool first_letter_seen = false;
    int letters = 0, upper_letters = 0;
    std::size_t j = i;
    while (j < s.size()) {
      char32_t c;
      std::size_t l = decode(s, j, c);
      if (is_word_char(c)) {
        if (is_letter(c)) {
          ++letters;
          if (is_upper(c)) ++upper_letters;
          if (!first_letter_seen) {
            first_letter_seen = true;
            t.capitalised = is_upper(c);
          }
          t.has_letter = true;
        } else if (c >= '0' && c <= '9') {
          t.has_digit = true;
        }
        j += l;
        continue;
      }
      // An inner hyphen joins two word parts.
      if ((c == '-' || c == 0x2011) && j + l < s.size()) {
        char32_t next;
        decode(s, j + l, next);
        if (is_word_char(next)) {
          j += l;
          continue;
        }
      }
      break;
    }
    t.end = j;
    t.word = true;
    t.all_caps = letters >= 2 && upper_letters == letters;
    t.text = s.substr(t.start, t.end - t.start);
    t.folded = lexicon::fold(t.text);
    t.sentence_start = sentence_start;
    sentence_start = false;
    out.push_back(std::move(t));
    i = j;
  }
  return out;
}

}  // namespace vigie::privacy
