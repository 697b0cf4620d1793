#!/usr/bin/env bash
# The served rate of errcodes errors against a prepared static body of the
# same bytes, on 127.0.0.1: the server (src/bin/served.rs) on one worker
# thread, oha from crates.io as the load generator, 32 connections, each
# route for SECONDS seconds, ROUNDS rounds, in five settings: plain, with
# RUST_BACKTRACE=1, with a subscriber that formats events, both, and both
# with a backtrace for every failure (what errcodes did before its policy).
#
#   bash bench/served.sh            # SECONDS=4 ROUNDS=2 by default
#
# With PIN=1 (the default where taskset and two cores are there), the
# server runs on the first core and the load generator on the second, so
# that they do not take turns on the same core and the latencies measure
# the server.
#
# It prints one row per setting, route and round: requests per second,
# p99 latency, and both as a share of the static body's in the same round;
# then, per setting and route, the median of the rounds against the static
# body's median.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_ROUTE=${SECONDS:-4}
ROUNDS=${ROUNDS:-2}
SERVER_CPU=() LOAD_CPU=()
if [ "${PIN:-1}" = 1 ] && command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
    SERVER_CPU=(taskset -c 0) LOAD_CPU=(taskset -c 1)
fi
OHA_VERSION=1.16.0
TOOLS=target/tools
OHA=$TOOLS/bin/oha
if ! "$OHA" --version 2>/dev/null | grep -q "$OHA_VERSION"; then
    cargo install oha --version "$OHA_VERSION" --locked --root "$TOOLS"
fi
cargo build --release -q -p errcodes-bench --bin served

serve() { # the server's flag ("" or --fmt), then its environment
    local flag=$1 out
    shift
    out=$(mktemp)
    env -u RUST_BACKTRACE -u RUST_LIB_BACKTRACE "$@" ${SERVER_CPU[@]+"${SERVER_CPU[@]}"} target/release/served $flag >"$out" &
    SERVER=$!
    for _ in $(seq 50); do
        [ -s "$out" ] && break
        sleep 0.1
    done
    ADDRESS=$(head -1 "$out")
    rm -f "$out"
}

load() { # route; prints "rps p99_ms"
    ${LOAD_CPU[@]+"${LOAD_CPU[@]}"} "$OHA" -z "${SECONDS_PER_ROUTE}s" -c 32 --no-tui --output-format json \
        "http://$ADDRESS/$1" |
        python3 -c 'import json,sys; s=json.load(sys.stdin); print("%.0f %.3f" % (s["summary"]["requestsPerSec"], s["latencyPercentiles"]["p99"]*1000))'
}

ROWS=$(mktemp)
printf '%-22s %-8s %5s %10s %9s %7s %7s\n' setting route round "req/s" "p99 ms" "rate" "p99"
for setting in plain backtrace fmt backtrace+fmt backtrace+fmt,every; do
    case $setting in
        plain) serve "" ;;
        backtrace) serve "" RUST_BACKTRACE=1 ;;
        fmt) serve --fmt ;;
        backtrace+fmt) serve --fmt RUST_BACKTRACE=1 ;;
        backtrace+fmt,every) serve "--fmt --every-backtrace" RUST_BACKTRACE=1 ;;
    esac
    for round in $(seq "$ROUNDS"); do
        read -r base_rps base_p99 <<<"$(load static)"
        printf '%-22s %-8s %5s %10s %9s %7s %7s\n' "$setting" static "$round" "$base_rps" "$base_p99" 100% 100%
        echo "$setting static $base_rps $base_p99" >>"$ROWS"
        for route in bare failure; do
            read -r rps p99 <<<"$(load "$route")"
            echo "$setting $route $rps $p99" >>"$ROWS"
            python3 -c "import sys; r,p,br,bp=map(float,sys.argv[1:]); print('%-22s %-8s %5s %10.0f %9.3f %6.0f%% %6.0f%%' % ('$setting','$route','$round',r,p,100*r/br,100*p/bp))" \
                "$rps" "$p99" "$base_rps" "$base_p99"
        done
    done
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
done

echo
printf '%-22s %-8s %10s %9s %7s %7s\n' setting route "req/s" "p99 ms" "rate" "p99"
python3 - "$ROWS" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    setting, route, rps, p99 = line.split()
    rows.setdefault((setting, route), []).append((float(rps), float(p99)))
for (setting, route), values in rows.items():
    rps = statistics.median(v[0] for v in values)
    p99 = statistics.median(v[1] for v in values)
    base = rows[(setting, "static")]
    base_rps = statistics.median(v[0] for v in base)
    base_p99 = statistics.median(v[1] for v in base)
    print("%-22s %-8s %10.0f %9.3f %6.0f%% %6.0f%%" % (setting, route, rps, p99, 100 * rps / base_rps, 100 * p99 / base_p99))
PY
rm -f "$ROWS"
