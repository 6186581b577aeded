#!/usr/bin/env bash
# Builds calltrail (release) and installs it with a man page and bash/zsh/fish
# completions, both generated from its command-line parser, so they never drift
# from the program. PREFIX (default ~/.local) decides where:
#   $PREFIX/bin/calltrail
#   $PREFIX/share/man/man1/calltrail.1
#   $PREFIX/share/bash-completion/completions/calltrail
#   $PREFIX/share/zsh/site-functions/_calltrail
#   $PREFIX/share/fish/vendor_completions.d/calltrail.fish
# CALLTRAIL_BUILD=debug installs the debug build instead (quicker, for trying it out).
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${PREFIX:-$HOME/.local}"
configuration="${CALLTRAIL_BUILD:-release}"
case "$configuration" in
  release|debug) ;;
  *) echo "install.sh: CALLTRAIL_BUILD must be release or debug, not '$configuration'" >&2; exit 64 ;;
esac
scripts/ensure-system-packages.sh
swift build -c "$configuration" --product calltrail >&2
# ArgumentParser's own man page generator, from the swift-argument-parser dependency.
swift build -c "$configuration" --product generate-manual >&2
bin_dir="$(swift build -c "$configuration" --show-bin-path)"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin_dir/generate-manual" "$bin_dir/calltrail" --output-directory "$work" >&2
"$bin_dir/calltrail" completions bash > "$work/calltrail.bash"
"$bin_dir/calltrail" completions zsh > "$work/_calltrail"
"$bin_dir/calltrail" completions fish > "$work/calltrail.fish"

install -d "$prefix/bin" "$prefix/share/man/man1" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 0755 "$bin_dir/calltrail" "$prefix/bin/calltrail"
install -m 0644 "$work/calltrail.1" "$prefix/share/man/man1/calltrail.1"
install -m 0644 "$work/calltrail.bash" "$prefix/share/bash-completion/completions/calltrail"
install -m 0644 "$work/_calltrail" "$prefix/share/zsh/site-functions/_calltrail"
install -m 0644 "$work/calltrail.fish" "$prefix/share/fish/vendor_completions.d/calltrail.fish"

echo "installed calltrail $("$prefix/bin/calltrail" --version) in $prefix/bin (man page and completions under $prefix/share)"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "note: $prefix/bin is not on PATH; add it, e.g. export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
