#!/usr/bin/env bash
# Builds and runs blst_bench.c against the blst sources of the c-kzg@4.1.0 npm tarball
# (run scripts/bootstrap.sh first). The binary goes to a temporary directory; nothing is committed.
# Two builds: plain -O2 (what scripts/bootstrap.sh uses for libckzg.so: blst's mulq assembly) and
# -O2 -madx -mbmi2 (blst's mulx/adcx/adox assembly, what a native-tuned build of c-kzg would use).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
blst="$root/.tools/cache/c-kzg-4.1.0/package/deps/blst"
[[ -d $blst ]] || { echo "blst sources missing: run scripts/bootstrap.sh" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for flags in "-O2" "-O2 -madx -mbmi2"; do
  echo "== gcc $flags"
  # shellcheck disable=SC2086
  gcc $flags -I "$blst/bindings" "$here/blst_bench.c" "$blst/src/server.c" "$blst/build/assembly.S" -o "$out/blst_bench"
  "$out/blst_bench"
done
