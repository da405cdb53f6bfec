#!/usr/bin/env bash
# Line and function coverage of model/ and solver/ by the whole test suite.
# Usage (from the repository root): bash tests/coverage.sh [BUILD_DIR]
# Builds BUILD_DIR (default build-cov) with gcc's --coverage at -O0, runs ctest,
# and prints gcovr's summary per file and the total for model/ and solver/.
# Needs gcovr (Debian package `gcovr`); not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-build-cov}
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS="--coverage -O0" \
      -DCMAKE_EXE_LINKER_FLAGS=--coverage >/dev/null
cmake --build "$dir" -j"$(nproc)" >/dev/null
find "$dir" -name '*.gcda' -delete
# The install case links an outside program against the installed library, which
# an instrumented build cannot serve without gcov's runtime; it runs no code of
# model/ or solver/ anyway.
ctest --test-dir "$dir" -j"$(nproc)" --output-on-failure -E '^install$' >/dev/null
# A branch count that gcov prints as negative (seen once in document.c) is skipped
# with a warning rather than ending the report.
gcovr --root . --filter 'model/' --filter 'solver/' --exclude-unreachable-branches \
      --gcov-ignore-parse-errors --print-summary "$dir"
