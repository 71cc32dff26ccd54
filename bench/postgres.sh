#!/usr/bin/env bash
# PostgreSQL: vnkg's bulk write path against Cayley's own loader, into the same
# server, in the same run.
#
#   1. whole processes: `vnkg build` of a generated corpus (extraction
#      included) into one database, against `cayley load` of the N-Quads that
#      build exports into another database of the same server: seconds, quads/s,
#      peak RSS, and the ratio load/build;
#   2. the store alone: `go test -bench BenchmarkPostgresLoad ./graph` on the
#      same server (vnkg's Writer against the SQL store's quad writer that
#      `cayley load` uses, same quads, same run): quads/s and their ratio;
#   3. two `vnkg build`s of the same corpus into one database at once: their
#      exit status and errors, and the time against one build alone.
#
# usage: bench/postgres.sh [ARTICLES]   (default 1000)
#
# It starts a throwaway cluster (initdb from /usr/lib/postgresql/*/bin, default
# settings, fsync on) in a temporary directory, or uses the server that
# $VNKG_BENCH_POSTGRES_DSN names (a URL whose user may create databases).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
work=$(mktemp -d)
chmod 755 "$work"
stop_server=:
trap '$stop_server; rm -rf "$work"' EXIT

as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ -n "${VNKG_BENCH_POSTGRES_DSN:-}" ]; then
  admin=$VNKG_BENCH_POSTGRES_DSN
else
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  mkdir "$work/pg"
  [ "$(id -u)" = 0 ] && chown postgres "$work/pg"
  as_pg "$bin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  as_pg "$bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $work/pg" start >/dev/null
  stop_server="as_pg $bin/pg_ctl -D $work/pg/data -m immediate stop"
  admin="postgres://postgres@127.0.0.1:$port/postgres?sslmode=disable"
fi
db() { # a URL for a new database named $1
  PGOPTIONS='-c client_min_messages=warning' psql -q "$admin" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1"
  echo "${admin/\/postgres\?//$1?}"
}

go build -o "$work/vnkg" ./cmd/vnkg
go build -o "$work/cayley" github.com/cayleygraph/cayley/cmd/cayley
go run ./bench/gen -n "$n" -seed 1 -o "$work/corpus" 2>/dev/null
bytes=$(find "$work/corpus" -name '*.txt' -print0 | xargs -0 cat | wc -c)

# measure OUT CMD...: wall seconds and peak RSS (KiB) into OUT.
measure() {
  local out=$1; shift
  /usr/bin/time -f '%e %M' -o "$out" "$@"
}

build_db=$(db vnkg_bench_build)
load_db=$(db vnkg_bench_load)
measure "$work/build.t" "$work/vnkg" -q build --db "$build_db" "$work/corpus"
"$work/vnkg" export --db "$build_db" -o "$work/all.nq"
quads=$(wc -l <"$work/all.nq")
measure "$work/load.t" "$work/cayley" load --logtostderr=false --db postgres --dbpath "$load_db" \
  --init --load "$work/all.nq" >/dev/null 2>&1
"$work/vnkg" export --db "$load_db" | cmp -s - "$work/all.nq" || { echo "the loaded database exports other quads" >&2; exit 1; }

# Two concurrent builds of the same corpus into one database.
conc_db=$(db vnkg_bench_conc)
set +e
measure "$work/c1.t" "$work/vnkg" build --json --db "$conc_db" "$work/corpus" >"$work/c1.json" 2>"$work/c1.err" &
p1=$!
measure "$work/c2.t" "$work/vnkg" build --json --db "$conc_db" "$work/corpus" >"$work/c2.json" 2>"$work/c2.err" &
p2=$!
wait $p1; s1=$?
wait $p2; s2=$?
set -e
"$work/vnkg" export --db "$conc_db" | cmp -s - "$work/all.nq" && same=same || same=DIFFERENT

# (time puts "Command exited with non-zero status N" first when it did.)
read -r bt bm < <(tail -1 "$work/build.t")
read -r lt lm < <(tail -1 "$work/load.t")
read -r c1t _ < <(tail -1 "$work/c1.t")
read -r c2t _ < <(tail -1 "$work/c2.t")
errs() { sed -n 's/.*"errors":\([0-9]*\).*/\1/p' "$1"; }
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(psql -tA "$admin" -c 'SHOW server_version') ($( [ -n "${VNKG_BENCH_POSTGRES_DSN:-}" ] && echo 'given server' || echo 'throwaway cluster, default settings'))"
awk -v n="$n" -v bytes="$bytes" -v quads="$quads" -v bt="$bt" -v bm="$bm" -v lt="$lt" -v lm="$lm" 'BEGIN {
  printf "articles %d (%.1f MB), quads %d\n", n, bytes / 1e6, quads
  printf "vnkg build   %7.2f s  %8.0f quads/s  peak %4.0f MiB\n", bt, quads / bt, bm / 1024
  printf "cayley load  %7.2f s  %8.0f quads/s  peak %4.0f MiB\n", lt, quads / lt, lm / 1024
  printf "speed-up load/build %.2fx   peak RSS build/load %.2f\n", lt / bt, bm / lm
}'
echo "two concurrent builds: exit $s1 and $s2, errors $(errs "$work/c1.json") and $(errs "$work/c2.json"), $c1t s and $c2t s (one alone: $bt s); export $same as one build's"
cat "$work/c1.err" "$work/c2.err" | head -5 | sed 's/^/  stderr: /'

VNKG_TEST_POSTGRES_DSN=$admin go test -run '^$' -bench 'BenchmarkPostgresLoad' -benchtime 3x ./graph |
  tee "$work/bench.txt" | grep Benchmark
awk '/PostgresLoad\/cayley/ {c = $(NF-1)} /PostgresLoad\/vnkg/ {v = $(NF-1)} END {
  printf "store alone (go test -bench): vnkg Writer %.0f quads/s, Cayley quad writer %.0f quads/s: %.2fx\n", v, c, v / c }' "$work/bench.txt"
