// Segmentation: paragraphs, chunks, pieces, tokens, sentences, words (see segmenter_impl.h).
#include <algorithm>
#include <array>
#include <utility>

#include "dyad/conllu.h"
#include "text/segmenter_impl.h"

namespace dyad::text {
namespace {

using nlp::feature;
using nlp::hash_bytes;

std::string_view piece_text(std::string_view text, const Piece& p) {
  return text.substr(p.begin, p.end - p.begin);
}

bool is_apostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

// Closing quotes and brackets that stay with the sentence before them.
bool is_closing(std::string_view s) {
  return s == "\"" || s == "'" || s == ")" || s == "]" || s == "}" || s == "\xE2\x80\x9D" ||
         s == "\xE2\x80\x99" || s == "\xC2\xBB" || s == "''";
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

template <std::size_t N>
bool in_list(std::string_view s, const std::array<std::string_view, N>& list) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

// Abbreviations that keep their period. Titles and months rarely end a sentence.
constexpr std::array<std::string_view, 44> kTitles = {
    "Mr",   "Mrs",  "Ms",   "Dr",   "Prof", "Gen",  "Col",  "Lt",   "Sgt",  "Capt", "Maj",
    "Adm",  "Cmdr", "Gov",  "Sen",  "Rep",  "Rev",  "Hon",  "Pres", "St",   "Messrs", "Mme",
    "Jan",  "Feb",  "Mar",  "Apr",  "Jun",  "Jul",  "Aug",  "Sep",  "Sept", "Oct",  "Nov",
    "Dec",  "No",   "Nos",  "Vol",  "Fig",  "Atty", "Supt", "Det",  "Insp", "Cpl",  "Pvt"};
constexpr std::array<std::string_view, 46> kAbbreviations = {
    "Jr",   "Sr",   "Co",   "Corp", "Inc",  "Ltd",  "Bros", "etc",  "vs",   "Dept", "Univ",
    "Ave",  "Blvd", "Rd",   "Mt",   "Ft",   "Calif", "Colo", "Conn", "Fla", "Ga",   "Ill",
    "Kan",  "Ky",   "Md",   "Mass", "Mich", "Minn", "Mont", "Neb",  "Nev",  "Okla", "Ore",
    "Pa",   "Tenn", "Tex",  "Va",   "Vt",   "Wis",  "Wyo",  "Ariz", "Ark",  "approx", "cf",
    "al",   "Mon"};
constexpr std::array<std::string_view, 35> kPrefixes = {
    "e",     "non",   "pre",   "post",  "anti",  "pro",   "co",    "re",    "ex",
    "multi", "semi",  "mid",   "neo",   "inter", "intra", "micro", "macro", "mega",
    "mini",  "sub",   "super", "ultra", "counter", "de",  "bi",    "tri",   "un",
    "self",  "cross", "quasi", "pseudo", "socio", "geo",  "vice",  "over"};

bool is_title(std::string_view s) { return in_list(s, kTitles); }
bool is_abbreviation(std::string_view s) { return is_title(s) || in_list(s, kAbbreviations); }

PieceKind letter_kind(std::string_view s) {
  bool any_upper = false;
  bool any_lower = false;
  bool first_upper = false;
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = 1;
    const char32_t c = decode_utf8(s, i, len);
    const bool up = is_upper(c);
    if (n == 0) first_upper = up;
    any_upper |= up;
    any_lower |= is_lower(c);
    ++n;
    i += len;
  }
  if (!any_upper) return PieceKind::kLower;
  if (!any_lower) return n > 1 ? PieceKind::kUpper : PieceKind::kMixed;
  if (first_upper) {
    // "Word": only the first is upper
    std::size_t len = 1;
    decode_utf8(s, 0, len);
    const std::string_view rest = s.substr(len);
    for (std::size_t i = 0; i < rest.size();) {
      std::size_t l2 = 1;
      if (is_upper(decode_utf8(rest, i, l2))) return PieceKind::kMixed;
      i += l2;
    }
    return PieceKind::kCapital;
  }
  return PieceKind::kMixed;
}

// The kind of a piece as a short string, for features.
std::string_view kind_name(std::string_view text, const Piece& p) {
  switch (p.kind) {
    case PieceKind::kLower: return "a";
    case PieceKind::kCapital: return "Aa";
    case PieceKind::kUpper: return "AA";
    case PieceKind::kMixed: return "aA";
    case PieceKind::kDigit: return "9";
    case PieceKind::kAtomic: return "URL";
    case PieceKind::kSymbol: {
      const std::string_view s = piece_text(text, p);
      return s.size() <= 4 ? s : s.substr(0, 4);
    }
  }
  return "?";
}

constexpr std::array<std::string_view, 24> kEmoticons = {
    ":-)", ":-(", ";-)", ":-D", ":-P", ":-p", ":'(", ":)", ":(", ";)", ":D", ":P",
    ":p",  ":/",  ":-/", "<3",  "^_^", "^^",  "=)",  ":o", ":O", ":-O", "XD", ":|"};

// Length of a URL or e-mail address starting at chunk position `at`, or 0.
std::size_t url_length(std::string_view chunk, std::size_t at) {
  const std::string_view s = chunk.substr(at);
  const bool url = starts_with_ci(s, "http://") || starts_with_ci(s, "https://") ||
                   starts_with_ci(s, "ftp://") || starts_with_ci(s, "www.") ||
                   starts_with_ci(s, "mailto:");
  if (!url) return 0;
  std::size_t n = s.size();
  // Trailing punctuation belongs to the sentence, not the address.
  while (n > 0) {
    const char c = s[n - 1];
    if (c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' ||
        c == '"' || c == '>' || c == ']' || c == '}' || c == '*') {
      --n;
    } else if (c == ')' && s.substr(0, n).find('(') == std::string_view::npos) {
      --n;
    } else {
      break;
    }
  }
  return n;
}

bool email_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-' || c == '+';
}

// An e-mail address in the chunk: [begin, end) relative to the chunk, or begin == end.
std::pair<std::size_t, std::size_t> find_email(std::string_view chunk) {
  const std::size_t at = chunk.find('@');
  if (at == std::string_view::npos || at == 0) return {0, 0};
  std::size_t b = at;
  while (b > 0 && email_char(chunk[b - 1])) --b;
  while (b < at && !((chunk[b] >= 'a' && chunk[b] <= 'z') || (chunk[b] >= 'A' && chunk[b] <= 'Z') ||
                     (chunk[b] >= '0' && chunk[b] <= '9'))) {
    ++b;
  }
  std::size_t e = at + 1;
  while (e < chunk.size() && email_char(chunk[e])) ++e;
  while (e > at + 1 && (chunk[e - 1] == '.' || chunk[e - 1] == '-')) --e;
  const std::string_view domain = chunk.substr(at + 1, e - at - 1);
  if (b == at || domain.find('.') == std::string_view::npos) return {0, 0};
  return {b, e};
}

// Symbols whose repetition forms one token ("...", "!!!", "--", "***", ">>").
bool repeats_as_one(char32_t c) {
  switch (c) {
    case '.': case '!': case '?': case '-': case '*': case '=': case '_': case '~':
    case '#': case '<': case '>': case '+': case '^': case '/': case '\\': case '|':
    case '`': case 0x2026:
      return true;
    default:
      return false;
  }
}

// A symbol piece made of more than one character ("...", "--").
bool is_run(std::string_view text, const Piece& p) {
  std::size_t len = 1;
  decode_utf8(text, p.begin, len);
  return p.end - p.begin > len;
}

std::string_view trim_to(std::string_view s, std::size_t n) { return s.size() <= n ? s : s.substr(0, n); }

// Word shape: X upper, x lower, d digit, others kept; runs of one class collapsed to two.
std::string shape(std::string_view s) {
  std::string out;
  char last = 0;
  int run = 0;
  for (std::size_t i = 0; i < s.size() && out.size() < 8;) {
    std::size_t len = 1;
    const char32_t c = decode_utf8(s, i, len);
    char k = 0;
    const CharClass cls = char_class(c);
    if (cls == CharClass::kLetter) {
      k = is_upper(c) ? 'X' : 'x';
    } else if (cls == CharClass::kDigit) {
      k = 'd';
    } else {
      k = c < 0x80 ? static_cast<char>(c) : '*';
    }
    run = k == last ? run + 1 : 1;
    last = k;
    if (run <= 2) out += k;
    i += len;
  }
  return out;
}

}  // namespace

