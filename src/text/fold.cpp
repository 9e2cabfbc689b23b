#include "text/fold.hpp"

#include <cctype>
#include <cstdint>

namespace vigie::text {

namespace {

// Decodes one code point at `i`; returns its value and advances `i` (invalid bytes: U+FFFD).
std::uint32_t next(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) {
    ++i;
    return 0xfffd;
  }
  std::uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
  for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
  i += n;
  return cp;
}

// The folded spelling of a Latin code point, or nullptr when it folds to itself.
const char* folded(std::uint32_t cp) {
  switch (cp) {
    case 0xe0:
    case 0xe1:
    case 0xe2:
    case 0xe3:
    case 0xe4:
    case 0xe5:
    case 0xc0:
    case 0xc1:
    case 0xc2:
    case 0xc3:
    case 0xc4:
    case 0xc5:
    case 0x101:
    case 0x100:
    case 0x103:
    case 0x102:
    case 0x105:
    case 0x104:
      return "a";
    case 0xe6:
    case 0xc6:
      return "ae";
    case 0xe7:
    case 0xc7:
    case 0x107:
    case 0x106:
    case 0x10d:
    case 0x10c:
      return "c";
    case 0xe8:
    case 0xe9:
    case 0xea:
    case 0xeb:
    case 0xc8:
    case 0xc9:
    case 0xca:
    case 0xcb:
    case 0x113:
    case 0x112:
    case 0x119:
    case 0x118:
    case 0x11b:
    case 0x11a:
      return "e";
    case 0xec:
    case 0xed:
    case 0xee:
    case 0xef:
    case 0xcc:
    case 0xcd:
    case 0xce:
    case 0xcf:
    case 0x12b:
    case 0x12a:
    case 0x131:
    case 0x130:
      return "i";
    case 0xf1:
    case 0xd1:
    case 0x144:
    case 0x143:
    case 0x148:
    case 0x147:
      return "n";
    case 0xf2:
    case 0xf3:
    case 0xf4:
    case 0xf5:
    case 0xf6:
    case 0xf8:
    case 0xd2:
    case 0xd3:
    case 0xd4:
    case 0xd5:
    case 0xd6:
    case 0xd8:
    case 0x151:
    case 0x150:
      return "o";
    case 0x153:
    case 0x152:
      return "oe";
    case 0xf9:
    case 0xfa:
    case 0xfb:
    case 0xfc:
    case 0xd9:
    case 0xda:
    case 0xdb:
    case 0xdc:
    case 0x16b:
    case 0x16a:
    case 0x16f:
    case 0x16e:
    case 0x171:
    case 0x170:
      return "u";
    case 0xfd:
    case 0xff:
    case 0xdd:
    case 0x178:
      return "y";
    case 0xdf:
      return "ss";
    case 0x15b:
    case 0x15a:
    case 0x161:
    case 0x160:
    case 0x219:
    case 0x218:
    case 0x15f:
    case 0x15e:
      return "s";
    case 0x163:
    case 0x162:
    case 0x21b:
    case 0x21a:
    case 0x165:
    case 0x164:
      return "t";
    case 0x17a:
    case 0x179:
    case 0x17c:
    case 0x17b:
    case 0x17e:
    case 0x17d:
      return "z";
    case 0x142:
    case 0x141:
      return "l";
    case 0x111:
    case 0x110:
      return "d";
    case 0x11f:
    case 0x11e:
      return "g";
    case 0x159:
    case 0x158:
      return "r";
    case 0x2019:
      return "'";
    default:
      return nullptr;
  }
}

}  // namespace

Folded fold_map(std::string_view s) {
  Folded out;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t at = i;
    const auto cp = next(s, i);
    if (cp < 0x80) {
      out.text += static_cast<char>(std::tolower(static_cast<unsigned char>(cp)));
      out.origin.push_back(at);
    } else if (const char* f = folded(cp)) {
      for (const char* p = f; *p; ++p) {
        out.text += *p;
        out.origin.push_back(at);
      }
    } else {
      for (std::size_t k = at; k < i; ++k) {
        out.text += s[k];
        out.origin.push_back(at);
      }
    }
  }
  out.origin.push_back(s.size());
  return out;
}

std::string fold(std::string_view s) {
  return fold_map(s).text;
}

std::vector<std::string> query_words(std::string_view query) {
  const auto f = fold(query);
  std::vector<std::string> words;
  std::string w;
  auto flush = [&] {
    if (!w.empty() && words.size() < 10) words.push_back(w);
    w.clear();
  };
  for (char c : f) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      w += c;
    else
      flush();
  }
  flush();
  return words;
}

}  // namespace vigie::text
