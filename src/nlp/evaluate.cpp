#include "dyad/nlp.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string_view>

#include "text/chars.h"

namespace dyad {
namespace {

struct CharSpan {
  std::size_t start = 0;
  std::size_t end = 0;
  friend bool operator==(const CharSpan&, const CharSpan&) = default;
};

struct Word {
  const Token* token = nullptr;
  CharSpan span;           // of its surface token
  bool multiword = false;
  long parent = -1;        // index of the head word in the file's word list, -1 for root
  std::string lower_form;
};

struct File {
  std::string chars;
  std::vector<CharSpan> tokens;
  std::vector<CharSpan> sentences;
  std::vector<Word> words;
};

void strip_space(std::string_view s, std::string& out) {
  for (char c : s) {
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') out += c;
  }
}

File load(const std::vector<Sentence>& sentences) {
  File f;
  for (const Sentence& s : sentences) {
    const std::size_t first_word = f.words.size();
    const std::size_t sent_start = f.chars.size();
    const auto& toks = s.tokens;
    for (std::size_t i = 0; i < toks.size();) {
      std::size_t j = i + 1;
      if (!toks[i].span.empty()) {
        while (j < toks.size() && toks[j].span == toks[i].span) ++j;
      }
      std::string surface;
      if (j - i > 1) {
        const Span sp = toks[i].span;
        if (sp.begin >= s.span.begin && sp.end <= s.span.end && s.span.size() == s.text.size()) {
          surface = s.text.substr(sp.begin - s.span.begin, sp.size());
        } else {
          for (std::size_t k = i; k < j; ++k) surface += toks[k].form;
        }
      } else {
        surface = toks[i].form;
      }
      CharSpan span;
      span.start = f.chars.size();
      strip_space(surface, f.chars);
      span.end = f.chars.size();
      f.tokens.push_back(span);
      for (std::size_t k = i; k < j; ++k) {
        Word w;
        w.token = &toks[k];
        w.span = span;
        w.multiword = j - i > 1;
        w.parent = toks[k].head > 0 ? static_cast<long>(first_word) + toks[k].head - 1 : -1;
        if (toks[k].head > static_cast<int>(toks.size())) w.parent = -2;
        w.lower_form = text::ascii_lower(toks[k].form);
        f.words.push_back(std::move(w));
      }
      i = j;
    }
    if (!toks.empty()) f.sentences.push_back({sent_start, f.chars.size()});
  }
  return f;
}

ParseMetric span_metric(const std::vector<CharSpan>& gold, const std::vector<CharSpan>& sys) {
  ParseMetric m;
  m.gold = gold.size();
  m.system = sys.size();
  std::size_t gi = 0;
  std::size_t si = 0;
  while (gi < gold.size() && si < sys.size()) {
    if (gold[gi] == sys[si]) {
      ++m.correct;
      ++gi;
      ++si;
    } else if (gold[gi].start < sys[si].start ||
               (gold[gi].start == sys[si].start && gold[gi].end < sys[si].end)) {
      ++gi;
    } else {
      ++si;
    }
  }
  return m;
}

constexpr std::array<std::string_view, 24> kUniversalFeatures = {
    "PronType", "NumType", "Poss",   "Reflex",    "Foreign", "Abbr",    "Typo",  "Gender",
    "Animacy",  "NounClass", "Number", "Case",    "Definite", "Degree", "VerbForm", "Mood",
    "Tense",    "Aspect",  "Voice",  "Evident",   "Polarity", "Person", "Polite", "Clusivity"};

std::string universal_feats(const std::string& feats) {
  std::string out;
  std::size_t start = 0;
  while (start <= feats.size()) {
    std::size_t bar = feats.find('|', start);
    if (bar == std::string::npos) bar = feats.size();
    const std::string_view item = std::string_view(feats).substr(start, bar - start);
    const std::size_t eq = item.find('=');
    if (eq != std::string_view::npos &&
        std::find(kUniversalFeatures.begin(), kUniversalFeatures.end(), item.substr(0, eq)) !=
            kUniversalFeatures.end()) {
      if (!out.empty()) out += '|';
      out += item;
    }
    start = bar + 1;
  }
  return out;
}

std::string_view universal_rel(const std::string& rel) {
  const std::size_t colon = rel.find(':');
  return std::string_view(rel).substr(0, colon);
}

// Aligned word pairs (gold index, system index), as conll18_ud_eval.py aligns them.
std::vector<std::pair<std::size_t, std::size_t>> align(const File& g, const File& s) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  const auto& gw = g.words;
  const auto& sw = s.words;
  std::size_t gi = 0;
  std::size_t si = 0;
  while (gi < gw.size() && si < sw.size()) {
    if (gw[gi].multiword || sw[si].multiword) {
      std::size_t end = 0;
      if (gw[gi].multiword) {
        end = gw[gi].span.end;
        if (!sw[si].multiword && sw[si].span.start < gw[gi].span.start) ++si;
      } else {
        end = sw[si].span.end;
        if (!gw[gi].multiword && gw[gi].span.start < sw[si].span.start) ++gi;
      }
      const std::size_t gs = gi;
      const std::size_t ss = si;
      while ((gi < gw.size() && gw[gi].span.start < end) || (si < sw.size() && sw[si].span.start < end)) {
        if (gi < gw.size() && (si >= sw.size() || gw[gi].span.start <= sw[si].span.start)) {
          if (gw[gi].multiword) end = std::max(end, gw[gi].span.end);
          ++gi;
        } else {
          if (sw[si].multiword) end = std::max(end, sw[si].span.end);
          ++si;
        }
      }
      // Longest common subsequence of lowercased forms.
      const std::size_t ng = gi - gs;
      const std::size_t ns = si - ss;
      std::vector<std::vector<int>> lcs(ng + 1, std::vector<int>(ns + 1, 0));
      for (std::size_t a = ng; a-- > 0;) {
        for (std::size_t b = ns; b-- > 0;) {
          if (gw[gs + a].lower_form == sw[ss + b].lower_form) {
            lcs[a][b] = 1 + lcs[a + 1][b + 1];
          } else {
            lcs[a][b] = std::max(lcs[a + 1][b], lcs[a][b + 1]);
          }
        }
      }
      std::size_t a = 0;
      std::size_t b = 0;
      while (a < ng && b < ns) {
        if (gw[gs + a].lower_form == sw[ss + b].lower_form) {
          out.emplace_back(gs + a, ss + b);
          ++a;
          ++b;
        } else if (lcs[a + 1][b] >= lcs[a][b + 1]) {
          ++a;
        } else {
          ++b;
        }
      }
    } else if (gw[gi].span == sw[si].span) {
      out.emplace_back(gi, si);
      ++gi;
      ++si;
    } else if (gw[gi].span.start <= sw[si].span.start) {
      ++gi;
    } else {
      ++si;
    }
  }
  return out;
}

}  // namespace

