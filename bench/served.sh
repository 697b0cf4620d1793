#!/usr/bin/env bash
# The served rate of errcodes errors against a prepared static body of the
# same bytes, on 127.0.0.1: the server (src/bin/served.rs) on one worker
# thread, oha from crates.io as the load generator, 32 connections, each
# route for DURATION seconds, ROUNDS rounds, in five settings: plain, with
# RUST_BACKTRACE=1, with a subscriber that formats events, both, and both
# with a backtrace for every failure (what errcodes did before its policy).
#
#   bash bench/served.sh            # DURATION=2 ROUNDS=9 by default
#
# With PIN=1 (the default where taskset and two cores are there), the
# server runs on the first core and the load generator on the second, so
# that they do not take turns on the same core and the latencies measure
# the server.
#
# It prints one row per setting, route and round: requests per second and
# p99 latency; then, per setting and route, the medians of the rounds and
# the median share of the static body's rate and p99 in the same round,
# with the lowest and highest share. The rounds take the routes in turns
# of order, and are short and many, so that the machine's drift over a
# run moves every route alike.
set -euo pipefail
cd "$(dirname "$0")/.."
# Not SECONDS, which bash sets itself: the seconds since the shell started.
DURATION=${DURATION:-2}
ROUNDS=${ROUNDS:-9}
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
    ${LOAD_CPU[@]+"${LOAD_CPU[@]}"} "$OHA" -z "${DURATION}s" -c 32 --no-tui --output-format json \
        "http://$ADDRESS/$1" |
        python3 -c 'import json,sys; s=json.load(sys.stdin); print("%.0f %.3f" % (s["summary"]["requestsPerSec"], s["latencyPercentiles"]["p99"]*1000))'
}

ROWS=$(mktemp)
printf '%-22s %-8s %5s %10s %9s\n' setting route round "req/s" "p99 ms"
for setting in plain backtrace fmt backtrace+fmt backtrace+fmt,every; do
    case $setting in
        plain) serve "" ;;
        backtrace) serve "" RUST_BACKTRACE=1 ;;
        fmt) serve --fmt ;;
        backtrace+fmt) serve --fmt RUST_BACKTRACE=1 ;;
        backtrace+fmt,every) serve "--fmt --every-backtrace" RUST_BACKTRACE=1 ;;
    esac
    # Each round takes the routes in another order, so that a drift of the
    # machine's speed within a round falls on each route in turn.
    for round in $(seq "$ROUNDS"); do
        case $((round % 3)) in
            1) routes="static bare failure" ;;
            2) routes="bare failure static" ;;
            0) routes="failure static bare" ;;
        esac
        for route in $routes; do
            read -r rps p99 <<<"$(load "$route")"
            echo "$setting $route $round $rps $p99" >>"$ROWS"
            printf '%-22s %-8s %5s %10s %9s\n' "$setting" "$route" "$round" "$rps" "$p99"
        done
    done
    kill "$SERVER"; wait "$SERVER" 2>/dev/null || true
done

# Per setting and route: each round's rate and p99 as a share of the
# static body's in the same round; the median share, and the lowest and
# highest.
echo
printf '%-22s %-8s %10s %9s %18s %18s\n' setting route "req/s" "p99 ms" "rate (min-max)" "p99 (min-max)"
python3 - "$ROWS" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    setting, route, round_, rps, p99 = line.split()
    rows.setdefault((setting, route), {})[round_] = (float(rps), float(p99))
for (setting, route), rounds in rows.items():
    base = rows[(setting, "static")]
    rates = sorted(100 * v[0] / base[r][0] for r, v in rounds.items())
    p99s = sorted(100 * v[1] / base[r][1] for r, v in rounds.items())
    rps = statistics.median(v[0] for v in rounds.values())
    p99 = statistics.median(v[1] for v in rounds.values())
    share = lambda s: "%3.0f%% (%3.0f-%3.0f)" % (statistics.median(s), s[0], s[-1])
    print("%-22s %-8s %10.0f %9.3f %18s %18s" % (setting, route, rps, p99, share(rates), share(p99s)))
PY
rm -f "$ROWS"
