# Section "items-pg": the items reads on PostgreSQL, Plinth (DB_CLIENT=pg) against piccolo-api
# (bench/peers/piccolo) serving the same 100,000-row table; SQL statements per read counted with
# PostgreSQL's own log_statement.
#
# Targets: as section items — list of 100 ≥ 20× the Python peer and ≥ 20% of Plinth's
# /server/ping, by primary key ≥ 50% of /server/ping; statements per read independent of rows.
# Sourced by bench/run with lib.sh loaded. Runs its own PostgreSQL cluster (scripts/pg-test-server).

# shellcheck source=bench/items-data.sh
source "$BENCH_DIR/items-data.sh"

pg_rounds=${BENCH_ROUNDS:-2}
pg_seconds=${BENCH_SECONDS:-8}
pg_warmup=${BENCH_WARMUP:-2}
pg_rows=${BENCH_ITEMS_ROWS:-100000}
pg_pk=$((pg_rows / 2))
pg_tree="fields=*,author.*,tags.tags_id.*,comments.*"
pg_dir="$BENCH_TMP/items-pg"
mkdir -p "$pg_dir"
pg_venv=$(bench_venv)

say "items-pg: starting a private PostgreSQL cluster"
start_private_pg items-pg-cluster
pg_url=$PRIVATE_PG_URL
pg_log="$BENCH_TMP/items-pg-cluster/server.log"

say "items-pg: building articles through the API, then $pg_rows rows with psql"
pg_port=$(free_port)
# shellcheck disable=SC2046
start_plinth "$pg_port" DB_CLIENT=pg DB_CONNECTION_STRING="$pg_url" $(items_admin_env); pg_pid=$STARTED_PID
wait_ready "$pg_port"
items_create_articles "$pg_port"
items_fill_pg "$pg_url" "$pg_rows"

say "items-pg: starting piccolo-api on the same table"
peer_workers=$(nproc)
piccolo_port=$(free_port)
start_server piccolo env PEER_DATABASE_URL="$pg_url" "$pg_venv/uvicorn" app:app --app-dir "$BENCH_DIR/peers/piccolo" \
    --host 127.0.0.1 --port "$piccolo_port" --workers "$peer_workers" --no-access-log --log-level warning
piccolo_pid=$STARTED_PID
wait_ready "$piccolo_port" /articles/schema/

# piccolo-api orders by the primary key descending unless told; __order=id gives the same 100 rows.
piccolo_list="http://127.0.0.1:$piccolo_port/articles/?__order=id&__page_size=100"
piccolo_pk="http://127.0.0.1:$piccolo_port/articles/$pg_pk/"
plinth_list="http://127.0.0.1:$pg_port/items/articles?limit=100"
plinth_pk="http://127.0.0.1:$pg_port/items/articles/$pg_pk"
plinth_ping="http://127.0.0.1:$pg_port/server/ping"
auth_header=(-H "Authorization: Bearer $ITEMS_ADMIN_TOKEN")

curl -fsS "${auth_header[@]}" "$plinth_list" >"$pg_dir/plinth-list.json"
curl -fsS "$piccolo_list" >"$pg_dir/piccolo-list.json"
detail "items-pg list: $(items_same_rows "$pg_dir/plinth-list.json" "$pg_dir/piccolo-list.json")"
curl -fsS "${auth_header[@]}" "$plinth_pk" >"$pg_dir/plinth-pk.json"
curl -fsS "$piccolo_pk" >"$pg_dir/piccolo-pk.json"
detail "items-pg by primary key: $(items_same_rows "$pg_dir/plinth-pk.json" "$pg_dir/piccolo-pk.json")"

say "items-pg: wrk warm-up ${pg_warmup} s each"
run_wrk "$piccolo_list" "$pg_warmup" >/dev/null
run_wrk "$plinth_list" "$pg_warmup" 64 "${auth_header[@]}" >/dev/null

# The one statement Plinth runs for GET PATH, with its parameters as literals, from PostgreSQL's own
# log (log_statement must be on), as a pgbench script.
pg_statement_script() {
    local path=$1 before
    before=$(wc -l <"$pg_log")
    curl -fsS -o /dev/null "${auth_header[@]}" "http://127.0.0.1:$pg_port$path"
    sleep 0.2
    tail -n +$((before + 1)) "$pg_log" | python3 "$BENCH_DIR/pg_statement.py"
}

