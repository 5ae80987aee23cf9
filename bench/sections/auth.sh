# Section "auth": the cost of permissions on a read, and whether a login storm (argon2 plus
# LOGIN_STALL_TIME) holds up other requests. Plinth only: the comparison is with itself.
#
# Targets: a read under a role with an item rule and a field allow-list ≥ 85% of the same read as
# admin; /server/ping p99 under a concurrent login storm ≤ 2× its idle p99.
# Sourced by bench/run with lib.sh loaded.

# shellcheck source=bench/items-data.sh
source "$BENCH_DIR/items-data.sh"

auth_rounds=${BENCH_ROUNDS:-2}
auth_seconds=${BENCH_SECONDS:-8}
auth_warmup=${BENCH_WARMUP:-2}
auth_rows=${BENCH_AUTH_ROWS:-10000}
auth_storm_connections=${BENCH_LOGIN_CONNECTIONS:-32}
auth_dir="$BENCH_TMP/auth"
mkdir -p "$auth_dir"
reader_email=reader@example.com
reader_password=bench-reader-password
reader_token=bench-reader-token
reader_fields=id,title,status,views,published_at

say "auth: building articles ($auth_rows rows) and a reader role through the API"
auth_port=$(free_port)
# shellcheck disable=SC2046
start_plinth "$auth_port" DB_CLIENT=sqlite3 DB_FILENAME="$auth_dir/auth.db" LOGIN_STALL_TIME=500 $(items_admin_env)
auth_pid=$STARTED_PID
wait_ready "$auth_port"
items_create_articles "$auth_port"
items_fill_sqlite "$auth_dir/auth.db" "$auth_rows"
json_id() { python3 -c 'import json, sys; print(json.load(sys.stdin)["data"]["id"])'; }
policy_id=$(items_api "$auth_port" POST /policies '{"name":"Bench reader","icon":"badge","admin_access":false,"app_access":false}' | json_id)
role_id=$(items_api "$auth_port" POST /roles '{"name":"Bench reader","icon":"group"}' | json_id)
items_api "$auth_port" POST /access "{\"role\":\"$role_id\",\"policy\":\"$policy_id\"}" >/dev/null
items_api "$auth_port" POST /permissions "{\"policy\":\"$policy_id\",\"collection\":\"articles\",\"action\":\"read\",
    \"permissions\":{\"status\":{\"_eq\":\"published\"}},\"fields\":[\"${reader_fields//,/\",\"}\"]}" >/dev/null
items_api "$auth_port" POST /users "{\"email\":\"$reader_email\",\"password\":\"$reader_password\",\"role\":\"$role_id\",\"token\":\"$reader_token\",\"status\":\"active\"}" >/dev/null

# The same read twice: as the reader, whose permission adds the rule and narrows the fields, and
# as admin asking for exactly that rule and those fields, so both answers are byte for byte equal.
reader_url="http://127.0.0.1:$auth_port/items/articles?limit=100"
admin_url="http://127.0.0.1:$auth_port/items/articles?limit=100&fields=$reader_fields&filter%5Bstatus%5D%5B_eq%5D=published"
ping_url="http://127.0.0.1:$auth_port/server/ping"
# A published article (every third one is a draft), so the reader may read it.
auth_pk=$((auth_rows / 2)); ((auth_pk % 3 != 0)) || auth_pk=$((auth_pk + 1))
pk_url="http://127.0.0.1:$auth_port/items/articles/$auth_pk"
reader_header=(-H "Authorization: Bearer $reader_token")
admin_header=(-H "Authorization: Bearer $ITEMS_ADMIN_TOKEN")
curl -fsS "${reader_header[@]}" "$reader_url" >"$auth_dir/reader.json"
curl -fsS "${admin_header[@]}" "$admin_url" >"$auth_dir/admin.json"
if cmp -s "$auth_dir/reader.json" "$auth_dir/admin.json"; then
    detail "auth: the reader's and the admin's answers are identical ($(wc -c <"$auth_dir/reader.json") bytes, $(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["data"]))' "$auth_dir/reader.json") rows)"
else
    detail "WARNING: auth: the reader's and the admin's answers differ: $(head -c 200 "$auth_dir/reader.json") … against $(head -c 200 "$auth_dir/admin.json") …"
fi

say "auth: wrk warm-up ${auth_warmup} s each"
run_wrk "$admin_url" "$auth_warmup" 64 "${admin_header[@]}" >/dev/null
run_wrk "$reader_url" "$auth_warmup" 64 "${reader_header[@]}" >/dev/null

: >"$auth_dir/results.txt"
auth_record() {
    local name=$1 result=$2 rps p50 p99 errors
    read -r rps p50 p99 errors <<<"$result"
    echo "$name $rps $p50 $p99 $errors" >>"$auth_dir/results.txt"
    detail "round $round $name: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
    if ((errors > 0)); then detail "WARNING: $name had $errors socket errors or non-2xx answers in round $round"; fi
}
for round in $(seq "$auth_rounds"); do
    say "auth: round $round/$auth_rounds, admin and reader reads, ${auth_seconds} s each"
    auth_record admin-read "$(run_wrk "$admin_url" "$auth_seconds" 64 "${admin_header[@]}")"
    auth_record reader-read "$(run_wrk "$reader_url" "$auth_seconds" 64 "${reader_header[@]}")"
done

