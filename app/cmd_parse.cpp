// `dyad parse [FILE...]`: raw text (or CoNLL-U) in, CoNLL-U out, with dyad's own
// segmenter, tagger, lemmatiser and dependency parser.
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "commands.h"
#include "dyad/conllu.h"
#include "dyad/nlp.h"

namespace dyad::cli {
namespace {

struct ParseOptions {
  std::vector<std::string> paths;
  std::string format = "auto";
  std::string models;
  std::string output;
  bool keep_tags = false;
  bool line_breaks = false;
  bool conllu_text = false;
  int threads = 1;
  int parser_members = 0;
  bool accurate = false;
  bool neural_tags = false;
};

bool looks_like_conllu(const std::string& path, const std::string& text) {
  if (path.ends_with(".conllu") || path.ends_with(".conll")) return true;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.starts_with("#")) continue;
    return std::count(line.begin(), line.end(), '\t') == 9;
  }
  return false;
}

int run(const ParseOptions& o) {
  AnalyzerOptions aopts;
  aopts.segmenter.line_breaks_end_sentences = o.line_breaks;
  aopts.parser_members = o.parser_members;
  aopts.accurate_parser = o.accurate || o.neural_tags;
  aopts.neural_tags = o.neural_tags;
  auto analyzer = Analyzer::load(o.models.empty() ? default_nlp_models_dir() : o.models, aopts);
  if (!analyzer.ok()) {
    std::cerr << "dyad parse: " << analyzer.error().to_string() << '\n';
    return kExitUsage;
  }
  std::ofstream file_out;
  if (!o.output.empty()) {
    file_out.open(o.output, std::ios::binary);
    if (!file_out) {
      std::cerr << "dyad parse: cannot write " << o.output << '\n';
      return kExitUsage;
    }
  }
  std::ostream& out = o.output.empty() ? std::cout : file_out;
  std::vector<std::string> paths = o.paths;
  if (paths.empty()) paths.push_back("-");
  int rc = kExitOk;
  for (const std::string& path : paths) {
    std::string text;
    if (path == "-") {
      std::stringstream buf;
      buf << std::cin.rdbuf();
      text = buf.str();
    } else {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        std::cerr << "dyad parse: " << path << ": cannot open\n";
        rc = kExitUsage;
        continue;
      }
      std::stringstream buf;
      buf << in.rdbuf();
      text = buf.str();
    }
    const bool conllu = o.format == "conllu" || (o.format == "auto" && looks_like_conllu(path, text));
    if (conllu && o.conllu_text) {
      auto raw = read_conllu_document(text, path);
      if (!raw.ok()) {
        std::cerr << "dyad parse: " << raw.error().to_string() << '\n';
        rc = kExitUsage;
        continue;
      }
      text = raw.value().text;
    } else if (conllu) {
      auto sents = read_conllu(std::string_view(text), path);
      if (!sents.ok()) {
        std::cerr << "dyad parse: " << sents.error().to_string() << '\n';
        rc = kExitUsage;
        continue;
      }
      auto& v = sents.value();
      const auto work = [&](std::size_t from, std::size_t step) {
        for (std::size_t i = from; i < v.size(); i += step) {
          if (o.keep_tags) {
            analyzer->parse(v[i]);
          } else {
            analyzer->reanalyze(v[i]);
          }
        }
      };
      const auto threads = static_cast<std::size_t>(std::max(1, o.threads));
      std::vector<std::thread> pool;
      for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work, t, threads);
      work(0, threads);
      for (auto& t : pool) t.join();
      for (const Sentence& s : v) write_conllu(out, s);
      continue;
    }
    auto sents = analyzer->analyze(text);
    if (!sents.ok()) {
      std::cerr << "dyad parse: " << path << ": " << sents.error().to_string() << '\n';
      rc = kExitUsage;
      continue;
    }
    for (Sentence& s : sents.value()) {
      s.id = std::to_string(s.index + 1);
      write_conllu(out, s);
    }
  }
  out.flush();
  return rc;
}

}  // namespace

void add_parse_command(CLI::App& app) {
  auto* cmd = app.add_subcommand("parse", "Tokenize, tag, lemmatise and parse text; print CoNLL-U");
  auto o = std::make_shared<ParseOptions>();
  cmd->add_option("FILE", o->paths, "Raw UTF-8 text or CoNLL-U files (default: standard input)");
  cmd->add_option("--format", o->format, "Input format")
      ->check(CLI::IsMember({"auto", "text", "conllu"}))
      ->capture_default_str();
  cmd->add_option("--models", o->models, "Models directory (default: $DYAD_MODELS/en_ewt or the source tree's)");
  cmd->add_option("-o,--output", o->output, "Write CoNLL-U here instead of standard output");
  cmd->add_flag("--keep-tags", o->keep_tags, "CoNLL-U input: keep the given UPOS/XPOS/lemmas, parse only");
  cmd->add_flag("--line-breaks", o->line_breaks, "Text input: every line break ends a sentence");
  cmd->add_flag("--conllu-text", o->conllu_text,
                "CoNLL-U input: analyze its raw text from scratch (the shared task's raw-text setting)");
  cmd->add_option("--parser-members", o->parser_members,
                  "Voting parsers to run: 0 all (most accurate), 1 fastest")
      ->check(CLI::Range(0, 16));
  cmd->add_flag("--accurate", o->accurate,
                "Use the accurate (neural) parser, neural_parser.bin: better trees, slower");
  cmd->add_flag("--neural-tags", o->neural_tags,
                "With the accurate parser, take UPOS and XPOS from its tagging head (implies --accurate)");
  cmd->add_option("--threads", o->threads, "Threads for CoNLL-U input")->check(CLI::Range(1, 256));
  cmd->callback([o] { exit_code() = run(*o); });
}

}  // namespace dyad::cli
