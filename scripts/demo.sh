#!/usr/bin/env bash
# Runs calltrail on its built-in demo data, installing what a fresh Debian machine lacks.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-system-packages.sh
swift build -c release --product calltrail >&2
exec .build/release/calltrail --provider demo "$@"
