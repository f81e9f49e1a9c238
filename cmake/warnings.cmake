# Warnings for the project's own targets: dyad_warnings is linked PRIVATE by each of them.
add_library(dyad_warnings INTERFACE)
target_compile_options(dyad_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align -Woverloaded-virtual
  -Wimplicit-fallthrough)
if(DYAD_WERROR)
  target_compile_options(dyad_warnings INTERFACE -Werror)
endif()
# GCC 12 reports false -Wrestrict errors inside std::string at -O3 (GCC bug 105329).
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(dyad_warnings INTERFACE -Wno-restrict)
endif()
