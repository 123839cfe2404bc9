#!/bin/sh
# Runs the Python package's tests (ctest test "python_tests").
# usage: run_pytest.sh PYTHON PACKAGE_DIR ANNALIST_CLI SHARED_DIR TESTS_DIR
# Exit 77 (ctest: skipped) when pytest is missing or no test was collected (pytest's 5);
# tests needing pandas or distributed skip themselves.
set -u
python=$1 package_dir=$2 cli=$3 shared=$4 tests=$5
if ! "$python" -c "import pytest" 2>/dev/null; then
  echo "SKIP: pytest is not installed for $python (Debian python3-pytest)"
  exit 77
fi
export PYTHONPATH="$package_dir${PYTHONPATH:+:$PYTHONPATH}"
export ANNALIST_CLI="$cli" ANNALIST_SHARED_DIR="$shared"
export PYTHONDONTWRITEBYTECODE=1
"$python" -m pytest -q -p no:cacheprovider -rs "$tests"
status=$?
if [ "$status" -eq 5 ]; then
  echo "SKIP: pytest collected no tests"
  exit 77
fi
exit "$status"
