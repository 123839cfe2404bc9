# Embeds the sentence splitter's word lists (data/segment/*.txt: abbreviations, sentence
# starters) into the annalist library (src/segment/segment_words.h).
include(cmake/embed.cmake)
file(GLOB ANNALIST_SEGMENT_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/data/segment/*.txt")
list(SORT ANNALIST_SEGMENT_FILES)
annalist_embed_text_files("${ANNALIST_SEGMENT_FILES}" EmbeddedSegmentFile kSegmentFiles
                          "${CMAKE_BINARY_DIR}/generated/segment_data.cc" "data/segment/*.txt")
