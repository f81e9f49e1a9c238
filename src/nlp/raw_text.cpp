#include "nlp/raw_text.h"

#include "dyad/conllu.h"

namespace dyad {

Result<ConlluDocument> read_conllu_document(std::string_view conllu, std::string_view source) {
  auto read = read_conllu(conllu, source);
  if (!read.ok()) return read.error();
  // Which sentences open a paragraph: a "# newpar" or "# newdoc" comment in their block.
  std::vector<bool> opens;
  bool block_has_word = false;
  bool block_opens = false;
  std::size_t pos = 0;
  while (pos <= conllu.size()) {
    std::size_t eol = conllu.find('\n', pos);
    if (eol == std::string_view::npos) eol = conllu.size();
    std::string_view line = conllu.substr(pos, eol - pos);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const bool blank = line.find_first_not_of(" \t") == std::string_view::npos;
    if (blank) {
      if (block_has_word) opens.push_back(block_opens);
      block_has_word = false;
      block_opens = false;
    } else if (line.front() == '#') {
      if (line.starts_with("# newpar") || line.starts_with("# newdoc")) block_opens = true;
    } else {
      block_has_word = true;
    }
    if (eol == conllu.size()) break;
    pos = eol + 1;
  }
  if (block_has_word) opens.push_back(block_opens);

  ConlluDocument doc;
  auto& sentences = read.value();
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    Sentence& s = sentences[i];
    if (i > 0) {
      const bool para = i < opens.size() && opens[i];
      const Sentence& prev = sentences[i - 1];
      const bool glued = !prev.tokens.empty() &&
                         misc_get(prev.tokens.back().misc, "SpaceAfter") == "No";
      if (para) {
        doc.text += "\n\n";
      } else if (!glued) {
        doc.text += ' ';
      }
    }
    const std::size_t base = doc.text.size();
    const std::size_t old = s.span.begin;
    doc.text += s.text;
    s.span = {base, base + s.text.size()};
    for (Token& t : s.tokens) {
      if (t.span.empty()) continue;
      t.span = {t.span.begin - old + base, t.span.end - old + base};
    }
  }
  doc.sentences = std::move(sentences);
  return doc;
}

}  // namespace dyad

namespace dyad::nlp {

std::vector<Span> surface_tokens(const Sentence& sentence) {
  std::vector<Span> out;
  for (const Token& t : sentence.tokens) {
    if (!out.empty() && !t.span.empty() && out.back() == t.span) continue;
    out.push_back(t.span);
  }
  return out;
}

}  // namespace dyad::nlp
