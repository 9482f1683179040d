#!/usr/bin/env bash
# Builds and runs pairing_bench.c against the blst and c-kzg sources of the c-kzg@4.1.0 npm tarball
# (run scripts/bootstrap.sh first). The binary goes to a temporary directory; nothing is committed.
# Two builds: plain -O2 (what scripts/bootstrap.sh uses for libckzg.so: blst's mulq assembly) and
# -O2 -madx -mbmi2 (blst's mulx/adcx/adox assembly). Pass "adx" or "plain" to build only one.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
pkg="$root/.tools/cache/c-kzg-4.1.0/package/deps"
blst="$pkg/blst"
ckzg="$pkg/c-kzg"
[[ -d $blst && -d $ckzg ]] || { echo "blst/c-kzg sources missing: run scripts/bootstrap.sh" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
builds=("-O2" "-O2 -madx -mbmi2")
case "${1:-}" in
  plain) builds=("-O2") ;;
  adx) builds=("-O2 -madx -mbmi2") ;;
esac
for flags in "${builds[@]}"; do
  echo "== gcc $flags"
  # shellcheck disable=SC2086
  gcc $flags -w -I "$blst/bindings" -I "$ckzg" "$here/pairing_bench.c" "$blst/src/server.c" "$blst/build/assembly.S" -o "$out/pairing_bench"
  "$out/pairing_bench"
done
