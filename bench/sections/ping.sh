# Section "ping": GET /server/ping on Plinth against the bare Hummingbird peer.
#
# Targets: ping throughput >= 60% of the peer; cold start <= 500 ms; idle RSS <= 60 MB.
# Sourced by bench/run with lib.sh loaded.

ping_rounds=${BENCH_ROUNDS:-2}
ping_seconds=${BENCH_SECONDS:-8}
ping_warmup=${BENCH_WARMUP:-2}

say "ping: cold start (5 fresh processes each)"
port=$(free_port)
# shellcheck disable=SC2046
plinth_cold=$(cold_start 5 "$port" env $(plinth_env "$port") "$BENCH_BIN/plinth" start)
peer_cold=$(cold_start 5 "$port" env PORT="$port" "$BENCH_BIN/plinth-bench-hello")
read -r plinth_cold_median plinth_cold_samples <<<"$plinth_cold"
read -r peer_cold_median peer_cold_samples <<<"$peer_cold"
detail "cold start samples (ms): plinth ${plinth_cold_samples// /, }; peer ${peer_cold_samples// /, }"

say "ping: idle RSS"
plinth_port=$(free_port)
start_plinth "$plinth_port"; plinth_pid=$STARTED_PID
peer_port=$(free_port)
start_peer "$peer_port"; peer_pid=$STARTED_PID
wait_ready "$plinth_port"
wait_ready "$peer_port"
sleep 1
plinth_idle_rss=$(rss_mb "$plinth_pid")
peer_idle_rss=$(rss_mb "$peer_pid")

say "ping: wrk warm-up ${ping_warmup} s each"
run_wrk "http://127.0.0.1:$peer_port/server/ping" "$ping_warmup" >/dev/null
run_wrk "http://127.0.0.1:$plinth_port/server/ping" "$ping_warmup" >/dev/null

# Alternate peer and Plinth so drift in machine load hits both alike.
: >"$BENCH_TMP/ping-plinth.txt"
: >"$BENCH_TMP/ping-peer.txt"
for round in $(seq "$ping_rounds"); do
    for side in peer plinth; do
        [[ $side == peer ]] && port=$peer_port || port=$plinth_port
        say "ping: round $round/$ping_rounds, $side, ${ping_seconds} s"
        result=$(run_wrk "http://127.0.0.1:$port/server/ping" "$ping_seconds")
        read -r rps p50 p99 errors <<<"$result"
        echo "$rps $p50 $p99" >>"$BENCH_TMP/ping-$side.txt"
        detail "round $round $side: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
        if ((errors > 0)); then detail "WARNING: $side had $errors socket errors or non-2xx answers in round $round"; fi
    done
done
plinth_load_rss=$(rss_mb "$plinth_pid")
peer_load_rss=$(rss_mb "$peer_pid")
stop_server "$plinth_pid"
stop_server "$peer_pid"

# Mean of column N (1 req/s, 2 p50, 3 p99) over the rounds of one side.
ping_mean() { awk -v c="$2" -v f="$3" '{ s += $c } END { printf f, s / NR }' "$BENCH_TMP/ping-$1.txt"; }
plinth_rps=$(ping_mean plinth 1 "%.0f") plinth_p50=$(ping_mean plinth 2 "%.3f") plinth_p99=$(ping_mean plinth 3 "%.3f")
peer_rps=$(ping_mean peer 1 "%.0f") peer_p50=$(ping_mean peer 2 "%.3f") peer_p99=$(ping_mean peer 3 "%.3f")

throughput_ratio=$(calc "$plinth_rps / $peer_rps")
row "ping throughput (req/s, wrk -t2 -c64)" "$plinth_rps" "$peer_rps" "$throughput_ratio" "≥ 0.60 × peer" "$(at_least "$plinth_rps" "$(calc "0.60 * $peer_rps")")"
row "ping latency p50 (ms)" "$plinth_p50" "$peer_p50" "$(calc "$plinth_p50 / $peer_p50")" "—" "info"
row "ping latency p99 (ms)" "$plinth_p99" "$peer_p99" "$(calc "$plinth_p99 / $peer_p99")" "—" "info"
row "cold start to first ping (ms, median of 5)" "$plinth_cold_median" "$peer_cold_median" "$(calc "$plinth_cold_median / $peer_cold_median")" "≤ 500 ms" "$(at_most "$plinth_cold_median" 500)"
row "idle RSS after start (MB)" "$plinth_idle_rss" "$peer_idle_rss" "$(calc "$plinth_idle_rss / $peer_idle_rss")" "≤ 60 MB" "$(at_most "$plinth_idle_rss" 60)"
row "RSS after ping load (MB)" "$plinth_load_rss" "$peer_load_rss" "$(calc "$plinth_load_rss / $peer_load_rss")" "—" "info"