// ---- model I/O ----------------------------------------------------------------------

void SegmenterModel::save(nlp::BinaryWriter& w) const {
  boundary.save(w);
  sentence.save(w);
  std::vector<std::string> keys;
  for (const auto& [k, v] : mwt) keys.push_back(k);
  std::sort(keys.begin(), keys.end());
  w.put<std::uint64_t>(keys.size());
  for (const auto& k : keys) {
    w.put_string(k);
    w.put_strings(mwt.at(k));
  }
  std::vector<std::string> whole;
  for (const auto& [k, v] : keep_whole) {
    if (v) whole.push_back(k);
  }
  std::sort(whole.begin(), whole.end());
  w.put_strings(whole);
}

bool SegmenterModel::load(nlp::BinaryReader& r) {
  if (!boundary.load(r) || !sentence.load(r)) return false;
  if (boundary.classes() != 2 || sentence.classes() != 2) return false;
  std::uint64_t n = 0;
  if (!r.get(n) || n > (1u << 24)) return false;
  for (std::uint64_t i = 0; i < n; ++i) {
    std::string k;
    std::vector<std::string> v;
    if (!r.get_string(k) || !r.get_strings(v)) return false;
    mwt.emplace(std::move(k), std::move(v));
  }
  std::vector<std::string> whole;
  if (!r.get_strings(whole)) return false;
  for (auto& k : whole) keep_whole.emplace(std::move(k), true);
  return r.at_end();
}

