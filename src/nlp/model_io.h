// Binary model files: a small bounds-checked serialiser and zlib-compressed file I/O.
//
// A model file is the magic "DYADNLP1", a kind tag (e.g. "tagger"), a format version,
// the uncompressed payload size and the zlib-compressed payload. Readers never trust
// sizes from the file: every read is bounds-checked, and a short or corrupt file gives
// a kParse error instead of a crash.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "dyad/result.h"

namespace dyad::nlp {

class BinaryWriter {
 public:
  template <typename T>
  void put(T value) {
    static_assert(std::is_trivially_copyable_v<T>);
    const auto* p = reinterpret_cast<const char*>(&value);
    data_.append(p, sizeof(T));
  }
  void put_string(std::string_view s) {
    put<std::uint64_t>(s.size());
    data_.append(s.data(), s.size());
  }
  template <typename T>
  void put_vector(const std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    put<std::uint64_t>(v.size());
    if (!v.empty()) data_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  void put_strings(const std::vector<std::string>& v) {
    put<std::uint64_t>(v.size());
    for (const auto& s : v) put_string(s);
  }
  const std::string& data() const { return data_; }

 private:
  std::string data_;
};

class BinaryReader {
 public:
  explicit BinaryReader(std::string_view data) : data_(data) {}

  template <typename T>
  bool get(T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    if (data_.size() - pos_ < sizeof(T)) return fail();
    std::memcpy(&value, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool get_string(std::string& s) {
    std::uint64_t n = 0;
    if (!get(n) || n > data_.size() - pos_) return fail();
    s.assign(data_.data() + pos_, n);
    pos_ += n;
    return true;
  }
  template <typename T>
  bool get_vector(std::vector<T>& v) {
    static_assert(std::is_trivially_copyable_v<T>);
    std::uint64_t n = 0;
    if (!get(n) || n > (data_.size() - pos_) / sizeof(T)) return fail();
    v.resize(n);
    if (n != 0) std::memcpy(v.data(), data_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return true;
  }
  bool get_strings(std::vector<std::string>& v) {
    std::uint64_t n = 0;
    if (!get(n) || n > data_.size() - pos_) return fail();
    v.resize(n);
    for (auto& s : v) {
      if (!get_string(s)) return false;
    }
    return true;
  }
  bool ok() const { return ok_; }
  bool at_end() const { return pos_ == data_.size(); }

 private:
  bool fail() {
    ok_ = false;
    return false;
  }
  std::string_view data_;
  std::size_t pos_ = 0;
  bool ok_ = true;
};

// Writes `payload` compressed to `path` under the given kind and version.
Status write_model_file(const std::string& path, std::string_view kind, std::uint32_t version,
                        std::string_view payload);

// Reads a model file written by write_model_file, checking its kind and that its version
// lies in [min_version, version] (min_version 0: exactly `version`); the file's version is
// stored in *file_version when given.
Result<std::string> read_model_file(const std::string& path, std::string_view kind,
                                    std::uint32_t version, std::uint32_t* file_version = nullptr,
                                    std::uint32_t min_version = 0);

}  // namespace dyad::nlp
