#include "nlp/model_io.h"

#include <zlib.h>

#include <fstream>
#include <sstream>

namespace dyad::nlp {
namespace {
constexpr std::string_view kMagic = "DYADNLP1";
constexpr std::uint64_t kMaxPayload = std::uint64_t{1} << 31;  // 2 GiB: no model is near this
}  // namespace

Status write_model_file(const std::string& path, std::string_view kind, std::uint32_t version,
                        std::string_view payload) {
  uLongf bound = compressBound(static_cast<uLong>(payload.size()));
  std::string packed(bound, '\0');
  if (compress2(reinterpret_cast<Bytef*>(packed.data()), &bound,
                reinterpret_cast<const Bytef*>(payload.data()),
                static_cast<uLong>(payload.size()), 9) != Z_OK) {
    return make_error(ErrorCode::kInternal, "zlib compression failed", path);
  }
  packed.resize(bound);
  BinaryWriter w;
  w.put_string(kind);
  w.put<std::uint32_t>(version);
  w.put<std::uint64_t>(payload.size());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return make_error(ErrorCode::kIo, "cannot write model file", path);
  out.write(kMagic.data(), static_cast<std::streamsize>(kMagic.size()));
  out.write(w.data().data(), static_cast<std::streamsize>(w.data().size()));
  out.write(packed.data(), static_cast<std::streamsize>(packed.size()));
  out.close();
  if (!out) return make_error(ErrorCode::kIo, "writing model file failed", path);
  return {};
}

Result<std::string> read_model_file(const std::string& path, std::string_view kind,
                                    std::uint32_t version, std::uint32_t* version_out,
                                    std::uint32_t min_version) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kNotFound, "cannot open model file", path);
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string file = buf.str();
  if (file.size() < kMagic.size() || std::string_view(file).substr(0, kMagic.size()) != kMagic) {
    return make_error(ErrorCode::kParse, "not a dyad model file", path);
  }
  BinaryReader r(std::string_view(file).substr(kMagic.size()));
  std::string file_kind;
  std::uint32_t file_version = 0;
  std::uint64_t size = 0;
  if (!r.get_string(file_kind) || !r.get(file_version) || !r.get(size)) {
    return make_error(ErrorCode::kParse, "truncated model header", path);
  }
  if (file_kind != kind) {
    return make_error(ErrorCode::kParse,
                      "model file holds a '" + file_kind + "', expected a '" + std::string(kind) + "'",
                      path);
  }
  const std::uint32_t lowest = min_version == 0 ? version : min_version;
  if (file_version < lowest || file_version > version) {
    return make_error(ErrorCode::kUnsupported,
                      "model format version " + std::to_string(file_version) + ", this build reads " +
                          std::to_string(version) + " (retrain with `dyad train`)",
                      path);
  }
  if (size > kMaxPayload) return make_error(ErrorCode::kParse, "model payload too large", path);
  if (version_out != nullptr) *version_out = file_version;
  const std::size_t header = kMagic.size() + 8 + file_kind.size() + 4 + 8;
  std::string payload(size, '\0');
  uLongf out_size = static_cast<uLongf>(size);
  const int rc = uncompress(reinterpret_cast<Bytef*>(payload.data()), &out_size,
                            reinterpret_cast<const Bytef*>(file.data() + header),
                            static_cast<uLong>(file.size() - header));
  if (rc != Z_OK || out_size != size) {
    return make_error(ErrorCode::kParse, "corrupt model payload", path);
  }
  return payload;
}

}  // namespace dyad::nlp
