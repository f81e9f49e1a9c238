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

// Tags, lemmatises and parses a sentence's words in place; `keep` keeps existing tags;
// without `reparse` the sentence's heads and relations are kept (it is parsed already).
void analyze_words(const Models& models, Sentence& sentence, bool keep, bool reparse);

// When the tree's root is not a verb and the sentence has a word after its subject that can
// be a past-tense verb, retags that word as one and parses again; keeps the new tree if its
// root is a verb (src/nlp/verb_repair.cpp says why). Returns whether it did.
bool repair_verbless_root(const Models& models, Sentence& sentence);

// Retags a singular noun right after the infinitive marker "to" as the base verb it must be
// ("threatened to fire missiles") and parses again. Returns whether it did.
bool repair_infinitive_nouns(const Models& models, Sentence& sentence);

// Joins a predicate's subject that runs straight into a second subject of the same
// predicate to that second one ("Ukrainian | President Zelensky asked"): UD gives a
// predicate one subject. Returns whether it changed the tree.
bool merge_split_subjects(Sentence& sentence);

// Puts back a relative clause that took over the main clause ("Russia, which annexed
// Crimea, held ...") and a reduced relative read as a complement ("seized a rig owned by
// ..."). Returns whether it changed the tree.
bool repair_clause_attachments(Sentence& sentence);

}  // namespace dyad::nlp