Result<ParseScores> score_parse(const std::vector<Sentence>& gold, const std::vector<Sentence>& system) {
  const File g = load(gold);
  const File s = load(system);
  if (g.chars != s.chars) {
    std::size_t i = 0;
    while (i < g.chars.size() && i < s.chars.size() && g.chars[i] == s.chars[i]) ++i;
    auto around = [](const std::string& c, std::size_t at) {
      const std::size_t from = at >= 10 ? at - 10 : 0;
      return c.substr(from, 20);
    };
    return make_error(ErrorCode::kInvalidArgument,
                      "gold and system texts differ at non-space character " + std::to_string(i) +
                          ": gold '" + around(g.chars, i) + "' vs system '" + around(s.chars, i) + "'");
  }
  ParseScores e;
  e.tokens = span_metric(g.tokens, s.tokens);
  e.sentences = span_metric(g.sentences, s.sentences);
  const auto pairs = align(g, s);
  std::vector<long> gold_to_sys(g.words.size(), -1);
  for (const auto& [a, b] : pairs) gold_to_sys[a] = static_cast<long>(b);
  ParseMetric base;
  base.gold = g.words.size();
  base.system = s.words.size();
  base.aligned = pairs.size();
  e.words = base;
  e.words.correct = pairs.size();
  e.upos = e.xpos = e.ufeats = e.alltags = e.lemmas = e.uas = e.las = base;
  for (const auto& [a, b] : pairs) {
    const Token& gt = *g.words[a].token;
    const Token& st = *s.words[b].token;
    const bool upos = gt.upos == st.upos;
    const bool xpos = gt.xpos == st.xpos;
    const bool feats = universal_feats(gt.feats) == universal_feats(st.feats);
    e.upos.correct += upos;
    e.xpos.correct += xpos;
    e.ufeats.correct += feats;
    e.alltags.correct += upos && xpos && feats;
    e.lemmas.correct += gt.lemma == "_" || gt.lemma == st.lemma;
    const long gp = g.words[a].parent;
    const long mapped = gp == -1 ? -1 : (gp >= 0 ? gold_to_sys[static_cast<std::size_t>(gp)] : -3);
    const bool head = gp == -1 ? s.words[b].parent == -1 : (mapped >= 0 && mapped == s.words[b].parent);
    if (head) {
      ++e.uas.correct;
      if (universal_rel(gt.deprel) == universal_rel(st.deprel)) ++e.las.correct;
    }
  }
  return e;
}

std::string format_parse_scores(const ParseScores& e) {
  std::string out = "ParseMetric     | Precision |    Recall |  F1 Score | AligndAcc\n";
  out += "-----------+-----------+-----------+-----------+-----------\n";
  auto line = [&](const char* name, const ParseMetric& m, bool aligned) {
    char buf[160];
    if (aligned) {
      std::snprintf(buf, sizeof(buf), "%-11s|%10.2f |%10.2f |%10.2f |%10.2f\n", name,
                    100 * m.precision(), 100 * m.recall(), 100 * m.f1(), 100 * m.aligned_accuracy());
    } else {
      std::snprintf(buf, sizeof(buf), "%-11s|%10.2f |%10.2f |%10.2f |\n", name, 100 * m.precision(),
                    100 * m.recall(), 100 * m.f1());
    }
    out += buf;
  };
  line("Tokens", e.tokens, false);
  line("Sentences", e.sentences, false);
  line("Words", e.words, false);
  line("UPOS", e.upos, true);
  line("XPOS", e.xpos, true);
  line("UFeats", e.ufeats, true);
  line("AllTags", e.alltags, true);
  line("Lemmas", e.lemmas, true);
  line("UAS", e.uas, true);
  line("LAS", e.las, true);
  return out;
}

}  // namespace dyad
