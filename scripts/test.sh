#!/usr/bin/env bash
# Runs the whole test suite (unit, provider-over-HTTP and tmux end-to-end tests),
# installing what a fresh Debian machine lacks.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-system-packages.sh
# The end-to-end tests run the built binaries, so build every product first.
swift build --build-tests
# Every test is a Swift Testing test; XCTest would only add an "Executed 0 tests" line.
swift test --skip-build --disable-xctest "$@"