# PostgreSQL alone: pgbench replays the statement of each read (prepared, 2 clients on the same
# cores), without HTTP or any server in front: the ceiling the database sets on this machine.
pgbench_bin=/usr/lib/postgresql/15/bin/pgbench
if [[ -x "$pgbench_bin" ]]; then
    say "items-pg: PostgreSQL alone, the same statements through pgbench"
    psql "$pg_url" -X -q -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
    sleep 0.5
    pg_statement_script "/items/articles?limit=100" >"$pg_dir/pgbench-list.sql"
    pg_statement_script "/items/articles/$pg_pk" >"$pg_dir/pgbench-pk.sql"
    psql "$pg_url" -X -q -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
    pgbench_tps() {
        "$pgbench_bin" -n -M prepared -c 2 -j 2 -T "$pg_seconds" -f "$1" "$pg_url" 2>"$pg_dir/pgbench.err" \
            | awk '/^tps/ { printf "%.0f", $3 }'
    }
    pgbench_list=$(pgbench_tps "$pg_dir/pgbench-list.sql")
    pgbench_pk=$(pgbench_tps "$pg_dir/pgbench-pk.sql")
    detail "items-pg PostgreSQL alone (pgbench -M prepared -c 2 -j 2, ${pg_seconds} s): list statement $pgbench_list/s, by-key statement $pgbench_pk/s: $(cut -c1-200 "$pg_dir/pgbench-list.sql")"
else
    detail "items-pg PostgreSQL alone: skipped, no $pgbench_bin"
fi

: >"$pg_dir/results.txt"
pg_measure() {
    local name=$1 url=$2; shift 2
    say "items-pg: round $round/$pg_rounds, $name, ${pg_seconds} s"
    local result rps p50 p99 errors
    result=$(run_wrk "$url" "$pg_seconds" 64 "$@")
    read -r rps p50 p99 errors <<<"$result"
    echo "$name $rps $p50 $p99" >>"$pg_dir/results.txt"
    detail "round $round $name: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
    if ((errors > 0)); then detail "WARNING: $name had $errors socket errors or non-2xx answers in round $round"; fi
}
for round in $(seq "$pg_rounds"); do
    pg_measure piccolo-list "$piccolo_list"
    pg_measure plinth-list "$plinth_list" "${auth_header[@]}"
    pg_measure piccolo-pk "$piccolo_pk"
    pg_measure plinth-pk "$plinth_pk" "${auth_header[@]}"
    pg_measure plinth-ping "$plinth_ping"
done
pg_peak_rss=$(peak_rss_mb "$pg_pid")
stop_server "$piccolo_pid"

pg_mean() { awk -v n="$1" '$1 == n { s += $2; k++ } END { printf "%.0f", s / k }' "$pg_dir/results.txt"; }
list_rps=$(pg_mean plinth-list) piccolo_list_rps=$(pg_mean piccolo-list)
pk_rps=$(pg_mean plinth-pk) piccolo_pk_rps=$(pg_mean piccolo-pk)
ping_rps=$(pg_mean plinth-ping)
row "list of 100 of ${pg_rows} (req/s, PostgreSQL)" "$list_rps" "$piccolo_list_rps" "$(calc "$list_rps / $piccolo_list_rps")" "≥ 20 × piccolo-api" "$(at_least "$list_rps" "$(calc "20 * $piccolo_list_rps")")"
row "list of 100 / Plinth's own ping (PostgreSQL)" "$(calc "$list_rps / $ping_rps")" "—" "—" "≥ 0.20 × ping ($ping_rps req/s)" "$(at_least "$list_rps" "$(calc "0.20 * $ping_rps")")"
row "item by primary key (req/s, PostgreSQL)" "$pk_rps" "$piccolo_pk_rps" "$(calc "$pk_rps / $piccolo_pk_rps")" "—" "info"
row "item by primary key / Plinth's own ping (PostgreSQL)" "$(calc "$pk_rps / $ping_rps")" "—" "—" "≥ 0.50 × ping" "$(at_least "$pk_rps" "$(calc "0.50 * $ping_rps")")"
if [[ -n "${pgbench_list:-}" && -n "${pgbench_pk:-}" ]]; then
    row "list of 100 / the list statement alone in pgbench (PostgreSQL)" "$list_rps" "$pgbench_list" "$(calc "$list_rps / $pgbench_list")" "—" "info"
    row "item by primary key / its statement alone in pgbench (PostgreSQL)" "$pk_rps" "$pgbench_pk" "$(calc "$pk_rps / $pgbench_pk")" "—" "info"
