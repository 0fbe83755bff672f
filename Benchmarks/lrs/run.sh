#!/usr/bin/env bash
# The xAPI LRS under wrk (Debian's `wrk`, a load generator the project did not write): issue 15.
#
#   Benchmarks/lrs/run.sh BASE AUTH        e.g.  Benchmarks/lrs/run.sh http://127.0.0.1:8181/xapi KEY:SECRET
#
# Load the store first (the numbers in issue 15 are with 1,000,000 statements stored):
#   python3 Benchmarks/lrs/seed.py http://127.0.0.1:8181/xapi KEY:SECRET --count 1000000
# and run once with the server on SQLite and once on PostgreSQL.
#
# What a number here includes: HTTP/1.1 over loopback with keep-alive, HTTP Basic auth on every
# request (the key's lookup and secret check), the X-Experience-API-Version check, JSON decoding
# and xAPI validation of every statement, storage (the insert and its indexes, in one transaction
# per request), the query and its paging, and JSON encoding of the answer. Not included: TLS,
# a reverse proxy, network latency. wrk runs on the same machine and shares its 2 cores with the
# server (and, on PostgreSQL, with the database): every figure is lower than the server alone on
# those cores would give, and wrk's own Lua building the POST bodies costs most in the batch run.
#
# Steps (each wrk -t$THREADS -c$CONNS -d$DURATION --latency, defaults -t2 -c32 -d20s):
#   1. post_single   one statement per POST, fresh random ids        -> requests/s = statements/s
#   2. post_batch    $BATCH (100) statements per POST, fresh ids      -> requests/s and statements/s
#   3. get_by_agent  GET statements?agent=<a stored learner>, chosen at random per request
#   4. get_by_verb   GET statements?verb=<a stored verb>, weighted by how often it occurs
#   5. first_page    GET statements?verb=<the commonest verb>&limit=$PAGE_LIMIT
#   6. last_page     the same query's last page, found by following `more` (pages.py)
# Steps 1-2 add statements (some tens of thousands) before 3-6 run. STEPS="post_single get_by_agent"
# runs some of them. Output: wrk's own report for each, then a Markdown table for the README.
# Environment: THREADS CONNS DURATION BATCH BATCH_CONNS (connections for step 2, default CONNS)
# PAGE_LIMIT PAGE_VERB (the verb IRI whose pages 5-6 walk; default the commonest sampled) STEPS LABEL (e.g. "SQLite", put in the summary title) LRS_OUT (work files, /tmp/lrs-bench)
# XAPI_VERSION (header sent, 1.0.3), LRS_QUERY_EXTRA (appended to the GET-by queries, e.g. limit=10).
set -euo pipefail

if [ $# -lt 2 ]; then
    sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
fi
BASE=${1%/}
AUTH=$2
HERE=$(cd "$(dirname "$0")" && pwd)
THREADS=${THREADS:-2}
CONNS=${CONNS:-32}
DURATION=${DURATION:-20s}
BATCH=${BATCH:-100}
BATCH_CONNS=${BATCH_CONNS:-$CONNS}
LABEL=${LABEL:-}
PAGE_LIMIT=${PAGE_LIMIT:-100}
STEPS=${STEPS:-"post_single post_batch get_by_agent get_by_verb first_page last_page"}
export LRS_OUT=${LRS_OUT:-/tmp/lrs-bench}
export XAPI_VERSION=${XAPI_VERSION:-1.0.3}
export LRS_BATCH=$BATCH
mkdir -p "$LRS_OUT"
ROOT=$(python3 -c 'import sys; from urllib.parse import urlparse; u = urlparse(sys.argv[1]); print(f"{u.scheme}://{u.netloc}")' "$BASE")
AUTH_HEADER="Authorization: Basic $(printf '%s' "$AUTH" | base64 -w0)"

command -v wrk >/dev/null || { echo "wrk is not installed: apt-get install -y wrk" >&2; exit 2; }
code=$(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH_HEADER" -H "X-Experience-API-Version: $XAPI_VERSION" "$BASE/about" || true)
[ "$code" = 200 ] || { echo "$BASE/about answered HTTP $code: is the server up?" >&2; exit 1; }

ROWS=()
run() { # name script url [extra env...]
    local name=$1 script=$2 url=$3 conns=$CONNS
    shift 3
    [ "$name" = post_batch ] && conns=$BATCH_CONNS
    local threads=$(( THREADS < conns ? THREADS : conns ))
    echo
    echo "## $name: wrk -t$threads -c$conns -d$DURATION --latency -s $script $url"
    local out
    out=$(env LRS_NAME="$name" "$@" wrk -t"$threads" -c"$conns" -d"$DURATION" --timeout 10s --latency \
        -s "$HERE/$script" -H "$AUTH_HEADER" "$url" 2>&1) || true
    echo "$out" | grep -v '^LRSBENCH '
    local line
    line=$(echo "$out" | grep '^LRSBENCH name=' || true)
    if [ -z "$line" ]; then
        ROWS+=("| $name | wrk failed | | | | | |")
        return
    fi
    val() { echo "$line" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
    local stm="" errs
    case $name in post_*) stm=$(val statements_per_s) ;; esac
    errs=$(( $(val status_errors) + $(val timeouts) + $(val socket_errors) ))
    ROWS+=("| $name | $(val ok_rps) | ${stm:--} | $(val p50_ms) | $(val p95_ms) | $(val p99_ms) | $errs of $(val requests) |")
}

want() { [[ " $STEPS " == *" $1 "* ]]; }

want post_single && run post_single post_single.lua "$BASE/statements"
want post_batch && run post_batch post_batch.lua "$BASE/statements"
if want get_by_agent || want get_by_verb || want first_page || want last_page; then
    echo
    echo "## sampling stored agents and verbs"
    python3 "$HERE/pages.py" sample "$BASE" "$AUTH" --out "$LRS_OUT"
fi
want get_by_agent && run get_by_agent get_by_agent.lua "$BASE/statements"
want get_by_verb && run get_by_verb get_by_verb.lua "$BASE/statements"
if want first_page || want last_page; then
    echo
    echo "## following more links to the last page (limit=$PAGE_LIMIT)"
    python3 "$HERE/pages.py" pages "$BASE" "$AUTH" --out "$LRS_OUT" --limit "$PAGE_LIMIT" ${PAGE_VERB:+--verb "$PAGE_VERB"}
fi
want first_page && run first_page get_last_page.lua "$ROOT/" LRS_PAGE_FILE="$LRS_OUT/first_page.txt"
want last_page && run last_page get_last_page.lua "$ROOT/" LRS_PAGE_FILE="$LRS_OUT/last_page.txt"

echo
echo "## Summary${LABEL:+: $LABEL} ($BASE, wrk -t$THREADS -c$CONNS -d$DURATION, batch $BATCH on $BATCH_CONNS connections, page $PAGE_LIMIT; $(date -u +%Y-%m-%dT%H:%MZ))"
echo
echo "| step | requests/s (2xx) | statements/s | p50 ms | p95 ms | p99 ms | errors |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
printf '%s\n' "${ROWS[@]}"
