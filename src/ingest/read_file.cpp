#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "dyad/reader.h"

namespace dyad {
namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

Result<std::string> gunzip(const std::string& packed, const std::string& path) {
  z_stream zs{};
  // 16 + MAX_WBITS: expect a gzip header; concatenated members are handled by the loop.
  if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
    return make_error(ErrorCode::kInternal, "zlib initialisation failed", path);
  }
  std::string out;
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  zs.avail_in = static_cast<uInt>(packed.size());
  char buf[1 << 16];
  int rc = Z_OK;
  while (true) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
    if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0) break;
      inflateReset(&zs);  // another gzip member follows
      continue;
    }
    if (rc != Z_OK) break;
    if (zs.avail_in == 0 && zs.avail_out != 0) break;  // input ended mid-stream
  }
  inflateEnd(&zs);
  if (rc != Z_STREAM_END) {
    const char* what = rc == Z_DATA_ERROR ? "corrupt gzip data" : "truncated gzip stream";
    return make_error(ErrorCode::kParse,
                      std::string(what) + " (" + std::to_string(out.size()) +
                          " bytes decoded before the error)",
                      path);
  }
  return out;
}

}  // namespace

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return make_error(errno == ENOENT ? ErrorCode::kNotFound : ErrorCode::kIo,
                      std::string("cannot open: ") + std::strerror(errno), path);
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) return make_error(ErrorCode::kIo, "read failed", path);
  std::string data = std::move(ss).str();
  if (ends_with(path, ".gz")) return gunzip(data, path);
  return data;
}

}  // namespace dyad