# Latency probes. Ping: wrk with one thread and 4 connections — a steady trickle, so p99 shows
# waiting on the server rather than wrk's own queue. Item: sequential GETs (Python, 60 s timeout
# each), since under the storm one read can take longer than a wrk round.
probe() { run_wrk "$1" "$auth_seconds" 4 -t1 "${@:2}"; }
item_probe() {
    python3 - "$pk_url" "$reader_token" "$auth_seconds" <<'PY'
import sys, time, urllib.request
url, token, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
times, errors, end = [], 0, time.monotonic() + seconds
while time.monotonic() < end:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Authorization": "Bearer " + token}), timeout=60) as answer:
            answer.read()
    except Exception:
        errors += 1
    times.append((time.monotonic() - started) * 1000)
times.sort()
pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
print(f"{len(times) / seconds:.0f} {pick(0.5):.3f} {pick(0.99):.3f} {errors}")
PY
}
# Waits (at most 60 s) until the requests a storm left queued are done: an item read answers in
# under 50 ms again.
drain() {
    python3 - "$pk_url" "$reader_token" <<'PY'
import sys, time, urllib.request
end = time.monotonic() + 60
while time.monotonic() < end:
    started = time.monotonic()
    urllib.request.urlopen(urllib.request.Request(sys.argv[1], headers={"Authorization": "Bearer " + sys.argv[2]}), timeout=60).read()
    if time.monotonic() - started < 0.05:
        break
    time.sleep(0.2)
PY
}
sessions() { sqlite3 "$auth_dir/auth.db" ".timeout 10000" "SELECT count(*) FROM directus_sessions"; }
: >"$auth_dir/logins.txt"
for round in $(seq "$auth_rounds"); do
    say "auth: round $round/$auth_rounds, ping and item probes idle, ${auth_seconds} s each"
    auth_record ping-idle "$(probe "$ping_url")"
    auth_record item-idle "$(item_probe)"
    for probe_name in ping item; do
        say "auth: round $round/$auth_rounds, $probe_name probe under a login storm of $auth_storm_connections connections"
        storm_out="$auth_dir/storm-$round-$probe_name.txt"
        sessions_before=$(sessions)
        storm_started=$(date +%s.%N)
        # The storm starts a second before the probe and ends a second after it.
        BENCH_LOGIN_EMAIL=$reader_email BENCH_LOGIN_PASSWORD=$reader_password \
            run_wrk "http://127.0.0.1:$auth_port/auth/login" $((auth_seconds + 2)) "$auth_storm_connections" \
            -s "$BENCH_DIR/lua/login.lua" --timeout 30s >"$storm_out" &
        storm_pid=$!
        sleep 1
        if [[ $probe_name == ping ]]; then
            auth_record ping-storm "$(probe "$ping_url")"
        else
            auth_record item-storm "$(item_probe)"
        fi
        wait "$storm_pid"
        auth_record "login-$probe_name" "$(cat "$storm_out")"
        # Logins the server completed (sessions created) per second, until what the storm queued is done.
        drain
        logins=$(($(sessions) - sessions_before))
        elapsed=$(calc "$(date +%s.%N) - $storm_started")
        echo "$logins $elapsed" >>"$auth_dir/logins.txt"
        detail "round $round storm during the $probe_name probe: $logins logins completed in $elapsed s (until the queue drained)"
    done
done
auth_rss=$(peak_rss_mb "$auth_pid")
stop_server "$auth_pid"

auth_mean() { awk -v n="$1" -v c="$2" '$1 == n { s += $c; k++ } END { printf "%.3f", s / k }' "$auth_dir/results.txt"; }
admin_rps=$(auth_mean admin-read 2) reader_rps=$(auth_mean reader-read 2)
ping_idle_p99=$(auth_mean ping-idle 4) ping_storm_p99=$(auth_mean ping-storm 4)
item_idle_p99=$(auth_mean item-idle 4) item_storm_p99=$(auth_mean item-storm 4)
login_rps=$(awk '{ n += $1; t += $2 } END { printf "%.1f", n / t }' "$auth_dir/logins.txt")
login_p50=$(auth_mean login-ping 3)
row "read of 100 under a role with a rule and a field list (req/s)" "$(calc "$reader_rps")" "$(calc "$admin_rps") (admin)" "$(calc "$reader_rps / $admin_rps")" "≥ 0.85 × admin" "$(at_least "$reader_rps" "$(calc "0.85 * $admin_rps")")"
row "ping p99 under a login storm (ms)" "$ping_storm_p99" "$ping_idle_p99 (idle)" "$(calc "$ping_storm_p99 / $ping_idle_p99")" "≤ 2 × idle" "$(at_most "$ping_storm_p99" "$(calc "2 * $ping_idle_p99")")"
row "item by primary key p99 under a login storm (ms)" "$item_storm_p99" "$item_idle_p99 (idle)" "$(calc "$item_storm_p99 / $item_idle_p99")" "—" "info"
row "peak RSS over the section, login storms included (MB)" "$auth_rss" "—" "—" "—" "info"
row "logins/s in the storm (LOGIN_STALL_TIME=500ms; login p50 ms)" "$login_rps ($login_p50 ms)" "—" "—" "—" "info"
detail "auth: login storm = wrk -t2 -c$auth_storm_connections POST /auth/login (bench/lua/login.lua) as $reader_email; ping probe = wrk -t1 -c4; item probe = sequential GETs; peak RSS of Plinth over the section $auth_rss MB"
