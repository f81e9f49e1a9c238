# dyad_embed_text(OUT_CPP SYMBOL FILE): writes a .cpp defining
#   extern const char* const dyad::embedded::SYMBOL;
# holding FILE's contents, so small reference tables ship inside the library.
# The bytes are written as a char array, not a string literal: compilers need
# only accept literals up to 64 KiB (clang's -Woverlength-strings) and the
# CAMEO table is larger.
function(dyad_embed_text out_cpp symbol file)
  file(READ ${file} hex HEX)
  string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
  # Break the array into lines of 16 bytes so the generated file stays readable.
  # (CMake's regular expressions have no {n}, so the pattern is repeated.)
  string(REPEAT "'[^']+'," 16 line)
  string(REGEX REPLACE "(${line})" "\\1\n" bytes "${bytes}")
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
  file(WRITE ${out_cpp}.tmp
    "// Generated from ${file} by cmake/embed.cmake: do not edit.\n"
    "namespace dyad::embedded {\n"
    "namespace {\n"
    "const char kBytes[] = {\n${bytes}'\\0'};\n"
    "}  // namespace\n"
    "extern const char* const ${symbol};\n"
    "const char* const ${symbol} = kBytes;\n"
    "}  // namespace dyad::embedded\n")
  file(COPY_FILE ${out_cpp}.tmp ${out_cpp} ONLY_IF_DIFFERENT)
endfunction()