fi
row "peak RSS under items load (MB, PostgreSQL)" "$pg_peak_rss" "—" "—" "≤ 150 MB" "$(at_most "$pg_peak_rss" 150)"
detail "items-pg peer: piccolo-api $(grep -o '^piccolo_api==.*' "$BENCH_DIR/peers/requirements.txt") on uvicorn with $peer_workers workers (uvloop, httptools), asyncpg pool of 8 per worker"

say "items-pg: adding tags (M2M) and comments (O2M) through the API, two of each per article"
items_add_relations "$pg_port"
items_fill_relations_pg "$pg_url"
tree_url="http://127.0.0.1:$pg_port/items/articles?limit=100&$pg_tree"
run_wrk "$tree_url" "$pg_warmup" 64 "${auth_header[@]}" >/dev/null
round=1
pg_measure plinth-tree "$tree_url" "${auth_header[@]}"
row "list of 100 with $pg_tree (req/s, PostgreSQL)" "$(pg_mean plinth-tree)" "—" "—" "—" "info"

say "items-pg: counting SQL statements per read (log_statement = all)"
psql "$pg_url" -X -q -c "ALTER SYSTEM SET log_statement = 'all'" -c "SELECT pg_reload_conf()" >/dev/null
sleep 0.5
# Statements PostgreSQL logged for one GET of PATH (after the same GET once, so caches are warm).
pg_statements() {
    local path=$1 before after
    curl -fsS -o /dev/null "${auth_header[@]}" "http://127.0.0.1:$pg_port$path"
    sleep 0.2
    before=$(wc -l <"$pg_log")
    curl -fsS -o "$pg_dir/trace-body.json" "${auth_header[@]}" "http://127.0.0.1:$pg_port$path"
    sleep 0.2
    after=$(wc -l <"$pg_log")
    tail -n $((after - before)) "$pg_log" | grep -E 'LOG:  (statement|execute [^:]*):' | sed -E 's/.*LOG:  //' | cut -c1-300 >"$pg_dir/one.txt" || true
    wc -l <"$pg_dir/one.txt"
    awk -v p="$path" '{ print "`" p "`: " $0 }' "$pg_dir/one.txt" >>"$pg_dir/statements.txt"
}
: >"$pg_dir/statements.txt"
list_statements=$(pg_statements "/items/articles?limit=100")
pk_statements=$(pg_statements "/items/articles/$pg_pk")
tree10_statements=$(pg_statements "/items/articles?limit=10&$pg_tree")
tree100_statements=$(pg_statements "/items/articles?limit=100&$pg_tree")
psql "$pg_url" -X -q -c "ALTER SYSTEM RESET log_statement" -c "SELECT pg_reload_conf()" >/dev/null
stop_server "$pg_pid"
row "SQL statements: list of 100 / by primary key, fields=* with the relations (PostgreSQL)" "$list_statements / $pk_statements" "—" "—" "—" "info"
# Levels of the tree: articles, authors, articles_tags, tags, comments.
independent=$( ((tree10_statements == tree100_statements && tree100_statements <= 5)) && echo PASS || echo MISS)
row "SQL statements: $pg_tree, 10 → 100 rows (PostgreSQL)" "$tree10_statements → $tree100_statements" "—" "—" "same for 10 and 100 rows; ≤ 5 (1 per level)" "$independent"
detail "statement log (log_statement = all, every statement PostgreSQL ran for the request):"
while IFS= read -r line; do detail "$line"; done <"$pg_dir/statements.txt"
