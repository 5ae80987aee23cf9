# Helpers shared by bench/run and the sections in bench/sections/.
#
# Sourced, not executed. Every server is started on 127.0.0.1 and recorded in
# BENCH_PIDS so the EXIT trap in bench/run can stop it; sections add rows to
# the result table with `row` and free-form lines with `detail`.

BENCH_PIDS=()
# Commands (strings) run by stop_all after the servers stop: private database clusters and the like.
BENCH_CLEANUPS=()

# Prints a free TCP port on the loopback interface.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Environment for a Plinth process under test (loopback only, quiet logs).
plinth_env() {
    local port=$1
    echo "PORT=$port HOST=127.0.0.1 LOG_LEVEL=warn SECRET=bench-secret-not-for-production"
}

# Starts a command in its own fresh working directory, in the background.
# Usage: start_server NAME CMD...   Sets STARTED_PID; output goes to $BENCH_TMP/NAME.log.
start_server() {
    local name=$1; shift
    local dir
    dir=$(mktemp -d "$BENCH_TMP/$name.XXXX")
    (cd "$dir" && exec "$@") >"$BENCH_TMP/$name.log" 2>&1 &
    STARTED_PID=$!
    BENCH_PIDS+=("$STARTED_PID")
}

# Starts the release-built Plinth on PORT, with extra VAR=VALUE settings. Sets STARTED_PID.
start_plinth() {
    local port=$1; shift
    # shellcheck disable=SC2046
    start_server "plinth-$port" env $(plinth_env "$port") "$@" "$BENCH_BIN/plinth" start
}

# Starts the bare Hummingbird peer on PORT. Sets STARTED_PID.
start_peer() {
    local port=$1
    start_server "peer-$port" env PORT="$port" "$BENCH_BIN/plinth-bench-hello"
}

# Waits until GET PATH on PORT answers 200 (at most 15 s); fails otherwise.
wait_ready() {
    local port=$1 path=${2:-/server/ping}
    local tries=0
    until curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port$path" 2>/dev/null; do
        tries=$((tries + 1))
        if ((tries > 300)); then
            echo "bench: server on port $port did not answer $path within 15 s" >&2
            return 1
        fi
        sleep 0.05
    done
}

# Stops one server started by start_server: SIGTERM, then SIGKILL after 5 s.
stop_server() {
    local pid=$1
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    local kept=() p
    for p in "${BENCH_PIDS[@]}"; do [[ $p == "$pid" ]] || kept+=("$p"); done
    BENCH_PIDS=("${kept[@]}")
}

# Stops every server still running, then runs the registered cleanups (the EXIT trap of bench/run).
stop_all() {
    local pid cleanup
    for pid in "${BENCH_PIDS[@]}"; do stop_server "$pid"; done
    for cleanup in "${BENCH_CLEANUPS[@]}"; do eval "$cleanup" || true; done
    BENCH_CLEANUPS=()
}

# Registers a shell command that stop_all runs at exit.
at_exit() {
    BENCH_CLEANUPS+=("$1")
}

# Prints the resident set size of PID in MB (VmRSS), one decimal.
rss_mb() {
    awk '/^VmRSS:/ { printf "%.1f\n", $2 / 1024 }' "/proc/$1/status"
}

# Prints the peak resident set size of PID in MB (VmHWM), one decimal.
peak_rss_mb() {
    awk '/^VmHWM:/ { printf "%.1f\n", $2 / 1024 }' "/proc/$1/status"
}

# Median time in ms from spawn to the first 200 on /server/ping over RUNS fresh processes.
# Usage: cold_start RUNS PORT CMD...   Prints "median sample1 sample2 …".
cold_start() {
    local runs=$1 port=$2; shift 2
    python3 "$BENCH_DIR/cold_start.py" "$runs" "$port" "$BENCH_TMP" "$@"
}

