#include "text/segmenter_train.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_set>

namespace dyad::text {
namespace {

struct Example {
  std::vector<std::uint64_t> feats;
  int label = 0;
};

void train_binary(nlp::SparseTrainer& trainer, const std::vector<Example>& examples, int epochs,
                  std::uint64_t seed) {
  for (int e = 0; e < epochs; ++e) {
    const auto order = nlp::shuffled_indices(examples.size(), seed + static_cast<std::uint64_t>(e));
    for (std::size_t k : order) {
      const Example& ex = examples[k];
      float scores[2] = {0, 0};
      trainer.score(ex.feats.data(), ex.feats.size(), scores);
      const int guess = scores[1] > scores[0] ? 1 : 0;
      trainer.update(ex.feats.data(), ex.feats.size(), ex.label, guess);
      trainer.tick();
    }
  }
}

double f1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }

}  // namespace

std::shared_ptr<SegmenterModel> train_segmenter(const std::vector<ConlluDocument>& docs,
                                                const SegmenterTrainOptions& options) {
  auto model = std::make_shared<SegmenterModel>();
  SegmenterOptions seg_options;
  auto say = [&](const std::string& s) {
    if (options.progress) options.progress(s);
  };

  // 1. Token boundaries inside chunks.
  std::vector<Example> examples;
  std::vector<Span> paras;
  std::vector<Span> chunk_spans;
  std::vector<Piece> ps;
  std::size_t unreachable = 0;
  std::size_t rule_errors = 0;
  for (const auto& doc : docs) {
    std::unordered_set<std::size_t> begins;
    std::unordered_set<std::size_t> ends;
    for (const Sentence& s : doc.sentences) {
      for (const Span& t : nlp::surface_tokens(s)) {
        begins.insert(t.begin);
        ends.insert(t.end);
      }
    }
    paragraphs(doc.text, false, paras);
    for (const Span& para : paras) {
      chunks(doc.text, para, chunk_spans);
      for (const Span& c : chunk_spans) {
        pieces(doc.text, c, seg_options.max_token_bytes, ps);
        for (const Piece& p : ps) {
          for (std::size_t b = p.begin + 1; b < p.end; ++b) {
            if (begins.contains(b)) ++unreachable;
          }
        }
        const char after = next_kind(doc.text, c.end, para.end);
        for (std::size_t i = 0; i + 1 < ps.size(); ++i) {
          if (ps[i].kind == PieceKind::kAtomic || ps[i + 1].kind == PieceKind::kAtomic) continue;
          const bool split = begins.contains(ps[i + 1].begin) || ends.contains(ps[i].end);
          const bool rule = rule_join(doc.text, ps, i);
          if (rule == split) ++rule_errors;
          Example ex;
          boundary_features(doc.text, ps, i, after, rule, ex.feats);
          ex.label = split ? 0 : 1;
          examples.push_back(std::move(ex));
        }
      }
    }
  }
  say("segmenter: " + std::to_string(examples.size()) + " in-chunk boundaries, rules wrong on " +
      std::to_string(rule_errors) + ", " + std::to_string(unreachable) +
      " gold boundaries inside pieces");
  nlp::SparseTrainer boundary(2);
  train_binary(boundary, examples, options.epochs, options.seed);
  model->boundary = boundary.finish();

  // 2. Multi-word tokens: the words of each surface token, by majority.
  std::map<std::string, std::map<std::vector<std::string>, int>> split_counts;
  std::map<std::string, int> whole_counts;
  for (const auto& doc : docs) {
    for (const Sentence& s : doc.sentences) {
      for (std::size_t i = 0; i < s.tokens.size();) {
        std::size_t j = i + 1;
        while (j < s.tokens.size() && !s.tokens[i].span.empty() && s.tokens[j].span == s.tokens[i].span) ++j;
        const Span sp = s.tokens[i].span;
        if (!sp.empty()) {
          const std::string surface = ascii_lower(std::string_view(doc.text).substr(sp.begin, sp.size()));
          if (j - i > 1) {
            std::vector<std::string> forms;
            for (std::size_t k = i; k < j; ++k) forms.push_back(ascii_lower(s.tokens[k].form));
            ++split_counts[surface][forms];
          } else {
            ++whole_counts[surface];
          }
        }
        i = j;
      }
    }
  }
  for (const auto& [surface, variants] : split_counts) {
    int total = 0;
    const std::vector<std::string>* best = nullptr;
    int best_n = 0;
    for (const auto& [forms, n] : variants) {
      total += n;
      if (n > best_n) {
        best_n = n;
        best = &forms;
      }
    }
    const auto w = whole_counts.find(surface);
    const int whole = w == whole_counts.end() ? 0 : w->second;
    if (total > whole && best != nullptr) model->mwt.emplace(surface, *best);
  }
  for (const auto& [surface, n] : whole_counts) {
    if (model->mwt.contains(surface) || clitic_split(surface).empty()) continue;
    const auto it = split_counts.find(surface);
    int splits = 0;
    if (it != split_counts.end()) {
      for (const auto& [forms, k] : it->second) splits += k;
    }
    if (n > splits) model->keep_whole.emplace(surface, true);
  }
  say("segmenter: " + std::to_string(model->mwt.size()) + " multi-word token types, " +
      std::to_string(model->keep_whole.size()) + " clitic-like words kept whole");

  // 3. Sentence ends, over the tokens the trained boundary model produces.
  std::vector<Example> sent_examples;
  std::vector<Span> toks;
  for (const auto& doc : docs) {
    std::unordered_set<std::size_t> sent_ends;
    for (const Sentence& s : doc.sentences) sent_ends.insert(s.span.end);
    paragraphs(doc.text, false, paras);
    for (const Span& para : paras) {
      toks.clear();
      tokenize_span(doc.text, para, model.get(), seg_options, toks);
      for (std::size_t i = 0; i + 1 < toks.size(); ++i) {
        Example ex;
        const bool rule = rule_sentence_end(doc.text, toks, i);
        sentence_features(doc.text, toks, i, rule, ex.feats);
        ex.label = sent_ends.contains(toks[i].end) ? 1 : 0;
        sent_examples.push_back(std::move(ex));
      }
    }
  }
  nlp::SparseTrainer sentence(2);
  train_binary(sentence, sent_examples, options.epochs, options.seed + 1000);
  model->sentence = sentence.finish();
  say("segmenter: " + std::to_string(model->boundary.features()) + " boundary and " +
      std::to_string(model->sentence.features()) + " sentence features");
  return model;
}

