#!/usr/bin/env bash
# Peak memory of `vnkg build` on a WARC crawl against the text path, in the
# same run: ARTICLES generated articles (bench/gen) built from their .txt
# files, then the same articles as HTML pages in a WARC (bench/warcgen) that
# image records pad to SIZE bytes (default 1 GiB), each into a fresh bolt
# store. Prints seconds, peak RSS (GNU time), articles stored, and the ratio
# WARC/text. The WARC is streamed record by record: its size should not show
# in the peak. Not run in CI (it writes SIZE bytes and takes minutes).
#
# usage: bench/warc.sh [ARTICLES] [SIZE]   (default 2000 1073741824)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
size=${2:-1073741824}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/vnkg" ./cmd/vnkg
go run ./bench/gen -n "$n" -seed 1 -o "$work/corpus"
go run ./bench/warcgen -in "$work/corpus" -size "$size" -o "$work/crawl.warc.gz"
warcbytes=$(stat -c %s "$work/crawl.warc.gz")

measure() { # name db input... → "name seconds peakKB articles"
  local name=$1 db=$2
  shift 2
  /usr/bin/time -f '%e %M' -o "$work/time" "$work/vnkg" build --json --db "$db" "$@" >"$work/sum.json"
  read -r secs kb <"$work/time"
  printf '%s %s %s %s\n' "$name" "$secs" "$kb" "$(grep -o '"articles":[0-9]*' "$work/sum.json" | cut -d: -f2)"
}
{
  measure text "$work/text.db" "$work/corpus"
  measure warc "$work/warc.db" "$work/crawl.warc.gz"
} >"$work/results"
awk -v warcbytes="$warcbytes" '
  { name[NR] = $1; s[NR] = $2; kb[NR] = $3; a[NR] = $4 }
  END {
    printf "WARC %.2f GB\n", warcbytes / 1e9
    printf "%-5s %8s %10s %9s\n", "path", "seconds", "peak MiB", "articles"
    for (i = 1; i <= NR; i++) printf "%-5s %8.1f %10.0f %9d\n", name[i], s[i], kb[i] / 1024, a[i]
    printf "ratio warc/text: peak RSS %.2f, time %.2f\n", kb[2] / kb[1], s[2] / s[1]
  }' "$work/results"
