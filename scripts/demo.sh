#!/usr/bin/env bash
# Runs calltrail on its built-in demo data, installing what a fresh Debian machine lacks.
# A debug build: the same one scripts/test.sh makes, so the two share their work.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-system-packages.sh
swift build --product calltrail >&2
exec .build/debug/calltrail --provider demo "$@"
