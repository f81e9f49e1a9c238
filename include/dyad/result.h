// Errors as values at the library boundary.
//
// A library function that can fail returns Result<T>: either a value or an Error that
// says what went wrong (a code and a message) and where (file:line for dictionaries and
// inputs, or a document id). The library never exits, prints or swallows an error; the
// command-line edge decides what to do with it.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace dyad {

enum class ErrorCode {
  kInvalidArgument,  // a caller passed something unusable (bad option, bad code)
  kNotFound,         // a file or a named thing does not exist
  kIo,               // reading or writing failed
  kParse,            // malformed input: a bad dictionary line, bad JSON, bad CoNLL-U
  kEncoding,         // malformed UTF-8 or an undecodable byte stream
  kTooLarge,         // input over a documented size limit
  kUnsupported,      // a format or feature this build does not read
  kInternal,         // a broken invariant: a bug in dyad
};

// Short stable name of an error code, for messages and JSON ("parse", "io", ...).
const char* error_code_name(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;
  std::string where;  // "file:line", "file", a document id, or empty

  // "where: message" (or just the message when `where` is empty).
  std::string to_string() const {
    return where.empty() ? message : where + ": " + message;
  }
};

inline Error make_error(ErrorCode code, std::string message, std::string where = {}) {
  return Error{code, std::move(message), std::move(where)};
}

// A value or an error. Test with ok() (or operator bool), then read value() or error().
template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}          // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}      // NOLINT(google-explicit-constructor)

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// Result of an operation with no value: success, or an Error.
class Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)), ok_(false) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return ok_; }
  explicit operator bool() const { return ok_; }
  const Error& error() const { return error_; }

 private:
  Error error_;
  bool ok_ = true;
};

}  // namespace dyad