// ---- stages -------------------------------------------------------------------------

void paragraphs(std::string_view text, bool line_breaks, std::vector<Span>& out) {
  out.clear();
  std::size_t start = 0;
  std::size_t i = 0;
  auto emit = [&](std::size_t b, std::size_t e) {
    // trim whitespace
    while (b < e) {
      std::size_t len = 1;
      if (char_class(decode_utf8(text, b, len)) != CharClass::kSpace) break;
      b += len;
    }
    while (e > b) {
      std::size_t k = e - 1;
      while (k > b && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
      std::size_t len = 1;
      const char32_t c = decode_utf8(text, k, len);
      if (k + len != e || char_class(c) != CharClass::kSpace) break;
      e = k;
    }
    if (e > b) out.push_back({b, e});
  };
  while (i < text.size()) {
    std::size_t len = 1;
    const char32_t c = decode_utf8(text, i, len);
    if (is_newline(c)) {
      std::size_t j = i + len;
      if (c == '\r' && j < text.size() && text[j] == '\n') ++j;
      bool blank = line_breaks;
      if (!blank) {
        // a blank line: only non-newline whitespace up to the next line break
        std::size_t k = j;
        while (k < text.size()) {
          std::size_t l2 = 1;
          const char32_t d = decode_utf8(text, k, l2);
          if (is_newline(d)) {
            blank = true;
            break;
          }
          if (char_class(d) != CharClass::kSpace) break;
          k += l2;
        }
      }
      if (blank) {
        emit(start, i);
        start = j;
      }
      i = j;
      continue;
    }
    i += len;
  }
  emit(start, text.size());
}

void chunks(std::string_view text, Span span, std::vector<Span>& out) {
  out.clear();
  std::size_t i = span.begin;
  std::size_t start = span.begin;
  bool in = false;
  while (i < span.end) {
    std::size_t len = 1;
    const char32_t c = decode_utf8(text, i, len);
    const bool space = char_class(c) == CharClass::kSpace;
    if (space && in) {
      out.push_back({start, i});
      in = false;
    } else if (!space && !in) {
      start = i;
      in = true;
    }
    i += len;
  }
  if (in) out.push_back({start, span.end});
}

void pieces(std::string_view text, Span chunk, std::size_t max_bytes, std::vector<Piece>& out) {
  out.clear();
  const std::string_view s = text.substr(chunk.begin, chunk.size());
  const auto email = find_email(s);
  std::size_t i = 0;
  while (i < s.size()) {
    Piece p;
    p.begin = chunk.begin + i;
    // Atomic pieces: addresses and emoticons.
    std::size_t atomic = 0;
    if (email.second > email.first && i == email.first) {
      atomic = email.second - email.first;
    } else if (const std::size_t u = url_length(s, i); u > 0 && (i == 0 || s[i - 1] != '/')) {
      atomic = u;
    } else if (i == 0 || char_class(static_cast<unsigned char>(s[i - 1])) != CharClass::kLetter) {
      for (std::string_view e : kEmoticons) {
        if (s.substr(i).starts_with(e)) {
          const std::size_t after = i + e.size();
          const bool letter_end = e.back() >= 'A' && e.back() <= 'z';
          if (after < s.size() && letter_end &&
              char_class(static_cast<unsigned char>(s[after])) != CharClass::kSymbol) {
            continue;
          }
          if ((e == "XD" || e == "^^") && !(i == 0 && after == s.size())) continue;
          atomic = e.size();
          break;
        }
      }
    }
    if (atomic > 0) {
      atomic = std::min(atomic, max_bytes);
      p.end = p.begin + atomic;
      p.kind = PieceKind::kAtomic;
      std::size_t len = 1;
      p.first = decode_utf8(s, i, len);
      out.push_back(p);
      i += atomic;
      continue;
    }
    std::size_t len = 1;
    const char32_t c = decode_utf8(s, i, len);
    p.first = c;
    CharClass cls = char_class(c);
    if (cls == CharClass::kSpace) cls = CharClass::kSymbol;  // cannot happen inside a chunk
    std::size_t j = i + len;
    if (cls == CharClass::kSymbol) {
      if (repeats_as_one(c) || c == '!' || c == '?') {
        while (j < s.size() && j - i < max_bytes) {
          std::size_t l2 = 1;
          const char32_t d = decode_utf8(s, j, l2);
          const bool same = d == c || ((c == '!' || c == '?') && (d == '!' || d == '?'));
          if (!same) break;
          j += l2;
        }
      }
      p.kind = PieceKind::kSymbol;
    } else {
      while (j < s.size() && j - i < max_bytes) {
        std::size_t l2 = 1;
        const char32_t d = decode_utf8(s, j, l2);
        if (char_class(d) != cls) break;
        if (j + l2 - i > max_bytes) break;
        j += l2;
      }
      p.kind = cls == CharClass::kDigit ? PieceKind::kDigit : letter_kind(s.substr(i, j - i));
    }
    p.end = chunk.begin + j;
    out.push_back(p);
    i = j;
  }
}

bool rule_join(std::string_view text, const std::vector<Piece>& p, std::size_t i) {
  const Piece& l = p[i];
  const Piece& r = p[i + 1];
  if (l.kind == PieceKind::kAtomic || r.kind == PieceKind::kAtomic) return false;
  if (l.alnum() && r.alnum()) return true;
  const Piece* ll = i > 0 ? &p[i - 1] : nullptr;
  const Piece* rr = i + 2 < p.size() ? &p[i + 2] : nullptr;
  // A piece is cut at max_bytes: the parts of one long run join.
  if (l.kind == PieceKind::kSymbol && r.kind == PieceKind::kSymbol) {
    return l.first == r.first && repeats_as_one(l.first) && l.first != '.';
  }
  if (l.alnum()) {
    const char32_t c = r.first;
    if (is_run(text, r)) return false;  // runs ("...", "--") stand alone
    const bool infix = rr != nullptr && rr->alnum();
    const std::string_view lw = piece_text(text, l);
    if (is_apostrophe(c)) {
      if (infix && rr->letters()) return l.letters() || ascii_lower(piece_text(text, *rr)) == "s";
      return false;
    }
    if (c == '.') {
      if (infix) return true;  // 3.5, U.S, e.g, amazon.com
      const bool after_dot = ll != nullptr && ll->first == '.';
      if (l.letters() && lw.size() == 1 && (ll == nullptr || after_dot)) return true;  // J., U.S.
      if (after_dot && l.letters() && lw.size() <= 2) return true;                      // Ph.D.
      if (l.letters() && is_abbreviation(lw)) return true;
      return false;
    }
    if (!infix) return false;
    const std::string_view rw = piece_text(text, *rr);
    if (c == '-') {
      if (l.letters() && (ll == nullptr || ll->first == '-') && in_list(ascii_lower(lw), kPrefixes)) {
        return true;
      }
      if (l.kind == PieceKind::kDigit && rr->kind == PieceKind::kDigit) {
        const bool chain = (ll != nullptr && ll->first == '-') ||
                           (i + 3 < p.size() && p[i + 3].first == '-');
        return chain || (lw.size() >= 3 && rw.size() >= 3);
      }
      return false;
    }
    if (c == ',') return l.kind == PieceKind::kDigit && rr->kind == PieceKind::kDigit && rw.size() == 3;
    if (c == ':' || c == '/') return l.kind == PieceKind::kDigit && rr->kind == PieceKind::kDigit;
    if (c == '&') {
      return l.kind == PieceKind::kUpper || (l.kind == PieceKind::kMixed && lw.size() == 1)
                 ? (rr->kind == PieceKind::kUpper || (rr->kind == PieceKind::kMixed && rw.size() == 1))
                 : false;
    }
    if (c == '_' || c == '@') return true;
    return false;
  }
  // l is a symbol, r is alphanumeric.
  const char32_t c = l.first;
  if (is_run(text, l)) return false;
  if (ll != nullptr && ll->alnum()) return rule_join(text, p, i - 1);  // infix: mirror
  if (is_apostrophe(c) && ll == nullptr) {
    // A clitic written apart: "Bush 's", "they 're".
    const std::string rw = ascii_lower(piece_text(text, r));
    const bool clitic = rw == "s" || rw == "re" || rw == "ve" || rw == "ll" || rw == "d" ||
                        rw == "m" || rw == "em" || rw == "t";
    return clitic && (rr == nullptr || !rr->alnum());
  }
  if ((c == '#' || c == '@') && ll == nullptr) return true;  // hashtags, mentions
  return false;
}

char next_kind(std::string_view text, std::size_t pos, std::size_t para_end) {
  while (pos < para_end) {
    std::size_t len = 1;
    const char32_t c = decode_utf8(text, pos, len);
    const CharClass cls = char_class(c);
    if (cls == CharClass::kSpace) {
      pos += len;
      continue;
    }
    if (cls == CharClass::kLetter) return is_upper(c) ? 'U' : 'l';
    if (cls == CharClass::kDigit) return 'd';
    return 'p';
  }
  return 'E';
}

void boundary_features(std::string_view text, const std::vector<Piece>& p, std::size_t i,
                       char after, bool rule, std::vector<std::uint64_t>& f) {
  f.clear();
  const Piece& l = p[i];
  const Piece& r = p[i + 1];
  const std::uint64_t lw = hash_bytes(trim_to(ascii_lower(piece_text(text, l)), 16));
  const std::uint64_t rw = hash_bytes(trim_to(ascii_lower(piece_text(text, r)), 16));
  const std::uint64_t lk = hash_bytes(kind_name(text, l));
  const std::uint64_t rk = hash_bytes(kind_name(text, r));
  const std::uint64_t llk = i > 0 ? hash_bytes(kind_name(text, p[i - 1])) : 1;
  const std::uint64_t rrk = i + 2 < p.size() ? hash_bytes(kind_name(text, p[i + 2])) : 2;
  const std::uint64_t rrw =
      i + 2 < p.size() ? hash_bytes(trim_to(ascii_lower(piece_text(text, p[i + 2])), 16)) : 2;
  const bool last = i + 2 == p.size();
  const std::uint64_t tail = last ? static_cast<std::uint64_t>(after) : 'I';
  f.push_back(feature(0, 0));
  f.push_back(feature(1, rule));
  f.push_back(feature(2, lw));
  f.push_back(feature(3, rw));
  f.push_back(feature(4, lk, rk));
  f.push_back(feature(5, lw, rk));
  f.push_back(feature(6, lk, rw));
  f.push_back(feature(7, lw, rw));
  f.push_back(feature(8, llk, lk, rk));
  f.push_back(feature(9, lk, rk, rrk));
  f.push_back(feature(10, lw, rw, rrk));
  f.push_back(feature(11, lw, rw, tail));
  f.push_back(feature(12, lk, rk, tail));
  f.push_back(feature(13, rule, lk, rk));
  f.push_back(feature(14, rw, rrw));
  f.push_back(feature(15, lk, rw, rrk));
  f.push_back(feature(16, i == 0, lk, rk));
  std::uint64_t chunk_shape = 0;
  for (std::size_t k = 0; k < p.size() && k < 8; ++k) {
    chunk_shape = nlp::hash_combine(chunk_shape, hash_bytes(kind_name(text, p[k])));
  }
  f.push_back(feature(17, chunk_shape, i));
  f.push_back(feature(18, chunk_shape));
}

void tokenize_span(std::string_view text, Span para, const SegmenterModel* model,
                   const SegmenterOptions& options, std::vector<Span>& out) {
  std::vector<Span> chunk_spans;
  std::vector<Piece> ps;
  std::vector<std::uint64_t> feats;
  chunks(text, para, chunk_spans);
  const bool use_model = model != nullptr && !model->boundary.empty();
  for (const Span& c : chunk_spans) {
    pieces(text, c, std::max<std::size_t>(options.max_token_bytes, 8), ps);
    const char after = next_kind(text, c.end, para.end);
    std::size_t start = ps.front().begin;
    for (std::size_t i = 0; i + 1 < ps.size(); ++i) {
      bool join = rule_join(text, ps, i);
      if (use_model && ps[i].kind != PieceKind::kAtomic && ps[i + 1].kind != PieceKind::kAtomic) {
        boundary_features(text, ps, i, after, join, feats);
        float scores[2] = {0, 0};
        model->boundary.score(feats.data(), feats.size(), scores);
        join = scores[1] > scores[0];
      }
      if (join && ps[i + 1].end - start > options.max_token_bytes) join = false;
      if (!join) {
        out.push_back({start, ps[i].end});
        start = ps[i + 1].begin;
      }
    }
    out.push_back({start, ps.back().end});
  }
}

bool rule_sentence_end(std::string_view text, const std::vector<Span>& tokens, std::size_t i) {
  auto tok = [&](std::size_t k) { return text.substr(tokens[k].begin, tokens[k].size()); };
  // Look back over closing quotes and brackets to the punctuation they follow.
  std::size_t k = i;
  while (k > 0 && is_closing(tok(k))) --k;
  const std::string_view t = tok(k);
  bool terminal = !t.empty();
  for (char ch : t) {
    if (ch != '.' && ch != '!' && ch != '?') terminal = false;
  }
  if (t == "\xE2\x80\xA6") terminal = true;
  bool abbreviation = false;
  if (!terminal && t.size() > 1 && t.back() == '.') {
    const std::string_view stem = t.substr(0, t.size() - 1);
    if (is_title(stem) || stem.size() == 1) return false;  // "Mr.", "J."
    abbreviation = true;
  }
  if (!terminal && !abbreviation) return false;
  // The sentence goes on over closing quotes and brackets right after the punctuation.
  if (i + 1 < tokens.size() && is_closing(tok(i + 1)) && k == i) return false;
  if (i + 1 >= tokens.size()) return true;
  const std::string_view next = tok(i + 1);
  std::size_t len = 1;
  const char32_t c = decode_utf8(next, 0, len);
  if (is_lower(c)) return false;
  if (abbreviation) {
    // "U.S. Senate": initialisms go on; "Inc. The", "etc. We" end.
    if (t.substr(0, t.size() - 1).find('.') != std::string_view::npos) return false;
    return is_upper(c) && !is_title(next) && next.size() > 1;
  }
  return true;
}

void sentence_features(std::string_view text, const std::vector<Span>& tokens, std::size_t i,
                       bool rule, std::vector<std::uint64_t>& f) {
  f.clear();
  auto tok = [&](std::ptrdiff_t k) -> std::string_view {
    if (k < 0) return "<S>";
    if (static_cast<std::size_t>(k) >= tokens.size()) return "</S>";
    return text.substr(tokens[static_cast<std::size_t>(k)].begin,
                       tokens[static_cast<std::size_t>(k)].size());
  };
  const auto si = static_cast<std::ptrdiff_t>(i);
  const std::string t0 = ascii_lower(trim_to(tok(si), 20));
  const std::string tp = ascii_lower(trim_to(tok(si - 1), 20));
  const std::string tn = ascii_lower(trim_to(tok(si + 1), 20));
  const std::uint64_t w0 = hash_bytes(t0);
  const std::uint64_t wp = hash_bytes(tp);
  const std::uint64_t wn = hash_bytes(tn);
  const std::uint64_t s0 = hash_bytes(shape(tok(si)));
  const std::uint64_t sp = hash_bytes(shape(tok(si - 1)));
  const std::uint64_t sn = hash_bytes(shape(tok(si + 1)));
  const std::uint64_t snn = hash_bytes(shape(tok(si + 2)));
  // The gap: none, spaces, or a line break.
  std::uint64_t gap = 0;
  if (i + 1 < tokens.size()) {
    const std::string_view g = text.substr(tokens[i].end, tokens[i + 1].begin - tokens[i].end);
    if (!g.empty()) gap = g.find('\n') != std::string_view::npos ? 2 : (g.size() > 1 ? 3 : 1);
  }
  const bool abbr = t0.size() > 1 && t0.back() == '.';
  f.push_back(feature(100, 0));
  f.push_back(feature(101, rule));
  f.push_back(feature(102, w0));
  f.push_back(feature(103, wp));
  f.push_back(feature(104, wn));
  f.push_back(feature(105, s0, sn));
  f.push_back(feature(106, w0, sn));
  f.push_back(feature(107, w0, wn));
  f.push_back(feature(108, wp, w0));
  f.push_back(feature(109, sp, s0, sn));
  f.push_back(feature(110, gap));
  f.push_back(feature(111, w0, gap));
  f.push_back(feature(112, abbr, sn));
  f.push_back(feature(113, rule, sn, gap));
  f.push_back(feature(114, sn, snn));
  f.push_back(feature(115, wp, w0, sn));
  f.push_back(feature(116, s0, wn));
  f.push_back(feature(117, rule, w0));
}

std::size_t dateline_end(std::string_view text, const std::vector<Span>& tokens) {
  auto tok = [&](std::size_t k) { return text.substr(tokens[k].begin, tokens[k].size()); };
  auto all_caps = [](std::string_view w) {
    bool letter = false;
    for (char c : w) {
      if (c >= 'a' && c <= 'z') return false;
      letter |= c >= 'A' && c <= 'Z';
    }
    return letter && w.size() >= 2;
  };
  if (tokens.size() < 3) return std::string_view::npos;
  const bool caps_place = all_caps(tok(0));
  bool agency = false;
  for (std::size_t k = 0; k < tokens.size() && k < 16; ++k) {
    const std::string_view t = tok(k);
    if (t == "(" && k + 2 < tokens.size() && tok(k + 2) == ")") agency = true;
    const bool dash = t == "-" || t == "--" || t == "\xE2\x80\x94" || t == "\xE2\x80\x93";
    if (dash) {
      if (k == 0 || k + 1 >= tokens.size() || !(caps_place || agency)) return std::string_view::npos;
      const std::string_view before = tok(k - 1);
      const bool ok_before = before == ")" || all_caps(before) ||
                             (!before.empty() && before.back() >= '0' && before.back() <= '9');
      return ok_before ? k : std::string_view::npos;
    }
    // A dateline is a place, a date and an agency: no sentence punctuation, few words.
    if (t == "." || t == "!" || t == "?" || t == "\"" || t == ";") return std::string_view::npos;
  }
  return std::string_view::npos;
}

// Token i and the next are capitalised words separated by one space.
bool inside_name(std::string_view text, const std::vector<Span>& tokens, std::size_t i) {
  if (i + 1 >= tokens.size() || tokens[i + 1].begin != tokens[i].end + 1 || text[tokens[i].end] != ' ') return false;
  const auto capitalised = [&](std::size_t k) {
    const std::string_view t = text.substr(tokens[k].begin, tokens[k].size());
    if (t.empty() || t.front() < 'A' || t.front() > 'Z') return false;
    return std::all_of(t.begin() + 1, t.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '-' || c == '\''; });
  };
  return capitalised(i) && capitalised(i + 1);
}

