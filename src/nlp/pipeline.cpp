#include <algorithm>
#include <filesystem>

#include "dyad/nlp.h"
#include "dyad/paths.h"
#include "nlp/models.h"
#include "text/segmenter_impl.h"

namespace dyad::nlp {
namespace {

template <typename Model>
Result<Model> load_model(const std::string& path, std::string_view kind, std::uint32_t version) {
  auto payload = read_model_file(path, kind, version);
  if (!payload.ok()) return payload.error();
  Model m;
  BinaryReader r(payload.value());
  if (!m.load(r)) {
    return make_error(ErrorCode::kParse, "corrupt " + std::string(kind) + " model", path);
  }
  return m;
}

template <typename Model>
Status save_model(const Model& m, const std::string& path, std::string_view kind,
                  std::uint32_t version) {
  BinaryWriter w;
  m.save(w);
  return write_model_file(path, kind, version, w.data());
}

bool unset(const std::string& s) { return s.empty() || s == "_"; }

}  // namespace

Result<TaggerModel> load_tagger(const std::string& path) {
  return load_model<TaggerModel>(path, kTaggerKind, kTaggerVersion);
}
Result<LemmatizerModel> load_lemmatizer(const std::string& path) {
  return load_model<LemmatizerModel>(path, kLemmatizerKind, kLemmatizerVersion);
}
Result<ParserModel> load_parser(const std::string& path) {
  std::uint32_t version = 0;
  auto payload = read_model_file(path, kParserKind, kParserVersion, &version, kParserMinVersion);
  if (!payload.ok()) return payload.error();
  ParserModel m;
  BinaryReader r(payload.value());
  if (!m.load(r, version)) return make_error(ErrorCode::kParse, "corrupt parser model", path);
  return m;
}
Result<NeuralParserModel> load_neural_parser(const std::string& path) {
  return load_model<NeuralParserModel>(path, kNeuralParserKind, kNeuralParserVersion);
}
Status save_neural_parser(const NeuralParserModel& m, const std::string& path) {
  return save_model(m, path, kNeuralParserKind, kNeuralParserVersion);
}
Status save_tagger(const TaggerModel& m, const std::string& path) {
  return save_model(m, path, kTaggerKind, kTaggerVersion);
}
Status save_lemmatizer(const LemmatizerModel& m, const std::string& path) {
  return save_model(m, path, kLemmatizerKind, kLemmatizerVersion);
}
Status save_parser(const ParserModel& m, const std::string& path) {
  return save_model(m, path, kParserKind, kParserVersion);
}
Status save_segmenter(const text::SegmenterModel& m, const std::string& path) {
  return save_model(m, path, text::kSegmenterKind, text::kSegmenterVersion);
}

void analyze_words(const Models& models, Sentence& sentence, bool keep, bool reparse) {
  if (sentence.tokens.empty()) return;
  bool tagged = keep;
  bool lemmatised = keep;
  for (const Token& t : sentence.tokens) {
    if (unset(t.upos) || unset(t.xpos)) tagged = false;
    if (unset(t.lemma)) lemmatised = false;
  }
  if (!tagged) {
    // Keep what the caller set, fill in the rest.
    std::vector<std::pair<std::string, std::string>> given;
    for (const Token& t : sentence.tokens) given.emplace_back(t.upos, t.xpos);
    tag_sentence(models.tagger, sentence);
    if (keep) {
      for (std::size_t i = 0; i < given.size(); ++i) {
        if (!unset(given[i].first) && !unset(given[i].second)) {
          sentence.tokens[i].upos = given[i].first;
          sentence.tokens[i].xpos = given[i].second;
        }
      }
    }
  }
  // The neural parser reads the tagger's tags and no lemmas; when it retags (only words
  // whose tags nobody gave), it goes first so that lemmas follow the tags it settles on.
  if (models.neural && reparse) neural_parse_sentence(*models.neural, sentence, models.neural_tags && !keep);
  if (!lemmatised) {
    std::vector<std::pair<std::string, std::string>> given;
    for (const Token& t : sentence.tokens) given.emplace_back(t.lemma, t.feats);
    lemmatize_sentence(models.lemmatizer, sentence);
    if (keep) {
      for (std::size_t i = 0; i < given.size(); ++i) {
        if (!unset(given[i].first)) sentence.tokens[i].lemma = given[i].first;
        if (!unset(given[i].second)) sentence.tokens[i].feats = given[i].second;
      }
    }
  }
  // The accurate parser has parsed already; the repairs are measured on the default one.
  if (models.neural || !reparse) return;
  parse_sentence(models.parser, sentence, models.parser_members);
  // Tags the caller gave are the caller's; predicted ones may be repaired.
  if (!tagged) {
    repair_infinitive_nouns(models, sentence);
    repair_verbless_root(models, sentence);
    merge_split_subjects(sentence);
    repair_clause_attachments(sentence);
  }
}

}  // namespace dyad::nlp

namespace dyad {

Analyzer::Analyzer(std::shared_ptr<const nlp::Models> models) : models_(std::move(models)) {}

Result<Analyzer> Analyzer::load(const std::string& models_dir, AnalyzerOptions options) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(models_dir, ec)) {
    return make_error(ErrorCode::kNotFound, "models directory not found (run `dyad train`?)",
                      models_dir);
  }
  auto dir = fs::path(models_dir);
  auto models = std::make_shared<nlp::Models>();
  auto seg = Segmenter::load((dir / nlp::kSegmenterFile).string(), options.segmenter);
  if (!seg.ok()) return seg.error();
  models->segmenter = std::move(seg.value());
  auto tagger = nlp::load_tagger((dir / nlp::kTaggerFile).string());
  if (!tagger.ok()) return tagger.error();
  models->tagger = std::move(tagger.value());
  auto lem = nlp::load_lemmatizer((dir / nlp::kLemmatizerFile).string());
  if (!lem.ok()) return lem.error();
  models->lemmatizer = std::move(lem.value());
  auto parser = nlp::load_parser((dir / nlp::kParserFile).string());
  if (!parser.ok()) return parser.error();
  models->parser = std::move(parser.value());
  models->parser_members = std::max(0, options.parser_members);
  if (options.accurate_parser) {
    auto neural = nlp::load_neural_parser((dir / nlp::kNeuralParserFile).string());
    if (!neural.ok()) return neural.error();
    models->neural = std::make_shared<const nlp::NeuralParserModel>(std::move(neural.value()));
    models->neural_tags = options.neural_tags;
  }
  return Analyzer(std::move(models));
}

Result<std::vector<Sentence>> Analyzer::analyze(std::string_view text) const {
  if (text.size() > kMaxTextBytes) {
    return make_error(ErrorCode::kTooLarge,
                      "text of " + std::to_string(text.size()) + " bytes is over the " +
                          std::to_string(kMaxTextBytes) + "-byte limit of one analyze() call");
  }
  std::vector<Sentence> sentences = models_->segmenter.segment(text);
  for (Sentence& s : sentences) nlp::analyze_words(*models_, s, false, true);
  return sentences;
}

void Analyzer::parse(Sentence& sentence) const { nlp::analyze_words(*models_, sentence, true, true); }

void Analyzer::lemmatize(Sentence& sentence) const { nlp::analyze_words(*models_, sentence, true, false); }

void Analyzer::reanalyze(Sentence& sentence) const { nlp::analyze_words(*models_, sentence, false, true); }

const Segmenter& Analyzer::segmenter() const { return models_->segmenter; }

std::string default_nlp_models_dir() {
  return (std::filesystem::path(default_models_dir()) / "en_ewt").string();
}

}  // namespace dyad
