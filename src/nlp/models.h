// The models behind an Analyzer, and their file names in a models directory.
#pragma once

#include <memory>
#include <string>

#include "dyad/nlp.h"
#include "dyad/text.h"
#include "nlp/lemmatizer.h"
#include "nlp/neural_parser.h"
#include "nlp/parser.h"
#include "nlp/tagger.h"

namespace dyad::nlp {

inline constexpr const char* kSegmenterFile = "segmenter.bin";
inline constexpr const char* kTaggerFile = "tagger.bin";
inline constexpr const char* kLemmatizerFile = "lemmatizer.bin";
inline constexpr const char* kParserFile = "parser.bin";
// Optional: the accurate parser (AnalyzerOptions::accurate_parser).
inline constexpr const char* kNeuralParserFile = "neural_parser.bin";

struct Models {
  Segmenter segmenter;
  TaggerModel tagger;
  LemmatizerModel lemmatizer;
  ParserModel parser;
  int parser_members = 0;  // 0: all
  std::shared_ptr<const NeuralParserModel> neural;  // when present and chosen
  bool neural_tags = false;  // the neural parser also retags
};

Result<TaggerModel> load_tagger(const std::string& path);
Result<LemmatizerModel> load_lemmatizer(const std::string& path);
Result<ParserModel> load_parser(const std::string& path);
Result<NeuralParserModel> load_neural_parser(const std::string& path);

Status save_tagger(const TaggerModel& m, const std::string& path);
Status save_lemmatizer(const LemmatizerModel& m, const std::string& path);
Status save_parser(const ParserModel& m, const std::string& path);
Status save_neural_parser(const NeuralParserModel& m, const std::string& path);
Status save_segmenter(const text::SegmenterModel& m, const std::string& path);

// Tags, lemmatises and parses a sentence's words in place; `keep` keeps existing tags.
void analyze_words(const Models& models, Sentence& sentence, bool keep);

}  // namespace dyad::nlp
