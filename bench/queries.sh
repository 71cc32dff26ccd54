#!/usr/bin/env bash
# Query latency on a store built from a generated corpus (bench/gen, then vnkg
# build): in process (bench/qbench: the Go path many times, each query's Gizmo
# script a few times, rows compared), then whole processes — `vnkg query NAME
# ARGS` against `cayley query` of the same bound Gizmo script on the same
# store, plus `g.emit(1)` for what starting and opening cost — all in one run.
# Prints markdown tables (p50 and p99 in milliseconds; vnkg's CPU time, user
# and system, beside its wall time: on a loaded machine the wall time is
# mostly waiting for a core).
#
# usage: bench/queries.sh STORE PEOPLE.tsv [RUNS] [CAYLEY_RUNS]
#   STORE       a bolt store (vnkg build --db STORE CORPUS)
#   PEOPLE.tsv  the corpus's people.tsv (the best-connected person is its first)
#   RUNS        whole-process runs of each vnkg query (default 15)
#   CAYLEY_RUNS runs of each cayley query (default 3; each opens the store anew;
#               $CAYLEY_TIMEOUT_S, default 60 seconds, stops one — its time is
#               then that, marked "stopped")
#   $QBENCH_RUNS, $QBENCH_GIZMO: in-process runs of the Go path (100) and of
#               each Gizmo script (3)
#   $VNKG_BASE  another vnkg binary (an older build) run back to back with this
#               one on every whole-process row: a before/after in one run
#   $CAYLEY     a prebuilt cayley binary (else built from the module cache);
#               CAYLEY_RUNS=0 skips cayley
#
# e.g. go run ./bench/gen -n 10000 -seed 1 -o /tmp/c10k &&
#      go run ./cmd/vnkg -q build --db /tmp/s10k /tmp/c10k &&
#      bench/queries.sh /tmp/s10k /tmp/c10k/people.tsv
set -euo pipefail
cd "$(dirname "$0")/.."
store=${1:?usage: bench/queries.sh STORE PEOPLE.tsv [RUNS] [CAYLEY_RUNS]}
people=${2:?usage: bench/queries.sh STORE PEOPLE.tsv [RUNS] [CAYLEY_RUNS]}
runs=${3:-15}
cruns=${4:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/vnkg" ./cmd/vnkg
go build -o "$work/qbench" ./bench/qbench
if [[ -n ${CAYLEY:-} ]]; then cp "$CAYLEY" "$work/cayley"; elif ((cruns > 0)); then go build -o "$work/cayley" github.com/cayleygraph/cayley/cmd/cayley; fi
base=${VNKG_BASE:-}

echo "## In process ($(basename "$store"))"
echo
"$work/qbench" -db "$store" -people "$people" -n "${QBENCH_RUNS:-100}" -gizmo "${QBENCH_GIZMO:-3}" -scripts "$work/scripts"
echo

now() { date +%s%N; }
TIMEFORMAT='%3U %3S' # bash's time: the child's user and system seconds
# stats prints "p50 p99" in ms of the nanosecond durations on stdin.
stats() { sort -n | awk '{ a[NR] = $1 } END { p50 = a[int(NR * 0.5 + 0.5)]; i = int(NR * 0.99 + 0.5); if (i < 1) i = 1; printf "%.1f %.1f", p50 / 1e6, a[i] / 1e6 }'; }

echo "## Whole process ($(basename "$store"), $runs runs of vnkg, $cruns of cayley)"
echo
if [[ -n $base ]]; then
  echo "| query | vnkg p50 ms | vnkg p99 ms | vnkg CPU p50 ms | base vnkg p50 ms | base/vnkg | cayley query p50 ms | cayley/vnkg |"
  echo "|---|---|---|---|---|---|---|---|"
else
  echo "| query | vnkg p50 ms | vnkg p99 ms | vnkg CPU p50 ms | cayley query p50 ms | cayley/vnkg |"
  echo "|---|---|---|---|---|---|"
fi
row() { # name, then the vnkg command's arguments after --db; cayley script file
  local label=$1 script=$2; shift 2
  local t0 t1 v vc c bv=""
  : >"$work/t"
  : >"$work/b"
  : >"$work/tc"
  for ((i = 0; i < runs; i++)); do
    t0=$(now); { time "$work/vnkg" query --db "$store" "$@" >/dev/null 2>>"$work/stderr"; } 2>"$work/cpu1"; t1=$(now)
    echo $((t1 - t0)) >>"$work/t"
    awk '{ printf "%d\n", ($1 + $2) * 1e9 }' "$work/cpu1" >>"$work/tc"
    if [[ -n $base ]]; then
      t0=$(now); "$base" query --db "$store" "$@" >/dev/null 2>>"$work/stderr"; t1=$(now)
      echo $((t1 - t0)) >>"$work/b"
    fi
  done
  v=$(stats <"$work/t")
  vc=$(stats <"$work/tc")
  [[ -n $base ]] && bv=$(stats <"$work/b")
  : >"$work/c"
  local cstop=""
  for ((i = 0; i < cruns; i++)); do
    t0=$(now)
    # Cayley's own --timeout, and a hard stop 10 s after it: a run stopped
    # either way is marked "stopped" (its time is then the cap, not an answer).
    if ! { timeout -s KILL $(( ${CAYLEY_TIMEOUT_S:-60} + 10 )) "$work/cayley" query --logtostderr=false --limit=-1 --timeout="${CAYLEY_TIMEOUT_S:-60}s" --db bolt --dbpath "$store" "$(cat "$script")" >/dev/null 2>&1; } 2>/dev/null; then
      cstop=" (stopped)"
    fi
    t1=$(now)
    echo $((t1 - t0)) >>"$work/c"
  done
  if ((cruns > 0)); then c=$(stats <"$work/c"); else c="— —"; fi
  awk -v l="$label" -v v="$v" -v vc="$vc" -v c="$c" -v bv="$bv" -v cs="$cstop" 'BEGIN {
    split(v, a, " "); split(c, b, " "); split(bv, x, " "); split(vc, y, " ")
    cr = (b[1] == "—") ? "—" : sprintf("%.0f×", b[1] / a[1])
    b[1] = b[1] cs
    if (bv != "") printf "| %s | %s | %s | %s | %s | %.1f× | %s | %s |\n", l, a[1], a[2], y[1], x[1], x[1] / a[1], b[1], cr
    else printf "| %s | %s | %s | %s | %s | %s |\n", l, a[1], a[2], y[1], b[1], cr
  }'
}
echo 'g.emit(1)' >"$work/emit.js"
row 'g.emit(1) (start, open, close)' "$work/emit.js" 'g.emit(1)'
for f in "$work"/scripts/*.args; do
  mapfile -t args <"$f"
  row "${args[*]}" "${f%.args}.js" "${args[@]}"
done
