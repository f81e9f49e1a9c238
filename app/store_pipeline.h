// What `dyad ingest` and `dyad recode` share: the coder set up once, one document coded
// into what the store keeps, and the progress line on stderr.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "dictionaries.h"
#include "dyad/coder.h"
#include "dyad/nlp.h"
#include "dyad/store.h"

namespace dyad::cli {

// The dictionaries, the parser models and the coder, loaded once and shared by all threads.
class StoreCoder {
 public:
  // Loads them; a dictionary problem is an error. Without parser models only documents
  // with given parses (CoNLL-U) can be coded.
  static Result<std::unique_ptr<StoreCoder>> load(const DictionaryOptions& dictionaries, GoldsteinScale scale);

  // The versions every document coded here is stamped with.
  const CodingVersions& versions() const { return versions_; }

  // Segments and parses the document when it has no parses, then codes it. An error says
  // which document and why; the caller reports it and goes on.
  Result<CodedDocument> code(Document document) const;

 private:
  StoreCoder(std::shared_ptr<const Lexicon> lexicon, std::optional<Analyzer> analyzer, std::string no_models,
             const CoderOptions& options);

  std::optional<Analyzer> analyzer_;
  std::string no_models_;
  Coder coder_;
  CodingVersions versions_;
};

// What every store command does first, reporting a failure on stderr as "dyad COMMAND: ..."
// and giving nullptr (the caller then exits with kExitUsage).
std::unique_ptr<Store> open_store_or_report(const char* command, const std::string& url);
// `goldstein` is "gdelt" or "icews" (else a CLI::ValidationError for --goldstein).
std::unique_ptr<StoreCoder> load_coder_or_report(const char* command, const DictionaryOptions& dictionaries,
                                                 const std::string& goldstein);

// Whether stderr is a terminal (then a live progress bar, else log lines).
bool isatty_stderr();

// Counts as the work goes, drawn as a progress bar when stderr is a terminal and as a plain
// log line every ten seconds otherwise.
class Progress {
 public:
  Progress(std::string verb, std::size_t expected_documents);
  void add(std::size_t documents, std::size_t sentences, std::size_t mentions);
  // Clears the bar (a terminal) so that the summary starts on a clean line.
  void finish();
  double seconds() const;

 private:
  void draw(bool force);

  std::string verb_;
  std::size_t expected_ = 0;  // 0: unknown (no ETA)
  std::size_t documents_ = 0, sentences_ = 0, mentions_ = 0;
  bool terminal_ = false;
  std::chrono::steady_clock::time_point start_, last_draw_;
};

// Periods of a time series.
enum class Period { kDay, kWeek, kMonth };
// "day", "week", "month"; nullopt otherwise.
std::optional<Period> parse_period(const std::string& name);
// The first day of the period holding `day` (weeks start on Monday).
long period_start(long day, Period period);
// A --from/--to value: nullopt when empty; a bad date is a CLI::ValidationError.
std::optional<Date> optional_date(const std::string& option, const std::string& value);

}  // namespace dyad::cli
