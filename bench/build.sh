#!/usr/bin/env bash
# Whole-process comparison: `vnkg build` (extract + store) of a generated corpus
# against Cayley's own loader (`cayley load`) of the N-Quads that build exports,
# both into an embedded bolt store, measured in the same run. Prints seconds,
# peak resident memory (and, for vnkg, the peak of its heap and of the bolt
# file's mapped pages) and the ratios build/load.
#
# usage: bench/build.sh [ARTICLES | CORPUS_DIR]
#   ARTICLES    copies of the bundled and test articles under new ids (default 2000)
#   CORPUS_DIR  a corpus to build as is (go run ./bench/gen -n 100000 -o DIR)
# $BENCH_WORK keeps the stores and the export there (default: a temporary
# directory, removed at the end). $BUILD_VARIANTS, flag sets separated by
# ';' (say '--commit-mib 64;--batch 64 --commit-mib 0'), builds the corpus
# again with each, after the default build and before `cayley load`, each
# into a store of its own (removed after it), and prints their ratios too.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
if [ -n "${BENCH_WORK:-}" ]; then
  work=$BENCH_WORK
  mkdir -p "$work"
  rm -rf "$work/build.db" "$work/load.db" "$work/all.nq"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi

go build -o "$work/vnkg" ./cmd/vnkg
go build -o "$work/cayley" github.com/cayleygraph/cayley/cmd/cayley

if [ -d "$n" ]; then
  corpus=$n
  n=$(find "$corpus" -name '*.txt' | wc -l)
else
  corpus=$work/corpus
  mkdir -p "$corpus"
  src=(data/corpus/*.txt extract/testdata/corpus/*.txt extract/testdata/holdout/corpus/*.txt)
  for ((i = 0; i < n; i++)); do
    cp "${src[i % ${#src[@]}]}" "$corpus/a$i.txt"
  done
fi
bytes=$(find "$corpus" -name '*.txt' -print0 | xargs -0 cat | wc -c)

# peaks PID: sample the process's heap (RssAnon) and mapped file pages
# (RssFile) until it ends; prints their peaks in KiB.
peaks() {
  local pid=$1 a f ma=0 mf=0
  while kill -0 "$pid" 2>/dev/null; do
    read -r a f < <(awk '/RssAnon/ { a = $2 } /RssFile/ { f = $2 } END { print a + 0, f + 0 }' "/proc/$pid/status" 2>/dev/null || echo 0 0)
    ((a > ma)) && ma=$a
    ((f > mf)) && mf=$f
    sleep 0.5
  done
  echo "$ma $mf"
}

# build NAME ARGS...: time `vnkg build ARGS` of the corpus into
# $work/NAME.db, sampling its peaks; prints "seconds KiB anonKiB fileKiB".
build() {
  local name=$1 tpid anon file t m
  shift
  rm -rf "$work/$name.db"
  /usr/bin/time -f '%e %M' -o "$work/$name.t" "$work/vnkg" -q build --db "$work/$name.db" "$@" "$corpus" &
  tpid=$!
  sleep 0.2
  read -r anon file < <(peaks "$(pgrep -P $tpid | head -1)")
  wait $tpid
  read -r t m <"$work/$name.t"
  echo "$t $m $anon $file"
}

read -r b bm banon bfile < <(build build)
variants=()
IFS=';' read -r -a variants <<<"${BUILD_VARIANTS:-}"
vres=()
for i in "${!variants[@]}"; do
  # shellcheck disable=SC2086 # a variant is a list of flags
  vres+=("$(build "variant$i" ${variants[i]})")
  rm -rf "$work/variant$i.db"
done
"$work/vnkg" export --db "$work/build.db" -o "$work/all.nq"
quads=$(wc -l <"$work/all.nq")
/usr/bin/time -f '%e %M' -o "$work/load.t" "$work/cayley" load --logtostderr=false --db bolt --dbpath "$work/load.db" --init --load "$work/all.nq" >/dev/null 2>&1
read -r l lm <"$work/load.t"

awk -v n="$n" -v bytes="$bytes" -v quads="$quads" -v b="$b" -v l="$l" -v bm="$bm" -v lm="$lm" -v ba="$banon" -v bf="$bfile" 'BEGIN {
  printf "articles %d (%.1f MB), quads %d\n", n, bytes / 1e6, quads
  printf "vnkg build   %7.2f s  %8.0f articles/s  %8.0f quads/s  peak RSS %6.0f MiB (heap %.0f, mapped file %.0f)\n", b, n / b, quads / b, bm / 1024, ba / 1024, bf / 1024
  printf "cayley load  %7.2f s  %8s             %8.0f quads/s  peak RSS %6.0f MiB\n", l, "", quads / l, lm / 1024
  printf "ratio build/load: time %.2f, peak RSS %.2f\n", b / l, bm / lm
}'
for i in "${!variants[@]}"; do
  read -r vb vm va vf <<<"${vres[i]}"
  awk -v name="${variants[i]}" -v b="$vb" -v bm="$vm" -v ba="$va" -v bf="$vf" -v l="$l" -v lm="$lm" 'BEGIN {
    printf "vnkg build %s: %.2f s, peak RSS %.0f MiB (heap %.0f, mapped file %.0f); ratio to load: time %.2f, peak RSS %.2f\n", name, b, bm / 1024, ba / 1024, bf / 1024, b / l, bm / lm
  }'
done
