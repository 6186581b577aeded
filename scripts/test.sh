#!/usr/bin/env bash
# Runs the whole test suite (unit, provider-over-HTTP and tmux end-to-end tests),
# installing what a fresh Debian machine lacks.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-system-packages.sh
# The end-to-end tests run the built binaries, so build every product first.
swift build --build-tests
# Every test is a Swift Testing test; XCTest would only add an "Executed 0 tests" line.
# One test at a time: the end-to-end tests wait on tmux and child processes, and in
# parallel on a two-core machine they starved the view-model tests' tasks past their
# deadlines. Serial takes about 1.5 minutes and no test waits on another.
swift test --skip-build --disable-xctest --no-parallel "$@"
