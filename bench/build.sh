#!/usr/bin/env bash
# Whole-process comparison: `vnkg build` (extract + store) of a generated corpus
# against Cayley's own loader (`cayley load`) of the N-Quads that build exports,
# both into an embedded bolt store, measured in the same run. Prints seconds and
# the ratio build/load (how much the extraction costs on top of storing).
#
# usage: bench/build.sh [ARTICLES]   (default 2000; the bundled and test articles
# are copied under new ids, so the store holds ARTICLES distinct documents)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/vnkg" ./cmd/vnkg
go build -o "$work/cayley" github.com/cayleygraph/cayley/cmd/cayley

mkdir -p "$work/corpus"
src=(data/corpus/*.txt extract/testdata/corpus/*.txt extract/testdata/holdout/corpus/*.txt)
for ((i = 0; i < n; i++)); do
  cp "${src[i % ${#src[@]}]}" "$work/corpus/a$i.txt"
done
bytes=$(cat "$work"/corpus/*.txt | wc -c)

now() { date +%s.%N; }
t0=$(now)
"$work/vnkg" -q build --db "$work/build.db" "$work/corpus"
t1=$(now)
"$work/vnkg" export --db "$work/build.db" -o "$work/all.nq"
quads=$(wc -l <"$work/all.nq")
t2=$(now)
"$work/cayley" load --logtostderr=false --db bolt --dbpath "$work/load.db" --init --load "$work/all.nq" >/dev/null 2>&1
t3=$(now)

awk -v n="$n" -v bytes="$bytes" -v quads="$quads" -v b="$(echo "$t1 - $t0" | bc)" -v l="$(echo "$t3 - $t2" | bc)" 'BEGIN {
  printf "articles %d (%.1f MB), quads %d\n", n, bytes / 1e6, quads
  printf "vnkg build   %6.2f s  %8.0f articles/s  %8.0f quads/s\n", b, n / b, quads / b
  printf "cayley load  %6.2f s  %8s             %8.0f quads/s\n", l, "", quads / l
  printf "ratio build/load %.2f\n", b / l
}'
