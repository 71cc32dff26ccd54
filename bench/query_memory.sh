#!/usr/bin/env bash
# Peak memory of `vnkg query --limit 0` on a query of many rows: this branch
# (rows streamed from the Gizmo worker and printed as they come) against a
# baseline built from another revision (default main, which collected every
# row in the worker and in vnkg before printing), measured in the same run.
# Peak RSS is GNU time's "Maximum resident set size": the largest process of
# the run, vnkg or its query worker.
#
# usage: bench/query_memory.sh [ROWS...]   (default 100000 1000000)
#        BASE=<revision> to compare with another revision
set -euo pipefail
cd "$(dirname "$0")/.."
rows=("$@")
[ ${#rows[@]} -eq 0 ] && rows=(100000 1000000)
base=${BASE:-main}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/vnkg" ./cmd/vnkg
mkdir "$work/base"
git archive "$base" | tar -x -C "$work/base"
(cd "$work/base" && go build -o "$work/vnkg-base" ./cmd/vnkg)
"$work/vnkg" -q build --db "$work/kg.db" data/corpus

peak() { # binary rows → "KB seconds"
  /usr/bin/time -f '%M %e' -o "$work/time" "$1" query --db "$work/kg.db" --limit 0 --timeout 0 \
    "for (var i = 0; i < $2; i++) { g.emit({n: i, name: \"Ngô Xuân Lịch\"}) }" >"$work/out"
  local lines
  lines=$(wc -l <"$work/out")
  [ "$lines" -eq $(($2 + 2)) ] || { echo "$1: $lines lines for $2 rows" >&2; exit 1; }
  cat "$work/time"
}
printf '%10s  %14s  %14s  %8s\n' rows "$base (MB, s)" "this (MB, s)" "RSS ratio"
for n in "${rows[@]}"; do
  read -r bk bs < <(peak "$work/vnkg-base" "$n")
  read -r tk ts < <(peak "$work/vnkg" "$n")
  awk -v n="$n" -v bk="$bk" -v bs="$bs" -v tk="$tk" -v ts="$ts" 'BEGIN {
    printf "%10d  %7.0f %6.2f  %7.0f %6.2f  %8.2f\n", n, bk / 1024, bs, tk / 1024, ts, tk / bk }'
done