SegmenterScores score_segmenter(const Segmenter& segmenter, const ConlluDocument& gold) {
  std::set<std::pair<std::size_t, std::size_t>> gold_tokens;
  std::set<std::pair<std::size_t, std::size_t>> gold_sents;
  for (const Sentence& s : gold.sentences) {
    gold_sents.insert({s.span.begin, s.span.end});
    for (const Span& t : nlp::surface_tokens(s)) gold_tokens.insert({t.begin, t.end});
  }
  const auto sents = segmenter.segment(gold.text);
  std::size_t sys_tokens = 0;
  std::size_t ok_tokens = 0;
  std::size_t ok_sents = 0;
  for (const Sentence& s : sents) {
    if (gold_sents.contains({s.span.begin, s.span.end})) ++ok_sents;
    for (const Span& t : nlp::surface_tokens(s)) {
      ++sys_tokens;
      if (gold_tokens.contains({t.begin, t.end})) ++ok_tokens;
    }
  }
  SegmenterScores r;
  r.token_precision = sys_tokens ? static_cast<double>(ok_tokens) / static_cast<double>(sys_tokens) : 0;
  r.token_recall = gold_tokens.empty() ? 0 : static_cast<double>(ok_tokens) / static_cast<double>(gold_tokens.size());
  r.token_f1 = f1(r.token_precision, r.token_recall);
  r.sentence_precision = sents.empty() ? 0 : static_cast<double>(ok_sents) / static_cast<double>(sents.size());
  r.sentence_recall = gold_sents.empty() ? 0 : static_cast<double>(ok_sents) / static_cast<double>(gold_sents.size());
  r.sentence_f1 = f1(r.sentence_precision, r.sentence_recall);
  return r;
}

}  // namespace dyad::text
