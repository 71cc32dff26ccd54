#!/usr/bin/env bash
# Whole-process extraction speed against issue 8's floor: `vnkg extract` of a
# corpus (on one core, and on all cores) against bench/floor (read the files,
# NFC-normalize, split syllables), the programs run in turn ROUNDS times in the
# same run. Prints each program's median CPU seconds (user + system) and wall
# seconds, and the ratios to the floor's.
#
# usage: bench/extract.sh [ARTICLES | CORPUS_DIR] [ROUNDS]
#   ARTICLES    copies of the bundled and test articles under new names (default 2000)
#   CORPUS_DIR  a corpus to extract as is (go run ./bench/gen -n 10000 -o DIR)
#   ROUNDS      runs of each program (default 5; the medians are reported)
# $VNKG_BASE, a vnkg binary of another commit, is timed too (one core), for a
# before/after in the same run.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
rounds=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/vnkg" ./cmd/vnkg
go build -o "$work/floor" ./bench/floor

if [ -d "$n" ]; then
  corpus=$n
else
  corpus=$work/corpus
  mkdir -p "$corpus"
  src=(data/corpus/*.txt extract/testdata/corpus/*.txt extract/testdata/holdout/corpus/*.txt)
  for ((i = 0; i < n; i++)); do
    cp "${src[i % ${#src[@]}]}" "$corpus/a$i.txt"
  done
fi
files=$(find "$corpus" -name '*.txt' | wc -l)
bytes=$(find "$corpus" -name '*.txt' -print0 | xargs -0 cat | wc -c)
cores=$(nproc)

# run NAME CMD...: one timed run, appended to $work/NAME as "cpu wall"
run() {
  local name=$1
  shift
  /usr/bin/time -f '%U %S %e' -o "$work/t" "$@" >/dev/null 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  awk '{ printf "%.3f %.3f\n", $1 + $2, $3 }' "$work/t" >>"$work/t-$name"
}
cat "$corpus"/*.txt >/dev/null 2>&1 || true # warm the page cache
for ((r = 0; r < rounds; r++)); do
  run floor "$work/floor" "$corpus"
  run one "$work/vnkg" -q extract --workers 1 "$corpus"
  run all "$work/vnkg" -q extract --workers "$cores" "$corpus"
  if [ -n "${VNKG_BASE:-}" ]; then run base "$VNKG_BASE" -q extract --workers 1 "$corpus"; fi
done

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
fc=$(cut -d' ' -f1 "$work/t-floor" | median); fw=$(cut -d' ' -f2 "$work/t-floor" | median)
oc=$(cut -d' ' -f1 "$work/t-one" | median); ow=$(cut -d' ' -f2 "$work/t-one" | median)
ac=$(cut -d' ' -f1 "$work/t-all" | median); aw=$(cut -d' ' -f2 "$work/t-all" | median)
awk -v files="$files" -v bytes="$bytes" -v cores="$cores" -v rounds="$rounds" -v fc="$fc" -v fw="$fw" -v oc="$oc" -v ow="$ow" -v ac="$ac" -v aw="$aw" 'BEGIN {
  printf "articles %d (%.1f MB), %d cores, medians of %d runs\n", files, bytes / 1e6, cores, rounds
  printf "floor (read, NFC, syllables)     cpu %7.2f s  wall %7.2f s\n", fc, fw
  printf "vnkg extract --workers 1         cpu %7.2f s  wall %7.2f s  ratio to the floor: %.1fx (cpu), %.1fx (wall)\n", oc, ow, oc / fc, ow / fw
  printf "vnkg extract --workers %-2d        cpu %7.2f s  wall %7.2f s  ratio to the floor: %.1fx (wall)\n", cores, ac, aw, aw / fw
}'
if [ -n "${VNKG_BASE:-}" ]; then
  bc=$(cut -d' ' -f1 "$work/t-base" | median); bw=$(cut -d' ' -f2 "$work/t-base" | median)
  awk -v fc="$fc" -v fw="$fw" -v oc="$oc" -v bc="$bc" -v bw="$bw" 'BEGIN {
    printf "VNKG_BASE extract --workers 1    cpu %7.2f s  wall %7.2f s  ratio to the floor: %.1fx (cpu), %.1fx (wall); this one is %.2fx its cpu\n", bc, bw, bc / fc, bw / fw, oc / bc
  }'
fi
