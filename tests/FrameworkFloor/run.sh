#!/usr/bin/env bash
# The framework's floor on this machine (docs/PERFORMANCE.md, "What a page costs"): a bare ASP.NET
# Core MVC site's trivial endpoint and signed-in pages, loaded with wrk at 32 connections as
# scripts/load.sh loads Awards, printing requests per second, the server's CPU time per request
# and each endpoint's ratio to the trivial one.
#
#   tests/FrameworkFloor/run.sh [--duration SECONDS] [--warmup SECONDS]
set -euo pipefail
cd "$(dirname "$0")"

duration=10
warmup=10
while [ $# -gt 0 ]; do
    case "$1" in
        --duration) duration=$2; shift 2 ;;
        --warmup) warmup=$2; shift 2 ;;
        *) echo "unknown option $1 (see the top of $0)"; exit 2 ;;
    esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk"; exit 1; }

dotnet build -c Release --nologo --verbosity quiet >/dev/null
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url=http://127.0.0.1:$port
dotnet bin/Release/net10.0/FrameworkFloor.dll --urls "$url" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 100); do curl -fs -o /dev/null "$url/health" && break; sleep 0.2; done

# Signed in, with the antiforgery cookie a browser would send back, as load.sh's judges are.
curl -fs -o /dev/null -c "$work/jar" -b "$work/jar" "$url/sign-in"
curl -fs -o /dev/null -c "$work/jar" -b "$work/jar" "$url/page"
cookie=$(awk -F'\t' '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$work/jar")

cpu() { awk '{ print $14 + $15 }' "/proc/$server/stat"; }
ticks=$(getconf CLK_TCK)
printf '%-40s %12s %16s %16s\n' endpoint requests/s "server CPU ms" "ratio to /health"
health=
for path in /health /text /page /rows; do
    headers=()
    [ "$path" = /health ] || headers=(-H "Cookie: $cookie")
    [ "$warmup" -gt 0 ] && wrk -t2 -c32 -d"${warmup}s" "${headers[@]}" "$url$path" >/dev/null
    before=$(cpu)
    wrk -t2 -c32 -d"${duration}s" "${headers[@]}" "$url$path" >"$work/wrk"
    after=$(cpu)
    grep -q "Non-2xx" "$work/wrk" && { echo "$path answered errors:"; cat "$work/wrk"; exit 1; }
    rps=$(awk '/Requests\/sec/ { print $2 }' "$work/wrk")
    health=${health:-$rps}
    case "$path" in
        /health) label="GET /health (trivial endpoint)" ;;
        /text) label="GET /text (signed in, no view)" ;;
        /page) label="GET /page (signed in, layout, 1 form)" ;;
        /rows) label="GET /rows (the same, 100 rows)" ;;
    esac
    printf '%-40s %12.0f %16.3f %15.1f%%\n' "$label" "$rps" \
        "$(awk -v a="$before" -v b="$after" -v r="$rps" -v d="$duration" -v t="$ticks" 'BEGIN { print (b - a) / t * 1000 / (r * d) }')" \
        "$(awk -v a="$rps" -v b="$health" 'BEGIN { print 100 * a / b }')"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
