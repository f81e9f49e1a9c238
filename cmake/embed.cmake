# dyad_embed_text(OUT_CPP SYMBOL FILE): writes a .cpp defining
#   extern const char* const dyad::embedded::SYMBOL;
# holding FILE's contents, so small reference tables ship inside the library.
function(dyad_embed_text out_cpp symbol file)
  file(READ ${file} content)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${file})
  file(WRITE ${out_cpp}.tmp
    "// Generated from ${file} by cmake/embed.cmake: do not edit.\n"
    "namespace dyad::embedded {\n"
    "extern const char* const ${symbol};\n"
    "const char* const ${symbol} = R\"dyad_embed(${content})dyad_embed\";\n"
    "}  // namespace dyad::embedded\n")
  file(COPY_FILE ${out_cpp}.tmp ${out_cpp} ONLY_IF_DIFFERENT)
endfunction()
