#!/usr/bin/env bash
# HTTP load on the province-scale contest (docs/PERFORMANCE.md): the judge's queue page, one
# entry's page beside the rubric (where every "submit and next" lands), the scoring POST (submit and
# open the next entry, a judge's Enter key), the public notice, the judge's dashboard (a small
# signed-in page), the cheapest signed-in page there is (the access-denied page: the layout and
# nothing else, the floor under every signed-in page), a static file (/favicon.svg, the reference)
# and the trivial /health endpoint (routing, middleware and one database round trip) with wrk at 32
# connections, printing requests per second, p99 latency, each page's ratio to the reference and
# the server's peak resident memory during the run. With the server's pid known, it also prints
# the server's CPU time per request (milliseconds), which other load on the machine changes much
# less than requests per second, its resident memory at the end of each endpoint's run, and the
# largest size of the database's write-ahead log during the run.
#
#   scripts/load.sh [--duration SECONDS] [--warmup SECONDS] [--connections N] [--only NAMES] [--db FILE] [--url http://host:port [--pid PID]]
#
# --only takes a comma-separated list of page, floor, signed, queue, entry, score and notice; the reference and
# /health always run, so that every ratio is measured in the same run.
#
# Each endpoint gets an uncounted warm-up run first (--warmup, 15 s; 0 to skip): after a start the
# scoring POST showed p99 of 0.5-1 s for about its first half-minute, and about 50 ms after that.
#
# Without --url it builds the site in Release, makes the province database with
# `generate province --seed 1` when FILE (default data/perf/province.db) does not exist yet, and
# runs the site on it at a free local port with the scoring rate limit lifted for the run. With
# --url it loads a site that is already running on a generated database (its rate limit on entry
# posts, Awards:RateLimits:EntryPostsPerMinute, must be high enough or the POSTs measure 429s);
# --db must then name that site's database, which the script reads for the judges' assignments,
# and --pid the site's process id if its memory is to be sampled.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=20
warmup=15
connections=32
db=data/perf/province.db
url=
judges=4
pid=
only=
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --db) db=$2; shift 2 ;;
        --url) url=$2; shift 2 ;;
        --pid) pid=$2; shift 2 ;;
        --only) only=$2; shift 2 ;;
        *) echo "unknown option $1 (see the top of $0)"; exit 2 ;;
    esac
done

for tool in wrk sqlite3 curl; do
    command -v "$tool" >/dev/null || { echo "$tool is missing: apt-get install -y $tool"; exit 1; }
done

