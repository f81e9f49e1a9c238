// CoNLL-U reader and writer; the mapping onto Sentence/Token is documented in conllu.h.
#include "dyad/conllu.h"

#include <charconv>
#include <fstream>
#include <istream>
#include <ostream>
#include <sstream>
#include <utility>

namespace dyad {
namespace {

constexpr int kMaxWordId = 1 << 24;  // far above any real sentence; guards int overflow

struct Range {
  int first = 0;  // 1-based word ids, inclusive
  int last = 0;
  std::string form;
  std::string misc;
};

// Items of the range line's MISC that describe spacing: they travel with the group's last
// word in memory (see conllu.h).
bool is_spacing_item(std::string_view item) {
  return item.starts_with("SpaceAfter=") || item.starts_with("CorrectSpaceAfter=") ||
         item.starts_with("SpacesAfter=");
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

bool parse_int(std::string_view s, int& value) {
  if (s.empty() || s.size() > 9) return false;
  const auto* end = s.data() + s.size();
  const auto res = std::from_chars(s.data(), end, value);
  return res.ec == std::errc() && res.ptr == end && value >= 0;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

std::string join_misc(std::string_view a, std::string_view b) {
  if (a.empty() || a == "_") return std::string(b.empty() ? "_" : b);
  if (b.empty() || b == "_") return std::string(a);
  std::string out(a);
  out += '|';
  out += b;
  return out;
}

bool space_after_no(std::string_view misc) { return misc_get(misc, "SpaceAfter") == "No"; }

class Reader {
 public:
  Reader(std::string_view text, std::string_view source) : text_(text), source_(source) {}

  Result<std::vector<Sentence>> run() {
    std::size_t pos = 0;
    while (pos <= text_.size()) {
      std::size_t eol = text_.find('\n', pos);
      const bool last = eol == std::string_view::npos;
      if (last) eol = text_.size();
      ++line_no_;
      std::string_view line = text_.substr(pos, eol - pos);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      if (Status st = on_line(line); !st.ok()) return st.error();
      if (last) break;
      pos = eol + 1;
    }
    if (Status st = finish_sentence(); !st.ok()) return st.error();
    return std::move(sentences_);
  }

 private:
  Error error(const std::string& message, std::size_t line) const {
    std::string where = source_.empty() ? std::string("line ") : std::string(source_) + ":";
    where += std::to_string(line);
    return make_error(ErrorCode::kParse, message, std::move(where));
  }

  Status on_line(std::string_view line) {
    if (trim(line).empty()) return finish_sentence();
    if (line.front() == '#') {
      if (!words_.empty()) return error("comment line inside a sentence", line_no_);
      if (start_line_ == 0) start_line_ = line_no_;
      on_comment(line.substr(1));
      return {};
    }
    if (start_line_ == 0) start_line_ = line_no_;
    const std::vector<std::string_view> cols = split(line, '\t');
    if (cols.size() != 10) {
      return error("expected 10 tab-separated columns, found " + std::to_string(cols.size()),
                   line_no_);
    }
    const std::string_view id = cols[0];
    if (id.find('.') != std::string_view::npos) {
      // An empty node of the enhanced graph: check the form of its ID, then skip it.
      const auto parts = split(id, '.');
      int a = 0;
      int b = 0;
      if (parts.size() != 2 || !parse_int(parts[0], a) || !parse_int(parts[1], b)) {
        return error("bad empty-node ID '" + std::string(id) + "'", line_no_);
      }
      return {};
    }
    const int expected = static_cast<int>(words_.size()) + 1;
    if (id.find('-') != std::string_view::npos) {
      const auto parts = split(id, '-');
      Range r;
      if (parts.size() != 2 || !parse_int(parts[0], r.first) || !parse_int(parts[1], r.last)) {
        return error("bad multi-word token range '" + std::string(id) + "'", line_no_);
      }
      if (r.first != expected || r.last < r.first || r.last > kMaxWordId) {
        return error("multi-word token range '" + std::string(id) + "' does not start at word " +
                         std::to_string(expected),
                     line_no_);
      }
      if (!ranges_.empty() && ranges_.back().last >= r.first) {
        return error("overlapping multi-word token ranges", line_no_);
      }
      if (cols[1].empty()) return error("empty FORM", line_no_);
      r.form = std::string(cols[1]);
      r.misc = std::string(cols[9]);
      ranges_.push_back(std::move(r));
      return {};
    }
    int n = 0;
    if (!parse_int(id, n) || n > kMaxWordId) {
      return error("bad word ID '" + std::string(id) + "'", line_no_);
    }
    if (n != expected) {
      return error("word ID " + std::to_string(n) + " out of sequence, expected " +
                       std::to_string(expected),
                   line_no_);
    }
    if (cols[1].empty()) return error("empty FORM", line_no_);
    Token t;
    t.form = std::string(cols[1]);
    t.lemma = std::string(cols[2]);
    t.upos = std::string(cols[3]);
    t.xpos = std::string(cols[4]);
    t.feats = std::string(cols[5]);
    if (cols[6] == "_") {
      t.head = -1;
    } else if (!parse_int(cols[6], t.head) || t.head > kMaxWordId) {
      return error("bad HEAD '" + std::string(cols[6]) + "'", line_no_);
    }
    t.deprel = std::string(cols[7]);
    t.deps = std::string(cols[8]);
    t.misc = std::string(cols[9]);
    words_.push_back(std::move(t));
    word_lines_.push_back(line_no_);
    return {};
  }

  void on_comment(std::string_view body) {
    const std::size_t eq = body.find('=');
    if (eq == std::string_view::npos) return;
    const std::string_view key = trim(body.substr(0, eq));
    // The value is kept verbatim after the one space that follows '=' (a text may
    // begin or end with spaces).
    std::string_view value = body.substr(eq + 1);
    if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (key == "sent_id") {
      // Whitespace controls become spaces, as the writer writes them, so an id reads back
      // the same after a write.
      std::string id(value);
      for (char& c : id) {
        if (c == '\t' || c == '\r' || c == '\n') c = ' ';
      }
      id_ = std::string(trim(id));
    } else if (key == "text") {
      text_comment_ = std::string(value);
      has_text_ = true;
    }
  }

  Status finish_sentence() {
    if (words_.empty()) {
      if (!ranges_.empty()) return error("multi-word token range without words", start_line_);
      reset();
      return {};
    }
    const int n = static_cast<int>(words_.size());
    for (std::size_t i = 0; i < words_.size(); ++i) {
      if (words_[i].head > n) {
        return error("HEAD " + std::to_string(words_[i].head) + " beyond the sentence's " +
                         std::to_string(n) + " words",
                     word_lines_[i]);
      }
    }
    if (!ranges_.empty() && ranges_.back().last > n) {
      return error("multi-word token range beyond the sentence's last word", start_line_);
    }

    // Surface units: a range, or a single word not covered by one.
    struct Unit {
      int first;
      int last;
      std::string_view form;
      std::string_view misc;
    };
    std::vector<Unit> units;
    std::size_t r = 0;
    for (int i = 1; i <= n;) {
      if (r < ranges_.size() && ranges_[r].first == i) {
        units.push_back({i, ranges_[r].last, ranges_[r].form, ranges_[r].misc});
        i = ranges_[r].last + 1;
        ++r;
      } else {
        const Token& w = words_[static_cast<std::size_t>(i - 1)];
        units.push_back({i, i, w.form, w.misc});
        ++i;
      }
    }

    Sentence s;
    s.index = sentences_.size();
    s.id = id_;
    if (has_text_) {
      s.text = text_comment_;
    } else {
      for (std::size_t u = 0; u < units.size(); ++u) {
        s.text += units[u].form;
        if (u + 1 < units.size() && !space_after_no(units[u].misc)) s.text += ' ';
      }
    }
    s.span = {base_, base_ + s.text.size()};

    std::size_t cursor = 0;
    for (const Unit& u : units) {
      while (cursor < s.text.size() && (s.text[cursor] == ' ' || s.text[cursor] == '\t')) {
        ++cursor;
      }
      Span span;
      std::size_t at = std::string::npos;
      if (s.text.compare(cursor, u.form.size(), u.form) == 0) {
        at = cursor;
      } else {
        at = s.text.find(u.form, cursor);
      }
      if (at != std::string::npos) {
        span = {base_ + at, base_ + at + u.form.size()};
        cursor = at + u.form.size();
      }
      for (int i = u.first; i <= u.last; ++i) words_[static_cast<std::size_t>(i - 1)].span = span;
      if (u.last > u.first) {
        Token& tail = words_[static_cast<std::size_t>(u.last - 1)];
        std::string carried;
        for (std::string_view item : split(u.misc, '|')) {
          if (!is_spacing_item(item)) continue;
          if (!carried.empty()) carried += '|';
          carried += item;
        }
        if (!carried.empty()) tail.misc = join_misc(tail.misc, carried);
      }
    }
    s.tokens = std::move(words_);
    base_ += s.text.size() + 1;
    sentences_.push_back(std::move(s));
    reset();
    return {};
  }

  void reset() {
    words_.clear();
    word_lines_.clear();
    ranges_.clear();
    id_.clear();
    text_comment_.clear();
    has_text_ = false;
    start_line_ = 0;
  }

  std::string_view text_;
  std::string_view source_;
  std::size_t line_no_ = 0;
  std::size_t base_ = 0;
  std::vector<Sentence> sentences_;
  // The sentence being read.
  std::vector<Token> words_;
  std::vector<std::size_t> word_lines_;
  std::vector<Range> ranges_;
  std::string id_;
  std::string text_comment_;
  bool has_text_ = false;
  std::size_t start_line_ = 0;
};

void put_field(std::ostream& out, std::string_view field) {
  if (field.empty()) {
    out << '_';
    return;
  }
  for (char c : field) out << ((c == '\t' || c == '\n' || c == '\r') ? ' ' : c);
}

}  // namespace

Result<std::vector<Sentence>> read_conllu(std::string_view text, std::string_view source) {
  return Reader(text, source).run();
}

Result<std::vector<Sentence>> read_conllu(std::istream& in, std::string_view source) {
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return make_error(ErrorCode::kIo, "read failed", std::string(source));
  const std::string text = buf.str();
  return read_conllu(std::string_view(text), source);
}

Result<std::vector<Sentence>> read_conllu_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kNotFound, "cannot open CoNLL-U file", path);
  return read_conllu(in, path);
}

std::string misc_get(std::string_view misc, std::string_view key) {
  if (misc.empty() || misc == "_") return {};
  for (std::string_view item : split(misc, '|')) {
    if (item.size() > key.size() && item.starts_with(key) && item[key.size()] == '=') {
      return std::string(item.substr(key.size() + 1));
    }
  }
  return {};
}

std::string misc_set(std::string_view misc, std::string_view key, std::string_view value) {
  std::string out;
  bool done = false;
  if (!misc.empty() && misc != "_") {
    for (std::string_view item : split(misc, '|')) {
      const bool match =
          item.size() > key.size() && item.starts_with(key) && item[key.size()] == '=';
      if (match) {
        if (done || value.empty()) continue;
        done = true;
        if (!out.empty()) out += '|';
        out += key;
        out += '=';
        out += value;
        continue;
      }
      if (item.empty()) continue;
      if (!out.empty()) out += '|';
      out += item;
    }
  }
  if (!done && !value.empty()) {
    if (!out.empty()) out += '|';
    out += key;
    out += '=';
    out += value;
  }
  return out.empty() ? std::string("_") : out;
}

void write_conllu(std::ostream& out, const Sentence& sentence) {
  if (!sentence.id.empty()) {
    out << "# sent_id = ";
    put_field(out, sentence.id);
    out << '\n';
  }
  out << "# text = ";
  for (char c : sentence.text) out << ((c == '\t' || c == '\n' || c == '\r') ? ' ' : c);
  out << '\n';
  const auto& toks = sentence.tokens;
  const std::size_t n = toks.size();
  std::size_t group_start = 0;  // the current surface token's words: [group_start, group_end)
  std::size_t group_end = 0;
  for (std::size_t i = 0; i < n; ++i) {
    std::string misc = toks[i].misc;
    if (i >= group_end) {
      std::size_t j = i;
      if (!toks[i].span.empty()) {
        while (j + 1 < n && toks[j + 1].span == toks[i].span) ++j;
      }
      group_start = i;
      group_end = j + 1;
      if (j > i) {
        const Span sp = toks[i].span;
        std::string surface;
        if (sp.begin >= sentence.span.begin && sp.end <= sentence.span.end &&
            sentence.span.size() == sentence.text.size()) {
          surface = sentence.text.substr(sp.begin - sentence.span.begin, sp.size());
        } else {
          for (std::size_t k = i; k <= j; ++k) surface += toks[k].form;
        }
        std::string range_misc;
        const std::string& tail_misc = toks[j].misc;
        if (!tail_misc.empty() && tail_misc != "_") {
          for (std::string_view item : split(tail_misc, '|')) {
            if (!is_spacing_item(item)) continue;
            if (!range_misc.empty()) range_misc += '|';
            range_misc += item;
          }
        }
        out << (i + 1) << '-' << (j + 1) << '\t';
        put_field(out, surface);
        out << "\t_\t_\t_\t_\t_\t_\t_\t";
        put_field(out, range_misc);
        out << '\n';
      }
    }
    if (group_end - group_start > 1 && i + 1 == group_end && !misc.empty() && misc != "_") {
      // The last word of a multi-word token: its spacing belongs to the range line.
      std::string kept;
      for (std::string_view item : split(misc, '|')) {
        if (is_spacing_item(item)) continue;
        if (!kept.empty()) kept += '|';
        kept += item;
      }
      misc = kept;
    }
    const Token& t = toks[i];
    out << (i + 1) << '\t';
    put_field(out, t.form);
    out << '\t';
    put_field(out, t.lemma);
    out << '\t';
    put_field(out, t.upos);
    out << '\t';
    put_field(out, t.xpos);
    out << '\t';
    put_field(out, t.feats);
    out << '\t';
    if (t.head < 0) {
      out << '_';
    } else {
      out << t.head;
    }
    out << '\t';
    put_field(out, t.deprel);
    out << '\t';
    put_field(out, t.deps);
    out << '\t';
    put_field(out, misc);
    out << '\n';
  }
  out << '\n';
}

std::string to_conllu(const Sentence& sentence) {
  std::ostringstream out;
  write_conllu(out, sentence);
  return out.str();
}

std::string to_conllu(const std::vector<Sentence>& sentences) {
  std::ostringstream out;
  for (const Sentence& s : sentences) write_conllu(out, s);
  return out.str();
}

}  // namespace dyad
