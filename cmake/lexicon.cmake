# Embeds the word lists of the built-in lexicon (data/kb/lexicon/*.txt, one list per
# concept) into the annalist library (src/dict/lexicon.h, Lexicon::Builtin), as
# cmake/kb.cmake embeds the knowledge base.
include(cmake/embed.cmake)
file(GLOB ANNALIST_LEXICON_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/data/kb/lexicon/*.txt")
list(SORT ANNALIST_LEXICON_FILES)
annalist_embed_text_files("${ANNALIST_LEXICON_FILES}" EmbeddedLexiconFile kLexiconFiles
                          "${CMAKE_BINARY_DIR}/generated/lexicon_data.cc" "data/kb/lexicon/*.txt")