# Runs wrk against URL for SECONDS with CONNECTIONS connections on 2 threads;
# further arguments go to wrk (-H 'Header: value', -s script.lua).
# Prints "requests_per_s p50_ms p99_ms errors" (errors: socket errors + non-2xx).
run_wrk() {
    local url=$1 seconds=$2 connections=${3:-64}
    shift 3 2>/dev/null || shift $#
    local out
    if ! out=$(timeout $((seconds + 15)) wrk -t2 -c"$connections" -d"${seconds}s" --timeout 2s --latency "$@" "$url" 2>&1); then
        echo "bench: wrk failed against $url: $out" >&2
        return 1
    fi
    awk '
        function ms(v) {
            if (v ~ /us$/) return substr(v, 1, length(v) - 2) / 1000
            if (v ~ /ms$/) return substr(v, 1, length(v) - 2) + 0
            if (v ~ /s$/)  return substr(v, 1, length(v) - 1) * 1000
            return v + 0
        }
        $1 == "50%" { p50 = ms($2) }
        $1 == "99%" { p99 = ms($2) }
        $1 == "Requests/sec:" { rps = $2 }
        /Socket errors:/ { gsub(/,/, ""); errors += $4 + $6 + $8 + $10 }
        /Non-2xx or 3xx responses:/ { errors += $5 }
        END { printf "%.0f %.3f %.3f %d\n", rps, p50, p99, errors }
    ' <<<"$out"
}

# Sends one request to Plinth on PORT with a bearer TOKEN and an optional JSON body; prints the
# response body. Fails, showing the body, unless the status is 2xx.
# Usage: plinth_api PORT TOKEN METHOD PATH [JSON]
plinth_api() {
    local port=$1 token=$2 method=$3 path=$4 body=${5:-}
    local args=(-sS --max-time 120 -X "$method" -H "Authorization: Bearer $token" -w '\n%{http_code}')
    [[ -n $body ]] && args+=(-H 'Content-Type: application/json' --data-binary "$body")
    local out status
    out=$(curl "${args[@]}" "http://127.0.0.1:$port$path") || { echo "bench: $method $path failed" >&2; return 1; }
    status=${out##*$'\n'}
    out=${out%$'\n'*}
    if [[ $status != 2?? ]]; then
        echo "bench: $method $path answered $status: $out" >&2
        return 1
    fi
    printf '%s\n' "$out"
}

# Makes (once) the Python virtual environment of the Python peers, .build-bench-venv, from
# bench/peers/requirements.txt, and prints its bin folder.
bench_venv() {
    local venv="$ROOT/.build-bench-venv" requirements="$BENCH_DIR/peers/requirements.txt"
    if ! cmp -s "$requirements" "$venv/requirements.txt" 2>/dev/null; then
        say "installing the Python peers into .build-bench-venv (pip)"
        { python3 -m venv "$venv" && "$venv/bin/pip" install -q --disable-pip-version-check -r "$requirements"; } >&2 \
            || { echo "bench: pip install of bench/peers/requirements.txt failed" >&2; return 1; }
        cp "$requirements" "$venv/requirements.txt"
    fi
    echo "$venv/bin"
}

# Starts a private PostgreSQL cluster in $BENCH_TMP/NAME with scripts/pg-test-server (trust auth,
# 127.0.0.1, fsync off); sets PRIVATE_PG_URL to its database plinth_test. The cluster is stopped at
# exit, before its folder goes. Call it in the section's own shell, not in $(…): the cleanup it
# registers would be lost with the subshell.
start_private_pg() {
    local dir="$BENCH_TMP/$1"
    # The server runs as the postgres OS user when we are root: it must reach into BENCH_TMP.
    if [[ $(id -u) -eq 0 ]]; then chmod 711 "$BENCH_TMP"; fi
    at_exit "'$ROOT/scripts/pg-test-server' stop '$dir' >/dev/null 2>&1"
    PRIVATE_PG_URL=$(PLINTH_PG_PORT=$(free_port) "$ROOT/scripts/pg-test-server" "$dir" 2>"$BENCH_TMP/$1-init.log") \
        || { tail -20 "$BENCH_TMP/$1-init.log" >&2; echo "bench: private PostgreSQL did not start" >&2; return 1; }
}

# Arithmetic on decimals: calc "EXPR" prints the result with 2 decimals.
calc() {
    awk "BEGIN { printf \"%.2f\n\", $1 }"
}

# PASS when VALUE >= MIN, else MISS.
at_least() {
    awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 >= t + 0) ? "PASS" : "MISS" }'
}

# PASS when VALUE <= MAX, else MISS.
at_most() {
    awk -v v="$1" -v t="$2" 'BEGIN { print (v + 0 <= t + 0) ? "PASS" : "MISS" }'
}

# Adds one row to the result table: row METRIC PLINTH PEER RATIO TARGET RESULT.
row() {
    printf '| %s | %s | %s | %s | %s | %s |\n' "$@" >>"$BENCH_TABLE"
}

# Adds one line to the details printed under the table.
detail() {
    printf -- '- %s\n' "$*" >>"$BENCH_DETAILS"
}

# Prints a progress line on stderr.
say() {
    printf 'bench: %s\n' "$*" >&2
}
