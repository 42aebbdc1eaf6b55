#!/usr/bin/env bash
# Measures the README's run command: seconds until the login page is served, seconds until /actuator/health is UP
# (Elasticsearch ready), and the resident memory of the app, PostgreSQL and Elasticsearch together.
# Usage: .ci/bench-startup.sh [runs]   (builds first so that the timing is of startup, not compilation)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=18080
./mvnw -B -q -DskipTests package >/dev/null

rss_kb() { # sum of VmRSS over the given pids
    local total=0
    for pid in "$@"; do
        kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
        total=$((total + ${kb:-0}))
    done
    echo "$total"
}

for run in $(seq 1 "$runs"); do
    for mode in cold restart; do
        data=$(mktemp -d /tmp/frontline-bench-XXXX)
        if [ "$mode" = restart ]; then # a first start to create the data, then measure the second
            PORT=$port FRONTLINE_EMBEDDED_DATA_DIR=$data ./mvnw -B -q spring-boot:run >/tmp/bench-app.log 2>&1 &
            until curl -fs "http://127.0.0.1:$port/actuator/health" | grep -q '"UP"'; do sleep 0.5; done
            app=$(ss -ltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
            kill "$app"; wait || true
        fi
        start=$(date +%s.%N)
        PORT=$port FRONTLINE_EMBEDDED_DATA_DIR=$data ./mvnw -B -q spring-boot:run >/tmp/bench-app.log 2>&1 &
        until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/login")" = 200 ]; do sleep 0.2; done
        login=$(echo "$(date +%s.%N) - $start" | bc)
        until curl -fs "http://127.0.0.1:$port/actuator/health" | grep -q '"UP"'; do sleep 0.5; done
        healthy=$(echo "$(date +%s.%N) - $start" | bc)
        sleep 5
        app=$(ss -ltnp "sport = :$port" | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2)
        postmaster=$(pgrep -f "$data/postgres" | head -1)
        pg="$postmaster $(pgrep -P "$postmaster" | tr '\n' ' ')"  # with its backends: an upper bound (shared buffers count per process)
        es=$(pgrep -f "$data/elasticsearch" | tr '\n' ' ')               # the launcher and the node
        app_mb=$(( $(rss_kb $app) / 1024 )); pg_mb=$(( $(rss_kb $pg) / 1024 )); es_mb=$(( $(rss_kb $es) / 1024 ))
        printf '%s run %d: login page %.1f s, all healthy %.1f s, RSS app %d MB + postgres %d MB + elasticsearch %d MB = %d MB\n' \
            "$mode" "$run" "$login" "$healthy" "$app_mb" "$pg_mb" "$es_mb" $((app_mb + pg_mb + es_mb))
        kill "$app"; wait || true
        rm -rf "$data"
    done
done
