#include "text/chars.h"

namespace dyad::text {

char32_t decode_utf8(std::string_view s, std::size_t i, std::size_t& len) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  const unsigned char c = p[i];
  len = 1;
  if (c < 0x80) return c;
  std::size_t need = 0;
  unsigned lo = 0x80;
  unsigned hi = 0xBF;
  char32_t cp = 0;
  if (c >= 0xC2 && c <= 0xDF) {
    need = 1;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    need = 2;
    cp = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    need = 3;
    cp = c & 0x07;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return kInvalid;
  }
  if (i + need >= n) return kInvalid;
  if (p[i + 1] < lo || p[i + 1] > hi) return kInvalid;
  for (std::size_t k = 1; k <= need; ++k) {
    if ((p[i + k] & 0xC0) != 0x80) return kInvalid;
    cp = (cp << 6) | (p[i + k] & 0x3F);
  }
  len = need + 1;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
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

CharClass char_class(char32_t cp) {
  if (cp < 0x80) {
    if (cp <= 0x20 || cp == 0x7F) return CharClass::kSpace;
    if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z')) return CharClass::kLetter;
    if (cp >= '0' && cp <= '9') return CharClass::kDigit;
    return CharClass::kSymbol;
  }
  if (cp == kInvalid) return CharClass::kSymbol;
  if (cp < 0xA0) return CharClass::kSpace;  // C1 controls, NEL
  if (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0x2028 ||
      cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x2060 || cp == 0x3000 ||
      cp == 0xFEFF) {
    return CharClass::kSpace;
  }
  if (cp < 0xC0) {
    return (cp == 0xAA || cp == 0xB5 || cp == 0xBA) ? CharClass::kLetter : CharClass::kSymbol;
  }
  if (cp == 0xD7 || cp == 0xF7) return CharClass::kSymbol;
  if (cp == 0x200C || cp == 0x200D) return CharClass::kLetter;  // joiners stay inside words
  if ((cp >= 0x0660 && cp <= 0x0669) || (cp >= 0x06F0 && cp <= 0x06F9) ||
      (cp >= 0x0966 && cp <= 0x096F) || (cp >= 0xFF10 && cp <= 0xFF19)) {
    return CharClass::kDigit;
  }
  if ((cp >= 0x037E && cp <= 0x037E) || cp == 0x0387 || (cp >= 0x055A && cp <= 0x055F) ||
      cp == 0x0589 || (cp >= 0x05BE && cp <= 0x05BE) || (cp >= 0x0600 && cp <= 0x060F) ||
      cp == 0x061B || cp == 0x061F || (cp >= 0x066A && cp <= 0x066D) || cp == 0x06D4 ||
      cp == 0x0964 || cp == 0x0965) {
    return CharClass::kSymbol;
  }
  if (cp >= 0x2010 && cp <= 0x2BFF) return CharClass::kSymbol;  // punctuation, symbols, arrows
  if (cp >= 0x2E00 && cp <= 0x2E7F) return CharClass::kSymbol;
  if (cp >= 0x3001 && cp <= 0x303F) return CharClass::kSymbol;
  if (cp >= 0xE000 && cp <= 0xF8FF) return CharClass::kSymbol;  // private use
  if (cp >= 0xFE30 && cp <= 0xFE4F) return CharClass::kSymbol;
  if (cp >= 0xFE50 && cp <= 0xFE6F) return CharClass::kSymbol;
  if ((cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
      (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65)) {
    return CharClass::kSymbol;
  }
  if (cp >= 0xFFF0 && cp <= 0xFFFF) return CharClass::kSymbol;
  if (cp >= 0x1F000 && cp <= 0x1FAFF) return CharClass::kSymbol;  // emoji and pictographs
  if (cp >= 0xE0000) return CharClass::kSymbol;
  return CharClass::kLetter;
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return true;
  if (cp >= 0x100 && cp <= 0x17F) return (cp & 1) == 0;
  if (cp >= 0x391 && cp <= 0x3AB) return true;  // Greek
  if (cp >= 0x400 && cp <= 0x42F) return true;  // Cyrillic
  return false;
}

bool is_lower(char32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) return true;
  if (cp >= 0x100 && cp <= 0x17F) return (cp & 1) == 1;
  if (cp >= 0x3AC && cp <= 0x3CE) return true;
  if (cp >= 0x430 && cp <= 0x45F) return true;
  return false;
}

std::string clean_form(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    const char32_t cp = decode_utf8(s, i, len);
    if (cp == kInvalid) {
      out += "\xEF\xBF\xBD";
    } else if (char_class(cp) == CharClass::kSpace && cp != 0x200B && cp != 0xFEFF) {
      out += ' ';
    } else if (cp == 0x200B || cp == 0xFEFF) {
      // zero-width: dropped from forms
    } else {
      out.append(s.substr(i, len));
    }
    i += len;
  }
  return out;
}

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace dyad::text
