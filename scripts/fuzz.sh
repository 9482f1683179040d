#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser that takes outside bytes (fuzz/Blobs.Fuzz.Targets): AFL++ (Debian's afl++)
# drives the SharpFuzz fork server in fuzz/Blobs.Fuzz, with the toolkit's assemblies instrumented by the SharpFuzz
# command-line tool. Not part of the test suite: the corpus it keeps and every crash it finds are replayed there
# (tests/Blobs.Tests/Fuzz).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]    SECONDS per target (default 60); all targets by default
#
# For each target: afl-fuzz runs for SECONDS from fuzz/corpus/TARGET (seeded from FuzzSeeds when empty); crashes and
# hangs are copied to fuzz/crashes/TARGET/ (to become regression inputs); the queue is minimized with afl-cmin back
# into fuzz/corpus/TARGET. A table of executions, crashes and hangs per target ends the run (also in
# .tools/fuzz/summary.txt). Exit status 1 when any target crashed or hung.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
seconds=${1:-60}
shift || true
work="$root/.tools/fuzz"
mkdir -p "$work"

# Tools: AFL++ from Debian, the SharpFuzz instrumenter from NuGet, libckzg for the KZG targets.
if ! command -v afl-fuzz >/dev/null; then
  if [[ $(id -u) == 0 ]]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends afl++ >/dev/null
  else
    echo "fuzz: afl-fuzz not found; install Debian's afl++ (apt-get install afl++)" >&2; exit 2
  fi
fi
sharpfuzz="$root/.tools/sharpfuzz/sharpfuzz"
if [[ ! -x $sharpfuzz ]]; then
  dotnet tool install SharpFuzz.CommandLine --version 2.3.0 --tool-path "$root/.tools/sharpfuzz" >/dev/null
fi
bash scripts/bootstrap.sh
export BLOBS_CKZG_PATH="$root/.tools/native/libckzg.so"

# Build, then instrument the toolkit's own assemblies (not the harness, not the runtime or third-party code).
bin="$work/bin"
rm -rf "$bin"
dotnet publish fuzz/Blobs.Fuzz/Blobs.Fuzz.csproj -c Release -nologo -clp:ErrorsOnly -o "$bin" >/dev/null
runner=("$(readlink -f "$(command -v dotnet)")" "$bin/Blobs.Fuzz.dll")
# Target names and seeds come from the build before instrumentation (instrumented code runs only under afl-fuzz).
mapfile -t all < <("${runner[@]}" --list | cut -f1)
seeds="$work/seeds"
rm -rf "$seeds" && "${runner[@]}" --seeds "$seeds" 2>/dev/null
for dll in Blobs.dll Blobs.Kzg.dll Blobs.Bls12381.dll; do
  if [[ -f $bin/$dll ]]; then "$sharpfuzz" "$bin/$dll" >/dev/null; fi
done

targets=("$@")
(( ${#targets[@]} )) || targets=("${all[@]}")

export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_AFFINITY=1
export AFL_SHUFFLE_QUEUE=1 AFL_QUIET=1
summary="$work/summary.txt"
printf "%-14s %12s %10s %8s %7s %7s %7s\n" target executions execs/s seconds crashes hangs corpus > "$summary"
status=0
for t in "${targets[@]}"; do
  corpus="fuzz/corpus/$t"
  if [[ ! -d $corpus ]] || [[ -z $(ls -A "$corpus" 2>/dev/null) ]]; then
    mkdir -p "$corpus" && cp "$seeds/$t"/* "$corpus/"
  fi
  out="$work/out/$t"
  rm -rf "$out" && mkdir -p "$work/out"
  echo "fuzz: $t for ${seconds}s" >&2
  # -t: one input may take 5 s (the KZG targets verify pairings); -m none: the .NET runtime reserves much address space.
  afl-fuzz -V "$seconds" -t 5000 -m none -i "$corpus" -o "$out" -- "${runner[@]}" "$t" > "$work/$t.log" 2>&1 || {
    echo "fuzz: afl-fuzz failed for $t (see $work/$t.log)" >&2; tail -5 "$work/$t.log" >&2; status=1; continue; }
  stats="$out/default/fuzzer_stats"
  stat() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
  execs=$(stat execs_done); crashes=$(stat saved_crashes); hangs=$(stat saved_hangs); run=$(stat run_time)
  # Crashes and hangs become regression inputs (named by content hash).
  for kind in crashes hangs; do
    for f in "$out/default/$kind"/id:*; do
      [[ -f $f ]] || continue
      mkdir -p "fuzz/crashes/$t"
      cp "$f" "fuzz/crashes/$t/$kind-$(sha256sum "$f" | cut -c1-16)"
    done
  done
  # Keep the smallest set of inputs that covers what the queue covers.
  min="$work/min/$t"
  rm -rf "$min"
  if afl-cmin -t 5000 -m none -i "$out/default/queue" -o "$min" -- "${runner[@]}" "$t" > "$work/$t.cmin.log" 2>&1 && [[ -n $(ls -A "$min" 2>/dev/null) ]]; then
    rm -rf "$corpus" && mkdir -p "$corpus"
    for f in "$min"/*; do cp "$f" "$corpus/$(sha256sum "$f" | cut -c1-16)"; done
  fi
  n=$(ls "$corpus" | wc -l)
  printf "%-14s %12s %10s %8s %7s %7s %7s\n" "$t" "$execs" "$(( execs / (run > 0 ? run : 1) ))" "$run" "$crashes" "$hangs" "$n" >> "$summary"
  (( crashes + hangs == 0 )) || status=1
done
cat "$summary"
exit $status
