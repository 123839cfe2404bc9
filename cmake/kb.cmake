# Embeds the built-in knowledge base (data/kb/*.txt) into the annalist library, so
# `annalist code` with no dictionary options needs no files at run time
# (src/dict/kb_reader.h, BuiltinKbFiles). The glob's CONFIGURE_DEPENDS re-runs CMake when
# a file is added or removed.
include(cmake/embed.cmake)
file(GLOB ANNALIST_KB_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/data/kb/*.txt")
list(SORT ANNALIST_KB_FILES)
annalist_embed_text_files("${ANNALIST_KB_FILES}" EmbeddedKbFile kKbFiles "${CMAKE_BINARY_DIR}/generated/kb_data.cc"
                          "data/kb/*.txt")
