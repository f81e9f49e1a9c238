#include "store_pipeline.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "dyad/version.h"

namespace dyad::cli {

Result<std::unique_ptr<StoreCoder>> StoreCoder::load(const DictionaryOptions& dictionaries, GoldsteinScale scale) {
  auto lexicon = load_dictionaries(dictionaries);
  if (!lexicon) return lexicon.error();
  std::string no_models;
  std::optional<Analyzer> analyzer = load_analyzer(no_models, dictionaries.accurate_parser);
  CoderOptions options;
  options.goldstein = scale;
  // The same models version `dyad code` stamps, so both say the same of one document.
  if (analyzer) options.models_version = models_version(dictionaries.accurate_parser);
  return std::unique_ptr<StoreCoder>(
      new StoreCoder(std::move(*lexicon), std::move(analyzer), std::move(no_models), options));
}

StoreCoder::StoreCoder(std::shared_ptr<const Lexicon> lexicon, std::optional<Analyzer> analyzer,
                       std::string no_models, const CoderOptions& options)
    : analyzer_(std::move(analyzer)),
      no_models_(std::move(no_models)),
      coder_(lexicon, options),
      versions_{kVersion, lexicon->version, options.models_version} {}

Result<CodedDocument> StoreCoder::code(Document document) const {
  CodedDocument out;
  std::vector<Sentence> parsed = std::move(document.sentences);
  if (parsed.empty() && !document.text.empty()) {
    if (!analyzer_) {
      return make_error(ErrorCode::kUnsupported, "raw text needs the parser models: " + no_models_, document.origin);
    }
    auto analyzed = analyzer_->analyze(document.text);
    if (!analyzed) return make_error(analyzed.error().code, analyzed.error().message, document.origin);
    parsed = std::move(analyzed).value();
  }
  out.sentences.reserve(parsed.size());
  for (const auto& s : parsed) out.sentences.push_back({s.index, s.span, s.text});
  for (auto& coding : coder_.code_document(document, parsed)) {
    for (auto& m : coding.mentions) out.mentions.push_back(std::move(m));
  }
  out.versions = versions_;
  out.document = std::move(document);
  return out;
}

std::unique_ptr<Store> open_store_or_report(const char* command, const std::string& url) {
  auto store = open_store(url);
  if (store) return std::move(*store);
  std::cerr << "dyad " << command << ": " << store.error().to_string() << '\n';
  return nullptr;
}

std::unique_ptr<StoreCoder> load_coder_or_report(const char* command, const DictionaryOptions& dictionaries,
                                                 const std::string& goldstein) {
  if (goldstein != "gdelt" && goldstein != "icews") throw CLI::ValidationError("--goldstein", "gdelt or icews");
  auto coder = StoreCoder::load(dictionaries, goldstein == "icews" ? GoldsteinScale::kIcews : GoldsteinScale::kGdelt);
  if (coder) return std::move(*coder);
  std::cerr << "dyad " << command << ": " << coder.error().to_string() << '\n';
  return nullptr;
}

bool isatty_stderr() { return isatty(STDERR_FILENO) != 0; }

Progress::Progress(std::string verb, std::size_t expected_documents)
    : verb_(std::move(verb)),
      expected_(expected_documents),
      terminal_(isatty_stderr()),
      start_(std::chrono::steady_clock::now()),
      last_draw_(start_) {}

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::add(std::size_t documents, std::size_t sentences, std::size_t mentions) {
  documents_ += documents;
  sentences_ += sentences;
  mentions_ += mentions;
  draw(false);
}

void Progress::finish() {
  if (terminal_) std::fputs("\r\033[K", stderr);
}

namespace {

std::string clock_text(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buffer[32];
  if (s >= 3600) {
    std::snprintf(buffer, sizeof buffer, "%ldh%02ldm", s / 3600, s / 60 % 60);
  } else {
    std::snprintf(buffer, sizeof buffer, "%ldm%02lds", s / 60, s % 60);
  }
  return buffer;
}

}  // namespace

void Progress::draw(bool force) {
  const auto now = std::chrono::steady_clock::now();
  const double since = std::chrono::duration<double>(now - last_draw_).count();
  // A terminal gets a live bar; a log gets a line every ten seconds, not a flood.
  if (!force && since < (terminal_ ? 0.2 : 10.0)) return;
  last_draw_ = now;
  const double elapsed = std::max(seconds(), 1e-9);
  const double docs_rate = static_cast<double>(documents_) / elapsed;
  char rates[160];
  std::snprintf(rates, sizeof rates, "%zu documents (%.1f/s), %zu sentences (%.0f/s), %zu events (%.0f/s)", documents_,
                docs_rate, sentences_, static_cast<double>(sentences_) / elapsed, mentions_,
                static_cast<double>(mentions_) / elapsed);
  if (!terminal_) {
    std::fprintf(stderr, "dyad %s: %s, %s elapsed\n", verb_.c_str(), rates, clock_text(elapsed).c_str());
    return;
  }
  std::string bar;
  std::string eta = "ETA ?";
  if (expected_ > 0) {
    const double done = std::min(1.0, static_cast<double>(documents_) / static_cast<double>(expected_));
    const int filled = static_cast<int>(done * 24);
    bar = "[" + std::string(static_cast<std::size_t>(filled), '#') + std::string(static_cast<std::size_t>(24 - filled), '.') +
          "] ";
    if (docs_rate > 0) eta = "ETA " + clock_text(static_cast<double>(expected_ - std::min(expected_, documents_)) / docs_rate);
  }
  std::fprintf(stderr, "\r\033[K%s%s  %s", bar.c_str(), rates, eta.c_str());
  std::fflush(stderr);
}

std::optional<Period> parse_period(const std::string& name) {
  if (name == "day") return Period::kDay;
  if (name == "week") return Period::kWeek;
  if (name == "month") return Period::kMonth;
  return std::nullopt;
}

long period_start(long day, Period period) {
  switch (period) {
    case Period::kDay:
      return day;
    case Period::kWeek: {
      // 1970-01-01 was a Thursday: (day + 3) mod 7 counts days since Monday.
      const long since_monday = ((day + 3) % 7 + 7) % 7;
      return day - since_monday;
    }
    case Period::kMonth: {
      Date d = Date::from_days(day);
      d.day = 1;
      return d.days();
    }
  }
  return day;
}

std::optional<Date> optional_date(const std::string& option, const std::string& value) {
  if (value.empty()) return std::nullopt;
  auto d = parse_date(value);
  if (!d) throw CLI::ValidationError(option, "expected YYYY-MM-DD: " + value);
  return d;
}

}  // namespace dyad::cli
