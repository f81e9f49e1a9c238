#include "dyad/reader.h"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <vector>

#include "dyad/conllu.h"
#include "dyad/utf8.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

InputFormat detect_format(std::string name) {
  if (ends_with(name, ".gz")) name.resize(name.size() - 3);
  if (ends_with(name, ".jsonl") || ends_with(name, ".ndjson")) return InputFormat::kJsonl;
  if (ends_with(name, ".conllu")) return InputFormat::kConllu;
  return InputFormat::kText;
}

// Checks what every document must satisfy, whatever its format.
Status check_text(const std::string& text, const ReadOptions& options, const std::string& where) {
  if (text.size() > options.max_document_bytes) {
    return make_error(ErrorCode::kTooLarge,
                      "document of " + std::to_string(text.size()) + " bytes is over the limit of " +
                          std::to_string(options.max_document_bytes),
                      where);
  }
  if (auto bad = find_invalid_utf8(text)) {
    return make_error(ErrorCode::kEncoding,
                      "malformed UTF-8 at byte " + std::to_string(*bad) + " (text line:column " +
                          line_col(text, *bad) + ")",
                      where);
  }
  return {};
}

void read_text(std::string text, const std::string& origin, const ReadOptions& options,
               const DocumentHandler& handler) {
  if (Status s = check_text(text, options, origin); !s) return handler(s.error());
  Document d;
  d.origin = origin;
  d.external_id = origin;
  const Date reference = options.date.value_or(Date{});
  if (auto dl = parse_dateline(text, reference)) {
    d.published = *dl;
  } else if (options.date) {
    d.published = *options.date;
  }
  d.id = content_id(text);
  d.text = std::move(text);
  handler(std::move(d));
}

std::string string_field(const nlohmann::json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  return it->dump();  // numeric ids
}

Result<Document> parse_jsonl_line(std::string_view line, const std::string& where,
                                  const ReadOptions& options) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return make_error(ErrorCode::kParse, "not valid JSON", where);
  if (!j.is_object()) return make_error(ErrorCode::kParse, "expected a JSON object", where);
  auto text_it = j.find("text");
  if (text_it == j.end() || !text_it->is_string()) {
    return make_error(ErrorCode::kParse, "missing string field \"text\"", where);
  }
  Document d;
  d.text = text_it->get<std::string>();
  if (Status s = check_text(d.text, options, where); !s) return s.error();
  d.origin = where;
  d.external_id = string_field(j, "id");
  d.title = string_field(j, "title");
  d.url = string_field(j, "url");
  d.source = string_field(j, "source");
  if (auto lang = string_field(j, "language"); !lang.empty()) d.language = lang;
  const std::string date = string_field(j, "date");
  if (!date.empty()) {
    auto parsed = parse_date(date);
    if (!parsed) return make_error(ErrorCode::kParse, "bad \"date\": " + date, where);
    d.published = *parsed;
  } else if (auto dl = parse_dateline(d.text, options.date.value_or(Date{}))) {
    d.published = *dl;
  } else if (options.date) {
    d.published = *options.date;
  }
  d.id = content_id(d.text);
  return d;
}

void read_jsonl(const std::string& data, const std::string& origin, const ReadOptions& options,
                const DocumentHandler& handler) {
  std::size_t line_no = 0, pos = 0;
  while (pos < data.size()) {
    const auto nl = data.find('\n', pos);
    std::string_view line(data.data() + pos, (nl == std::string::npos ? data.size() : nl) - pos);
    pos = nl == std::string::npos ? data.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const std::string where = origin + ":" + std::to_string(line_no);
    if (auto bad = find_invalid_utf8(line)) {
      handler(make_error(ErrorCode::kEncoding,
                         "malformed UTF-8 at column " + std::to_string(*bad + 1), where));
      continue;
    }
    handler(parse_jsonl_line(line, where, options));
  }
}

// A CoNLL-U file is one document of given parses; its text is the sentence texts joined
// by newlines, which is what the CoNLL-U reader's spans point into.
void read_conllu_document(const std::string& data, const std::string& origin, const ReadOptions& options,
                          const DocumentHandler& handler) {
  if (Status s = check_text(data, options, origin); !s) return handler(s.error());
  auto sentences = read_conllu(data, origin);
  if (!sentences) return handler(sentences.error());
  Document d;
  d.origin = origin;
  d.external_id = origin;
  for (const auto& s : *sentences) {
    if (!d.text.empty()) d.text += '\n';
    d.text += s.text;
  }
  if (options.date) d.published = *options.date;
  d.id = content_id(d.text);
  d.sentences = std::move(sentences).value();
  handler(std::move(d));
}

void read_data(std::string data, const std::string& origin, InputFormat format,
               const ReadOptions& options, const DocumentHandler& handler) {
  switch (format) {
    case InputFormat::kJsonl: return read_jsonl(data, origin, options, handler);
    case InputFormat::kConllu: return read_conllu_document(data, origin, options, handler);
    case InputFormat::kAuto:
    case InputFormat::kText: return read_text(std::move(data), origin, options, handler);
  }
}

void read_one_file(const std::string& path, const ReadOptions& options,
                   const DocumentHandler& handler) {
  auto data = read_file(path);
  if (!data) return handler(data.error());
  const InputFormat format =
      options.format == InputFormat::kAuto ? detect_format(path) : options.format;
  read_data(std::move(data).value(), path, format, options, handler);
}

}  // namespace

std::optional<InputFormat> parse_input_format(const std::string& name) {
  if (name == "auto") return InputFormat::kAuto;
  if (name == "text") return InputFormat::kText;
  if (name == "jsonl") return InputFormat::kJsonl;
  if (name == "conllu") return InputFormat::kConllu;
  return std::nullopt;
}

Status read_path(const std::string& path, const ReadOptions& options,
                 const DocumentHandler& handler) {
  if (path == "-") {
    std::string data{std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>()};
    read_data(std::move(data), "<stdin>", options.format, options, handler);
    return {};
  }
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return make_error(ErrorCode::kNotFound, "no such file or folder", path);
  if (!fs::is_directory(status)) {
    read_one_file(path, options, handler);
    return {};
  }
  std::vector<std::string> files;
  for (auto it = fs::recursive_directory_iterator(path, fs::directory_options::skip_permission_denied, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.empty() && name.front() == '.') {
      if (it->is_directory()) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) files.push_back(it->path().string());
  }
  if (ec) return make_error(ErrorCode::kIo, ec.message(), path);
  std::sort(files.begin(), files.end());
  for (const auto& f : files) read_one_file(f, options, handler);
  return {};
}

}  // namespace dyad
