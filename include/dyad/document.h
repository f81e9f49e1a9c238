// Documents: the unit that readers produce and everything downstream refers to.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dyad/date.h"
#include "dyad/sentence.h"

namespace dyad {

// One news report. `id` is a hash of the text (hex), so reading the same article twice
// yields the same id whatever file or feed it came from; `external_id` keeps the id the
// source gave it (a JSON Lines "id", a file name, a URL).
struct Document {
  std::string id;
  std::string external_id;
  std::string source;    // outlet or feed name, when known
  std::string url;
  std::string title;
  Date published;        // report date; invalid when unknown
  std::string language = "en";
  std::string text;      // valid UTF-8, original bytes; token spans index into this
  std::string origin;    // where it was read: "file.jsonl:12", "dir/a.txt"
  // Sentences given with the input (CoNLL-U), already tokenized and parsed; empty for raw
  // text, which the analyzer segments and parses.
  std::vector<Sentence> sentences;
};

// The content hash used as Document::id: 16 hex digits of a 64-bit FNV-1a hash over the
// text's bytes. Stable across platforms and versions.
std::string content_id(std::string_view text);

}  // namespace dyad