void sentence_ends(std::string_view text, const std::vector<Span>& tokens,
                   const SegmenterModel* model, const SegmenterOptions& options,
                   std::vector<std::size_t>& out) {
  out.clear();
  if (tokens.empty()) return;
  // A news dateline ("CARACAS, Dec 3 (Reuters) -") is a sentence of its own, so that the
  // story's first sentence parses as the others do.
  const std::size_t dateline = dateline_end(text, tokens);
  const bool use_model = model != nullptr && !model->sentence.empty();
  std::vector<std::uint64_t> feats;
  std::size_t words = 0;
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
    ++words;
    const bool rule = rule_sentence_end(text, tokens, i);
    bool end = rule;
    if (use_model) {
      sentence_features(text, tokens, i, rule, feats);
      float scores[2] = {0, 0};
      model->sentence.score(feats.data(), feats.size(), scores);
      end = scores[1] > scores[0];
      // Web text ends sentences without punctuation, and the model learnt it; but between
      // two capitalised words on one line it cuts names ("Kim Jong | Un said").
      if (end && !rule && inside_name(text, tokens, i)) end = false;
    }
    if (i == dateline) end = true;
    if (!end && words >= options.max_sentence_words) end = true;
    if (end) {
      out.push_back(i);
      words = 0;
    }
  }
  out.push_back(tokens.size() - 1);
}

