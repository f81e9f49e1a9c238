#include "dyad_format_syntax.h"

#include <cstdint>
#include <cstdio>

#include "dyad/date.h"

namespace dyad::dyad_format {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

}  // namespace

std::optional<std::string> split_line(std::string_view text, bool pattern, Line& out) {
  out.tokens.clear();
  out.indented = !text.empty() && (text[0] == ' ' || text[0] == '\t');
  std::size_t i = 0;
  const std::size_t n = text.size();
  while (i < n) {
    while (i < n && is_space(text[i])) ++i;
    if (i >= n) break;
    const char c = text[i];
    if (c == '#') break;  // a comment: "#" at the start of a token
    if (c == '[') {
      const auto close = text.find(']', i + 1);
      if (close == std::string_view::npos) return "unclosed \"[\"";
      Token t;
      t.kind = Token::Kind::kBracket;
      t.text = std::string(text.substr(i + 1, close - i - 1));
      out.tokens.push_back(std::move(t));
      i = close + 1;
      continue;
    }
    if (pattern && (c == '(' || c == ')' || c == '{' || c == '}')) {
      Token t;
      t.kind = c == '(' ? Token::Kind::kOpenPrep
               : c == ')' ? Token::Kind::kClosePrep
               : c == '{' ? Token::Kind::kOpenPhrase
                          : Token::Kind::kClosePhrase;
      t.text = std::string(1, c);
      out.tokens.push_back(std::move(t));
      ++i;
      continue;
    }
    Token t;
    bool last_literal = false;
    while (i < n && !is_space(text[i])) {
      const char d = text[i];
      if (d == '\\') {
        if (i + 1 >= n) return "a backslash at the end of the line";
        if (t.text.empty()) t.literal_first = true;
        t.text += text[i + 1];
        t.literal_before_last = last_literal;
        last_literal = true;
        i += 2;
        continue;
      }
      if (d == '[' || d == ']') break;
      if (pattern && (d == '(' || d == ')' || d == '{' || d == '}')) break;
      t.text += d;
      t.literal_before_last = last_literal;
      last_literal = false;
      ++i;
    }
    if (i < n && text[i] == ']' && t.text.empty()) return "\"]\" without \"[\"";
    t.literal_last = last_literal;
    if (!t.text.empty()) out.tokens.push_back(std::move(t));
    if (i < n && text[i] == ']') return "\"]\" without \"[\"";
  }
  return std::nullopt;
}

std::string escape_word(std::string_view word, WordContext context) {
  std::string out;
  out.reserve(word.size() + 2);
  for (std::size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    const bool first = i == 0;
    const bool last = i + 1 == word.size();
    bool esc = c == '\\' || c == '[' || c == ']' || c == '#' || is_space(c) || c == '\n';
    if (last && (c == '*' || c == ':')) esc = true;
    if (first && c == '&') esc = true;
    if (context == WordContext::kPattern) {
      if (c == '(' || c == ')' || c == '{' || c == '}') esc = true;
      if (first && last && (c == '$' || c == '+' || c == '^' || c == '%')) esc = true;
    }
    if (context == WordContext::kVerb && first && c == '+') esc = true;
    if (esc) out += '\\';
    out += c;
  }
  return out;
}

std::string word_text(const LexWord& w, WordContext context) {
  std::string s = escape_word(w.text, context);
  if (w.stem) s += '*';
  // Only a short stem reads differently with any_prefix: a longer one begins any word
  // either way, so it keeps the plain "*".
  if (w.stem && w.any_prefix && w.text.size() <= kShortStemLength) s += '*';
  return s;
}

std::string pattern_text(const VerbPattern& p) {
  using PK = PatternItem::Kind;
  std::string s;
  bool glue = false;  // the next token follows "(" or "{" without a space
  auto put = [&](const std::string& tok, bool closing) {
    if (!s.empty() && !glue && !closing) s += ' ';
    s += tok;
    glue = false;
  };
  auto items = [&](const std::vector<PatternItem>& side) {
    for (const auto& it : side) {
      switch (it.kind) {
        case PK::kWord: put(word_text(it.word, WordContext::kPattern), false); break;
        case PK::kSynset: put("&" + escape_word(it.synset, WordContext::kPattern), false); break;
        case PK::kPhraseBegin: put("{", false); glue = true; break;
        case PK::kPhraseEnd: put("}", true); break;
        case PK::kPrepBegin: put("(", false); glue = true; break;
        case PK::kPrepEnd: put(")", true); break;
        case PK::kSource: put("$", false); break;
        case PK::kTarget: put("+", false); break;
        case PK::kSkip: put("^", false); break;
        case PK::kCompound: put("%", false); break;
      }
    }
  };
  items(p.before);
  put("*", false);
  items(p.after);
  return s;
}

std::string date_range_text(long from, long to) {
  if (from == LONG_MIN && to == LONG_MAX) return {};
  std::string s;
  if (from != LONG_MIN) s += Date::from_days(from).to_string();
  s += "..";
  if (to != LONG_MAX) s += Date::from_days(to).to_string();
  return s;
}

bool parse_date_range(std::string_view text, long& from, long& to, std::string& error) {
  from = LONG_MIN;
  to = LONG_MAX;
  const auto dots = text.find("..");
  if (dots == std::string_view::npos) {
    error = "bad date range \"" + std::string(text) + "\" (expected FROM..TO with YYYY-MM-DD dates)";
    return false;
  }
  auto day = [&](std::string_view d, long& into) {
    if (d.empty()) return true;
    const auto parsed = d.size() == 10 ? parse_date(d) : std::nullopt;
    if (!parsed || parsed->precision != Date::Precision::kDay) {
      error = "bad date \"" + std::string(d) + "\" (expected YYYY-MM-DD)";
      return false;
    }
    into = parsed->days();
    return true;
  };
  const std::string_view a = text.substr(0, dots), b = text.substr(dots + 2);
  if (a.empty() && b.empty()) {
    error = "date range \"..\" without dates";
    return false;
  }
  return day(a, from) && day(b, to);
}

std::string event_code_text(const std::string& code, const std::string& paired) {
  if (paired.empty()) return code;
  return code + ":" + paired;
}

std::string derived_id(const Phrase& phrase, bool trailing) {
  std::string id;
  for (std::size_t i = 0; i < phrase.size(); ++i) {
    if (i) id += '_';
    id += phrase[i].text;
  }
  if (trailing && !phrase.empty() && !phrase.back().stem) id += '_';
  return id;
}

std::string content_hash(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

}  // namespace dyad::dyad_format
