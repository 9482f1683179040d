#!/usr/bin/env bash
# Checks `./blob send samples/batch.jsonl` in a real terminal: runs it in a detached tmux session (140x50), watches the
# pane while it runs, and checks that
#   - the live progress display appears (a spinner while a step runs, the per-blob proof row, the inclusion row),
#   - the summary table comes out with the verdict "yes", and the command exits 0,
#   - colours are used on the terminal, and with NO_COLOR=1 (second run) there are no colour codes at all.
# Prints the final pane of each run; exits non-zero naming the first check that failed.
set -euo pipefail
export LC_ALL=C.UTF-8
root=$(cd "$(dirname "$0")/.." && pwd)
command -v tmux >/dev/null || { echo "tmux-check: tmux is not installed" >&2; exit 2; }
session="blobs-tmux-check-$$"
trap 'tmux kill-session -t "$session" 2>/dev/null || true' EXIT
fail() { echo "tmux-check: FAILED ($1): $2" >&2; exit 1; }

# Build first (./blob would, but inside the pane that would eat into the watch time).
"$root/blob" --help >/dev/null

run_case() {
  local name=$1 envs=$2
  tmux new-session -d -s "$session" -x 140 -y 50 \
    "cd '$root' && env $envs ./blob send samples/batch.jsonl; echo \"BLOB-EXIT=\$?\"; sleep 600"
  local saw_spinner=0 saw_proofs=0 saw_waiting=0 pane=""
  for _ in $(seq 1 600); do
    pane=$(tmux capture-pane -p -t "$session")
    grep -Pq '[\x{2800}-\x{28FF}]' <<<"$pane" && saw_spinner=1
    grep -q 'Computing commitments and cell proofs' <<<"$pane" && saw_proofs=1
    grep -q 'Waiting for inclusion' <<<"$pane" && saw_waiting=1
    grep -q '^BLOB-EXIT=' <<<"$pane" && break
    sleep 0.2
  done
  local final final_escaped
  final=$(tmux capture-pane -p -t "$session")
  final_escaped=$(tmux capture-pane -p -e -t "$session")
  tmux kill-session -t "$session"
  echo "----- $name: final pane -----"
  grep -v '^$' <<<"$final"

  grep -q '^BLOB-EXIT=0' <<<"$final" || fail "$name" "blob send did not exit 0"
  (( saw_spinner )) || fail "$name" "no spinner seen while a step ran"
  (( saw_proofs )) || fail "$name" "no proof row in the progress display"
  (( saw_waiting )) || fail "$name" "no 'Waiting for inclusion' row"
  grep -Eq 'Computing commitments and cell proofs for 1 blob\(s\) +━+ +100%' <<<"$final" || fail "$name" "the proof row did not reach 100%"
  grep -q '│ verified  *│ yes: fetched back' <<<"$final" || fail "$name" "no summary table with the verdict"
  grep -q '│ as calldata' <<<"$final" || fail "$name" "no calldata comparison in the summary"
  grep -Eq 'Decoding and comparing with the batch +━+ +100%' <<<"$final" || fail "$name" "no verification row"
  local colour='\x1b\[([0-9]+;)*(3[0-7]|38|9[0-7])[;m]'
  if [[ $name == colour ]]; then
    grep -Pq "$colour" <<<"$final_escaped" || fail "$name" "no colour codes on a terminal"
  else
    ! grep -Pq "$colour" <<<"$final_escaped" || fail "$name" "colour codes despite NO_COLOR"
  fi
  echo "tmux-check: $name ok (spinner, proof row, inclusion row, summary table, exit 0)"
}

run_case colour "TERM=xterm-256color"
run_case no-color "TERM=xterm-256color NO_COLOR=1"
echo "tmux-check: ok"