std::vector<std::size_t> clitic_split(std::string_view lower) {
  // Normalise the typographic apostrophe for matching; lengths refer to the original bytes.
  std::string s(lower);
  std::vector<std::size_t> map;  // byte index in s -> index in lower
  {
    std::string t;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s.compare(i, 3, "\xE2\x80\x99") == 0) {
        map.push_back(i);
        t += '\'';
        i += 2;
      } else {
        map.push_back(i);
        t += s[i];
      }
    }
    map.push_back(s.size());
    s = std::move(t);
  }
  auto letters = [](std::string_view w) {
    if (w.empty()) return false;
    for (char c : w) {
      if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
    }
    return true;
  };
  if (s.size() > 3 && s.ends_with("n't") && letters(s.substr(0, s.size() - 3))) {
    const std::size_t cut = map[s.size() - 3];
    return {cut, lower.size() - cut};
  }
  for (std::string_view c : {"'s", "'re", "'ve", "'ll", "'d", "'m"}) {
    if (s.size() > c.size() && s.ends_with(c) && letters(s.substr(0, s.size() - c.size()))) {
      const std::size_t cut = map[s.size() - c.size()];
      return {cut, lower.size() - cut};
    }
  }
  static const std::pair<std::string_view, std::size_t> kFused[] = {
      {"cannot", 3}, {"gonna", 3}, {"wanna", 3}, {"gotta", 3}, {"gimme", 3}, {"lemme", 3}};
  for (const auto& [w, cut] : kFused) {
    if (s == w) return {cut, s.size() - cut};
  }
  return {};
}

