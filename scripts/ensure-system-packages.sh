#!/usr/bin/env bash
# Installs the Debian packages calltrail needs (ncursesw headers, tmux for the
# end-to-end tests) when they are missing. Safe to run again.
set -euo pipefail
missing=()
dpkg -s libncursesw5-dev >/dev/null 2>&1 || dpkg -s libncurses-dev >/dev/null 2>&1 || missing+=(libncursesw5-dev)
command -v tmux >/dev/null 2>&1 || missing+=(tmux)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
