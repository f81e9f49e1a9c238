// Coded documents for the store tests, built by hand: the store must not depend on what
// the coder happens to make of a sentence.
#pragma once

#include <string>
#include <vector>

#include "dyad/store.h"

namespace dyad::testing {

// A mention of `code` from `source` to `target` in sentence `sentence` (filled in by
// coded_document: provenance, dates and versions).
inline Mention make_mention(const std::string& source, const std::string& target, const std::string& code,
                            std::size_t sentence) {
  Mention m;
  m.source.code = parse_actor_code(source);
  m.source.text = source;
  m.target.code = parse_actor_code(target);
  m.target.text = target;
  m.code = code;
  describe_code(m, GoldsteinScale::kGdelt);
  m.confidence = 0.8;
  m.provenance.sentence_index = sentence;
  m.provenance.pattern = "test:1";
  return m;
}

// A document of `outlet` dated `date` whose text is the sentences joined by spaces.
inline CodedDocument coded_document(const std::string& outlet, const std::string& date,
                                    const std::vector<std::string>& sentences, std::vector<Mention> mentions) {
  CodedDocument d;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    if (i > 0) d.document.text += ' ';
    const std::size_t begin = d.document.text.size();
    d.document.text += sentences[i];
    d.sentences.push_back({i, Span{begin, d.document.text.size()}, sentences[i]});
  }
  d.document.id = content_id(d.document.text);
  d.document.external_id = outlet + "/" + date + "/" + d.document.id.substr(0, 4);
  d.document.source = outlet;
  d.document.url = "https://example.org/" + d.document.external_id;
  d.document.title = sentences.empty() ? "" : sentences.front();
  d.document.published = *parse_date(date);
  d.document.origin = "test";
  d.versions = CodingVersions{"0.1.0", "dict-v1", "models-v1"};
  for (auto& m : mentions) {
    const StoredSentence& s = d.sentences.at(m.provenance.sentence_index);
    m.provenance.document_id = d.document.id;
    m.provenance.sentence = s.text;
    m.provenance.sentence_span = s.span;
    m.source.span = Span{s.span.begin, s.span.begin + 2};
    m.target.span = Span{s.span.end - 5, s.span.end - 1};
    m.provenance.source_span = m.source.span;
    m.provenance.target_span = m.target.span;
    m.provenance.verb_span = Span{s.span.begin + 3, s.span.begin + 9};
    m.report_date = d.document.published;
    m.versions = d.versions;
  }
  d.mentions = std::move(mentions);
  return d;
}

}  // namespace dyad::testing