void token_words(std::string_view text, Span token, const SegmenterModel* model,
                 std::vector<std::string>& forms) {
  forms.clear();
  const std::string_view surface = text.substr(token.begin, token.size());
  const std::string lower = ascii_lower(surface);
  if (model != nullptr) {
    if (auto it = model->mwt.find(lower); it != model->mwt.end()) {
      std::size_t total = 0;
      for (const auto& w : it->second) total += w.size();
      if (total == lower.size()) {
        std::size_t at = 0;
        for (const auto& w : it->second) {
          forms.push_back(clean_form(surface.substr(at, w.size())));
          at += w.size();
        }
      } else {
        for (const auto& w : it->second) forms.push_back(w);
      }
      return;
    }
    if (model->keep_whole.contains(lower)) {
      forms.push_back(clean_form(surface));
      return;
    }
  }
  const std::vector<std::size_t> cut = clitic_split(lower);
  if (cut.empty()) {
    forms.push_back(clean_form(surface));
    return;
  }
  std::size_t at = 0;
  for (std::size_t len : cut) {
    forms.push_back(clean_form(surface.substr(at, len)));
    at += len;
  }
}

}  // namespace dyad::text

namespace dyad {

Segmenter::Segmenter(SegmenterOptions options) : options_(options) {}

Segmenter::Segmenter(std::shared_ptr<const text::SegmenterModel> model, SegmenterOptions options)
    : model_(std::move(model)), options_(options) {}

Result<Segmenter> Segmenter::load(const std::string& path, SegmenterOptions options) {
  auto payload = nlp::read_model_file(path, text::kSegmenterKind, text::kSegmenterVersion);
  if (!payload.ok()) return payload.error();
  auto model = std::make_shared<text::SegmenterModel>();
  nlp::BinaryReader r(payload.value());
  if (!model->load(r)) return make_error(ErrorCode::kParse, "corrupt segmenter model", path);
  return Segmenter(std::move(model), options);
}

std::vector<Span> Segmenter::tokenize(std::string_view text) const {
  std::vector<Span> paras;
  text::paragraphs(text, options_.line_breaks_end_sentences, paras);
  std::vector<Span> out;
  for (const Span& p : paras) text::tokenize_span(text, p, model_.get(), options_, out);
  return out;
}

std::vector<Sentence> Segmenter::segment(std::string_view text) const {
  std::vector<Sentence> out;
  std::vector<Span> paras;
  std::vector<Span> toks;
  std::vector<std::size_t> ends;
  std::vector<std::string> forms;
  text::paragraphs(text, options_.line_breaks_end_sentences, paras);
  for (const Span& para : paras) {
    toks.clear();
    text::tokenize_span(text, para, model_.get(), options_, toks);
    text::sentence_ends(text, toks, model_.get(), options_, ends);
    std::size_t first = 0;
    for (std::size_t last : ends) {
      Sentence s;
      s.index = out.size();
      s.span = {toks[first].begin, toks[last].end};
      s.text = std::string(text.substr(s.span.begin, s.span.size()));
      for (std::size_t k = first; k <= last; ++k) {
        text::token_words(text, toks[k], model_.get(), forms);
        for (std::string& f : forms) {
          Token t;
          t.form = std::move(f);
          t.span = toks[k];
          s.tokens.push_back(std::move(t));
        }
        bool glued = false;
        if (k + 1 < toks.size()) {
          glued = toks[k + 1].begin == toks[k].end;
        } else if (toks[k].end < text.size()) {
          std::size_t len = 1;
          glued = text::char_class(text::decode_utf8(text, toks[k].end, len)) !=
                  text::CharClass::kSpace;
        }
        if (glued) s.tokens.back().misc = "SpaceAfter=No";
      }
      out.push_back(std::move(s));
      first = last + 1;
    }
  }
  return out;
}

}  // namespace dyad