work=$(mktemp -d)
server=
sampler=
cleanup() {
    [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
    [ -n "$server" ] && kill "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

password=Generated-Awards-2026
if [ -z "$url" ]; then
    dotnet build src/Awards.Web -c Release --nologo --verbosity quiet >/dev/null
    dll=src/Awards.Web/bin/Release/net10.0/Awards.Web.dll
    keys=$(dirname "$db")/keys
    if [ ! -f "$db" ]; then
        mkdir -p "$(dirname "$db")"
        echo "Generating the province contest in $db (a minute or two)..."
        dotnet "$dll" generate province --seed 1 "--Awards:DatabasePath=$db" "--Awards:KeysPath=$keys"
    fi
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    url=http://127.0.0.1:$port
    Logging__LogLevel__Default=Warning Awards__RateLimits__EntryPostsPerMinute=100000000 \
        dotnet "$dll" --urls "$url" "--Awards:DatabasePath=$db" "--Awards:KeysPath=$keys" --Awards:Mode=Demo >"$work/server.log" 2>&1 &
    server=$!
    for _ in $(seq 1 100); do
        curl -fs -o /dev/null "$url/favicon.svg" && break
        sleep 0.3
    done
    pid=$server
fi
curl -fs -o /dev/null "$url/favicon.svg" || { echo "The site does not answer at $url"; cat "$work/server.log" 2>/dev/null; exit 1; }

# The help-story theme's preliminary round stays open in a generated contest; its rubric's criteria are the form fields.
round=$(sqlite3 "$db" "SELECT r.Id FROM Rounds r JOIN Tracks t ON t.Id = r.TrackId WHERE t.Code = 'help-story' AND r.Sequence = 1")
fields=$(sqlite3 "$db" "SELECT group_concat('c' || c.Id || '=' || (80 + c.\"Order\"), '&') FROM RubricCriteria c JOIN Tracks t ON t.Id = c.TrackId WHERE t.Code = 'help-story'")

# Sign in as a few judges; each one's antiforgery token comes from one of their entry pages.
# Identity's own check of a session (a locked account, a changed password) runs once a cookie is
# five minutes old and renews the cookie; a browser keeps the renewed one, but wrk sends the same
# cookie all along, so every request after the fifth minute would pay that check (about 40% of the
# floor page's time in a profile; a full run lasts longer). Each signed-in endpoint starts with
# fresh sign-ins.
# The antiforgery token of the first form in a page read from standard input.
form_token() {
    sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1
}

sign_in() {
    : >"$work/judges.tsv"
    local n email jar token judge first cookie
    for n in $(seq 1 "$judges"); do
        email=$(printf 'judge%04d@generated.example' "$n")
        jar="$work/judge$n.cookies"
        rm -f "$jar"
        token=$(curl -fs -c "$jar" -b "$jar" "$url/account/login" | form_token)
        curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Email=$email" --data-urlencode "Password=$password" \
            --data-urlencode "__RequestVerificationToken=$token" "$url/account/login"
        judge=$(sqlite3 "$db" "SELECT Id FROM AspNetUsers WHERE NormalizedEmail = upper('$email')")
        first=$(sqlite3 "$db" "SELECT e.Code FROM Assignments a JOIN Entries e ON e.Id = a.EntryId WHERE a.JudgeUserId = $judge AND a.RoundId = $round LIMIT 1")
        token=$(curl -fs -c "$jar" -b "$jar" "$url/judge/rounds/$round/$first" | form_token)
        [ -n "$token" ] || { echo "Could not sign in as $email"; exit 1; }
        cookie=$(awk -F'\t' '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
        token=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$token")
        printf '%s\t%s\t%s\n' "$judge" "$cookie" "$token" >>"$work/judges.tsv"
        if [ "$n" -eq 1 ]; then
            queue_cookie=$cookie
            entry=$first
        fi
    done
}
sign_in

# The judges' assignments with each score's current version, read again before each POST run,
# so that every POST sends the version the last save left.
score_rows() {
    : >"$work/scores.tsv"
    while IFS=$'\t' read -r judge cookie token; do
        sqlite3 -separator $'\t' "$db" "SELECT '$cookie', '$token', '/judge/rounds/$round/' || e.Code, s.Version, '$fields'
            FROM Assignments a JOIN Entries e ON e.Id = a.EntryId JOIN Scores s ON s.AssignmentId = a.Id
            WHERE a.JudgeUserId = $judge AND a.RoundId = $round ORDER BY a.QueueKey" >>"$work/scores.tsv"
    done <"$work/judges.tsv"
}

peak=0
sample() {
    while kill -0 "$pid" 2>/dev/null; do
        ps -o rss= -p "$pid" 2>/dev/null | tr -d ' ' >>"$work/rss"
        stat -c %s "$db-wal" 2>/dev/null >>"$work/wal" || true
        sleep 0.5
    done
}
if [ -n "$pid" ]; then
    sample &
    sampler=$!
fi

# The server's CPU time so far (user + system, in clock ticks), when its pid is known: CPU time per
# request holds still when other processes on the machine take the cores, where requests/s does not.
cpu_ticks() {
    [ -n "$pid" ] && [ -r "/proc/$pid/stat" ] && awk '{ print $14 + $15 }' "/proc/$pid/stat"
    return 0
}

# Whether an endpoint is measured in this run (--only; the reference and /health always are).
wanted() {
    [ -z "$only" ] || [ "$1" = reference ] || [ "$1" = health ] || [[ ",$only," == *",$1,"* ]]
}

run() { # name, then wrk's arguments
    local name=$1
    shift
    wanted "$name" || return 0
    # A warm-up run first, not counted: the first seconds of an endpoint measure the JIT.
    [ "$warmup" -gt 0 ] && { [ "$name" = score ] && score_rows; wrk -t2 "-c$connections" "-d${warmup}s" "$@" >/dev/null 2>&1; }
    if [ "$name" = score ]; then
        score_rows
        saved_before=$(sqlite3 "$db" "SELECT COUNT(*) FROM AuditLog WHERE Action = 'Score submitted'")
    fi
    local cpu_before
    cpu_before=$(cpu_ticks)
    wrk -t2 "-c$connections" "-d${duration}s" --latency "$@" >"$work/$name.txt" 2>&1
    local rps p99 requests cpu
    rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' "$work/$name.txt")
    p99=$(sed -n 's/^ *99% *\([0-9.]*[mu]*s\).*/\1/p' "$work/$name.txt")
    requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$work/$name.txt")
    cpu=-
    [ -n "$cpu_before" ] && cpu=$(awk -v a="$cpu_before" -v b="$(cpu_ticks)" -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.3f", (b - a) * 1000 / hz / n }')
    local rss=-
    [ -n "$pid" ] && rss=$(ps -o rss= -p "$pid" 2>/dev/null | awk '{ printf "%d", $1 / 1024 }')
    echo "$name $rps $p99 $cpu ${rss:--}" >>"$work/results"
    # The floor's page answers 403 by design; any other endpoint's non-2xx answers are a finding.
    local errors="Non-2xx|Socket errors"
    [ "$name" = floor ] && errors="Socket errors"
    grep -E "$errors" "$work/$name.txt" | sed "s/^/  $name: /" || true
}

# Which garbage collector the server runs (its memory and its tails depend on it, docs/PERFORMANCE.md):
# DOTNET_gcServer in its environment, else its runtimeconfig.json (the site's own is workstation).
collector() {
    [ -n "$pid" ] && [ -r "/proc/$pid/environ" ] || { echo unknown; return 0; }
    local setting dll
    setting=$(tr '\0' '\n' <"/proc/$pid/environ" | sed -n 's/^DOTNET_gcServer=//p')
    if [ -z "$setting" ]; then
        dll=$(tr '\0' '\n' <"/proc/$pid/cmdline" | grep -m 1 '\.dll$' || true)
        [ -n "$dll" ] && [[ "$dll" != /* ]] && dll="/proc/$pid/cwd/$dll"
        setting=0
        grep -qs '"System.GC.Server": true' "${dll%.dll}.runtimeconfig.json" && setting=1
    fi
    [ "$setting" = 1 ] && echo server || echo workstation
}

echo "Loading $url for ${duration}s per endpoint at $connections connections (wrk -t2); $(nproc) cores, load average before: $(cut -d' ' -f1-3 /proc/loadavg); the server's garbage collector: $(collector)"
run reference "$url/favicon.svg"
run health "$url/health"
run page "$url/account/login"
# A signed-in endpoint: fresh sign-ins first (above), then its run as judge0001.
signed_run() { # name, path
    wanted "$1" || return 0
    sign_in
    run "$1" -H "Cookie: $queue_cookie" "$url$2"
}
signed_run floor /account/access-denied
signed_run signed /judge
signed_run queue "/judge/rounds/$round"
signed_run entry "/judge/rounds/$round/$entry"
wanted score && sign_in && run score -s scripts/load/score.lua "$url" -- "$work/scores.tsv" 2
run notice "$url/notice"
if [ -f "$work/score.txt" ]; then
    saved_after=$(sqlite3 "$db" "SELECT COUNT(*) FROM AuditLog WHERE Action = 'Score submitted'")
    posts=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$work/score.txt")
fi

[ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
sampler=
peak=$(sort -n "$work/rss" 2>/dev/null | tail -n 1)
wal=$(sort -n "$work/wal" 2>/dev/null | tail -n 1)

echo
printf '%-34s %12s %10s %18s %16s %14s %9s\n' "endpoint" "requests/s" "p99" "ratio to reference" "ratio to /health" "server CPU ms" "RSS MB"
reference=$(awk '$1 == "reference" { print $2 }' "$work/results")
health=$(awk '$1 == "health" { print $2 }' "$work/results")
while read -r name rps p99 cpu rss; do
    case "$name" in
        reference) label="GET /favicon.svg (reference)" ;;
        health) label="GET /health (trivial endpoint)" ;;
        page) label="GET /account/login (small page)" ;;
        floor) label="GET /account/access-denied (floor)" ;;
        signed) label="GET /judge (signed-in page)" ;;
        queue) label="GET /judge/rounds/$round (queue)" ;;
        entry) label="GET /judge/rounds/$round/CODE (entry)" ;;
        score) label="POST /judge/rounds/$round/CODE" ;;
        notice) label="GET /notice" ;;
    esac
    printf '%-34s %12s %10s %17.1f%% %15.1f%% %14s %9s\n' "$label" "$rps" "$p99" \
        "$(awk -v a="$rps" -v b="$reference" 'BEGIN { print 100 * a / b }')" "$(awk -v a="$rps" -v b="$health" 'BEGIN { print 100 * a / b }')" "$cpu" "$rss"
done <"$work/results"
echo
[ -f "$work/score.txt" ] && echo "Scores saved by the POSTs: $((saved_after - saved_before)); wrk counted $posts completed POSTs (a save that found a newer version would be missing here)."
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg) (other processes on the machine share the cores)."
[ -n "$peak" ] && echo "Server peak resident memory during the run: $((peak / 1024)) MB (pid $pid)."
[ -n "$wal" ] && echo "Largest write-ahead log ($db-wal) during the run: $((wal / 1024 / 1024)) MB."
