// Readers: files and folders in, Documents out.
//
// A reader never stops a batch for one bad document: each document, or the error that
// kept one from being read (with file:line), goes to the handler in input order, and the
// caller reports errors and carries on.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "dyad/date.h"
#include "dyad/document.h"
#include "dyad/result.h"

namespace dyad {

enum class InputFormat {
  kAuto,    // from the file name: .jsonl/.ndjson, .conllu, else plain text (.gz stripped first)
  kText,    // one document per file
  kJsonl,   // one document per line: {"id", "date", "title", "url", "source", "text"}
  kConllu,  // CoNLL-U: one document per file, given parses (# newdoc starts a new one)
};

// "auto", "text", "jsonl", "conllu"; nullopt for anything else.
std::optional<InputFormat> parse_input_format(const std::string& name);

struct ReadOptions {
  InputFormat format = InputFormat::kAuto;
  // Report date for documents that carry none. A plain-text document's dateline
  // ("CARACAS, Dec 3 (Reuters) -") wins over it; its year comes from this date when the
  // dateline has none.
  std::optional<Date> date;
  // Documents larger than this are reported (kTooLarge) and skipped.
  std::size_t max_document_bytes = std::size_t{16} << 20;
};

using DocumentHandler = std::function<void(Result<Document>)>;

// Reads a file, or every regular file under a folder (sorted by path, hidden files
// skipped). "-" reads standard input as `options.format` (text when auto). Returns an
// error only when `path` itself cannot be opened; per-document problems go to `handler`.
Status read_path(const std::string& path, const ReadOptions& options,
                 const DocumentHandler& handler);

// The whole contents of a file, gunzipped when it ends in .gz. A truncated or corrupt gzip
// stream is an error, never a silently short text.
Result<std::string> read_file(const std::string& path);

}  // namespace dyad
