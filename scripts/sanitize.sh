#!/usr/bin/env bash
# Builds everything (libraries, bitext, tests) into build-asan/ with
# AddressSanitizer and UndefinedBehaviorSanitizer, then runs the whole test
# suite there. Any report (leak, overflow, undefined behaviour) fails its test.
set -euo pipefail
cd "$(dirname "$0")/.."

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBITEXT_SANITIZE=ON >/dev/null
cmake --build build-asan -j2

export ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
ctest --test-dir build-asan --output-on-failure -j2
