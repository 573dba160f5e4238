#!/usr/bin/env bash
# Soak test (not run in CI): the desk in tmux for a while, at about 10 actions a second
# with resizes; reports memory each minute and checks that nothing was lost.
#
#   bash scripts/soak.sh [SECONDS]      (default 600)
#
# SOAK_NOTES=0: no notes; SOAK_RESIZE=0: no resizes; SOAK_CHECKS=0: no checking of steps
# (with SOAK_NOTES=0, no saved change at all).
# Needs tmux. Builds the release binary first, unless SOAK_BIN names one.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
if [ -z "${SOAK_BIN:-}" ]; then
  cargo build --release --quiet
fi
bin=${SOAK_BIN:-$PWD/target/release/shiftdesk}
data=$(mktemp -d)
session=soak$$
trap 'tmux kill-session -t $session 2>/dev/null || true; rm -rf "$data"' EXIT

for n in 1 2 3; do
  "$bin" --data-dir "$data" new --title "soak $n" --category operational.system_outage --severity 2 >/dev/null
done
tmux new-session -d -s "$session" -x 120 -y 40 "$bin --data-dir $data --lang en --operator soak"
sleep 2
pid=$(pgrep -n -f "$bin --data-dir $data --lang en")
# Memory is compared at the same window size (the screen buffers grow with the window).
rss() {
  tmux resize-window -t "$session" -x 120 -y 40
  sleep 1
  awk '/VmRSS/ {print $2}' "/proc/$pid/status"
}

keys=(j k Tab Tab Tab "?" Escape t Escape R Escape / Escape " " " " j " " k H Escape f Escape)
if [ "${SOAK_CHECKS:-1}" = 0 ]; then
  # No checking and unchecking (each one a saved change with a timeline entry): the
  # record stays as it is, so memory can be seen to level off.
  keys=("${keys[@]/ /j}")
fi
notes=0
start=$(date +%s)
first_rss=""
series=""
next_sample=$((start + 60))
i=0
while [ $(( $(date +%s) - start )) -lt "$seconds" ]; do
  key=${keys[$((i % ${#keys[@]}))]}
  tmux send-keys -t "$session" "$key"
  if [ "${SOAK_NOTES:-1}" = 1 ] && [ $((i % 50)) -eq 0 ]; then
    # A note on the selected incident: the record grows a little, as in a shift.
    tmux send-keys -t "$session" Escape; sleep 0.05; tmux send-keys -t "$session" Escape; sleep 0.05
    tmux send-keys -t "$session" a "note $notes" Enter
    notes=$((notes + 1))
  fi
  if [ "${SOAK_RESIZE:-1}" = 1 ] && [ $((i % 100)) -eq 0 ]; then
    tmux resize-window -t "$session" -x $((80 + (i / 100) % 60)) -y $((24 + (i / 100) % 20))
  fi
  if [ "$(date +%s)" -ge "$next_sample" ]; then
    # Every minute, at the same window size: the first after warming up is the baseline.
    sample=$(rss)
    first_rss=${first_rss:-$sample}
    series="$series $sample"
    next_sample=$((next_sample + 60))
  fi
  i=$((i + 1))
  sleep 0.1
done
last_rss=$(rss)
first_rss=${first_rss:-$last_rss}
tmux send-keys -t "$session" q
sleep 1
saved=$( { grep -o '"note [0-9]*"' "$data/incidents.json" || true; } | sort -u | wc -l)
growth=$(awk -v a="$first_rss" -v b="$last_rss" 'BEGIN { printf "%.1f", (b - a) * 100 / a }')
echo "actions: $i in ${seconds}s; notes typed: $notes, saved: $saved"
echo "RSS after 1 min: ${first_rss} kB; at the end: ${last_rss} kB; growth: ${growth}%"
echo "RSS each minute (kB):$series $last_rss"
[ "$saved" -eq "$notes" ] || { echo "LOST NOTES"; exit 1; }
grep -q '^VmHWM' "/proc/$pid/status" 2>/dev/null || true
