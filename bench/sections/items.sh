# Section "items": reads of GET /items/articles over a 100,000-row SQLite table, Plinth against
# Datasette serving the same file; resident memory under that load; SQL statements per read.
#
# Targets: list of 100 ≥ 20× Datasette and ≥ 20% of Plinth's /server/ping; by primary key ≥ 50%
# of /server/ping; RSS under load ≤ 150 MB; statements per read independent of the row count.
# Sourced by bench/run with lib.sh loaded.

# shellcheck source=bench/items-data.sh
source "$BENCH_DIR/items-data.sh"

items_rounds=${BENCH_ROUNDS:-2}
items_seconds=${BENCH_SECONDS:-8}
items_warmup=${BENCH_WARMUP:-2}
items_rows=${BENCH_ITEMS_ROWS:-100000}
items_pk=$((items_rows / 2))
items_tree="fields=*,author.*,tags.tags_id.*,comments.*"

items_dir="$BENCH_TMP/items"
mkdir -p "$items_dir"
items_db="$items_dir/bench.db"
items_bin=$(bench_venv)

say "items: building articles through the API, then $items_rows rows with sqlite3"
items_port=$(free_port)
# shellcheck disable=SC2046
start_plinth "$items_port" DB_CLIENT=sqlite3 DB_FILENAME="$items_db" $(items_admin_env); items_pid=$STARTED_PID
wait_ready "$items_port"
items_create_articles "$items_port"
items_fill_sqlite "$items_db" "$items_rows"

say "items: starting Datasette on the same file"
datasette_port=$(free_port)
start_server datasette "$items_bin/datasette" serve --immutable "$items_db" -h 127.0.0.1 -p "$datasette_port"
datasette_pid=$STARTED_PID
wait_ready "$datasette_port" /-/versions.json

# Datasette's table JSON for the same 100 rows and columns: a bare array of objects, ordered by
# the primary key, without the count(*) and facet queries it runs by default (Plinth runs neither).
datasette_list="http://127.0.0.1:$datasette_port/bench/articles.json?_shape=array&_size=100&_nocount=1&_nofacet=1"
datasette_pk="http://127.0.0.1:$datasette_port/bench/articles/$items_pk.json?_shape=array"
plinth_list="http://127.0.0.1:$items_port/items/articles?limit=100"
plinth_pk="http://127.0.0.1:$items_port/items/articles/$items_pk"
plinth_ping="http://127.0.0.1:$items_port/server/ping"
auth_header=(-H "Authorization: Bearer $ITEMS_ADMIN_TOKEN")

curl -fsS "${auth_header[@]}" "$plinth_list" >"$items_dir/plinth-list.json"
curl -fsS "$datasette_list" >"$items_dir/datasette-list.json"
detail "items list: $(items_same_rows "$items_dir/plinth-list.json" "$items_dir/datasette-list.json")"
curl -fsS "${auth_header[@]}" "$plinth_pk" >"$items_dir/plinth-pk.json"
curl -fsS "$datasette_pk" >"$items_dir/datasette-pk.json"
detail "items by primary key: $(items_same_rows "$items_dir/plinth-pk.json" "$items_dir/datasette-pk.json")"

say "items: wrk warm-up ${items_warmup} s each"
run_wrk "$datasette_list" "$items_warmup" >/dev/null
run_wrk "$plinth_list" "$items_warmup" 64 "${auth_header[@]}" >/dev/null
run_wrk "$plinth_pk" "$items_warmup" 64 "${auth_header[@]}" >/dev/null

# One round: every measurement once, peer and Plinth alternating; results per name in a file.
: >"$items_dir/results.txt"
items_measure() {
    local name=$1 url=$2; shift 2
    say "items: round $round/$items_rounds, $name, ${items_seconds} s"
    local result rps p50 p99 errors
    result=$(run_wrk "$url" "$items_seconds" 64 "$@")
    read -r rps p50 p99 errors <<<"$result"
    echo "$name $rps $p50 $p99" >>"$items_dir/results.txt"
    detail "round $round $name: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $errors"
    if ((errors > 0)); then detail "WARNING: $name had $errors socket errors or non-2xx answers in round $round"; fi
}
for round in $(seq "$items_rounds"); do
    items_measure datasette-list "$datasette_list"
    items_measure plinth-list "$plinth_list" "${auth_header[@]}"
    items_measure datasette-pk "$datasette_pk"
    items_measure plinth-pk "$plinth_pk" "${auth_header[@]}"
    items_measure plinth-ping "$plinth_ping"
done
items_peak_rss=$(peak_rss_mb "$items_pid")
items_rss=$(rss_mb "$items_pid")
datasette_rss=$(rss_mb "$datasette_pid")
stop_server "$datasette_pid"

# Mean req/s (column 2) or latency (3 p50, 4 p99) of one measurement over the rounds.
items_mean() { awk -v n="$1" -v c="${2:-2}" '$1 == n { s += $c; k++ } END { printf "%.0f", s / k }' "$items_dir/results.txt"; }
list_rps=$(items_mean plinth-list) datasette_list_rps=$(items_mean datasette-list)
pk_rps=$(items_mean plinth-pk) datasette_pk_rps=$(items_mean datasette-pk)
ping_rps=$(items_mean plinth-ping)

row "list of 100 of ${items_rows} (req/s, SQLite)" "$list_rps" "$datasette_list_rps" "$(calc "$list_rps / $datasette_list_rps")" "≥ 20 × Datasette" "$(at_least "$list_rps" "$(calc "20 * $datasette_list_rps")")"
row "list of 100 / Plinth's own ping (SQLite)" "$(calc "$list_rps / $ping_rps")" "—" "—" "≥ 0.20 × ping ($ping_rps req/s)" "$(at_least "$list_rps" "$(calc "0.20 * $ping_rps")")"
row "item by primary key (req/s, SQLite)" "$pk_rps" "$datasette_pk_rps" "$(calc "$pk_rps / $datasette_pk_rps")" "—" "info"
row "item by primary key / Plinth's own ping (SQLite)" "$(calc "$pk_rps / $ping_rps")" "—" "—" "≥ 0.50 × ping" "$(at_least "$pk_rps" "$(calc "0.50 * $ping_rps")")"
row "peak RSS under items load (MB, SQLite)" "$items_peak_rss" "$datasette_rss" "$(calc "$items_peak_rss / $datasette_rss")" "≤ 150 MB" "$(at_most "$items_peak_rss" 150)"
detail "items RSS: Plinth VmHWM $items_peak_rss MB, VmRSS after load $items_rss MB; Datasette VmRSS after load $datasette_rss MB (one process)"

say "items: adding tags (M2M) and comments (O2M) through the API, two of each per article"
items_add_relations "$items_port"
items_fill_relations_sqlite "$items_db"
tree_url="http://127.0.0.1:$items_port/items/articles?limit=100&$items_tree"
curl -fsS "${auth_header[@]}" "$tree_url" >"$items_dir/plinth-tree.json"
run_wrk "$tree_url" "$items_warmup" 64 "${auth_header[@]}" >/dev/null
round=1
items_measure plinth-tree "$tree_url" "${auth_header[@]}"
tree_rps=$(items_mean plinth-tree)
row "list of 100 with $items_tree (req/s, SQLite)" "$tree_rps" "—" "—" "—" "info"
stop_server "$items_pid"

say "items: counting SQL statements per read (SQLITE_TRACE)"
items_trace="$items_dir/trace.sql"
trace_port=$(free_port)
# shellcheck disable=SC2046
start_plinth "$trace_port" DB_CLIENT=sqlite3 DB_FILENAME="$items_db" SQLITE_TRACE="$items_trace" $(items_admin_env); trace_pid=$STARTED_PID
wait_ready "$trace_port"
# Statements SQLite ran for one GET of PATH (after the same GET once, so caches are warm); the
# statements themselves go to the details.
items_statements() {
    local path=$1 before after
    curl -fsS -o /dev/null "${auth_header[@]}" "http://127.0.0.1:$trace_port$path"
    before=$(wc -l <"$items_trace")
    curl -fsS -o "$items_dir/trace-body.json" "${auth_header[@]}" "http://127.0.0.1:$trace_port$path"
    after=$(wc -l <"$items_trace")
    echo $((after - before))
    tail -n $((after - before)) "$items_trace" | cut -c1-300 | awk -v p="$path" '{ print "`" p "`: " $0 }' >>"$items_dir/statements.txt"
}
: >"$items_dir/statements.txt"
list_statements=$(items_statements "/items/articles?limit=100")
pk_statements=$(items_statements "/items/articles/$items_pk")
tree10_statements=$(items_statements "/items/articles?limit=10&$items_tree")
tree100_statements=$(items_statements "/items/articles?limit=100&$items_tree")
stop_server "$trace_pid"
tree_rows=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["data"]; print(len(d), sum(len(r["tags"]) for r in d), sum(len(r["comments"]) for r in d))' "$items_dir/trace-body.json")
row "SQL statements: list of 100 / by primary key, fields=* with the relations (SQLite)" "$list_statements / $pk_statements" "—" "—" "—" "info"
# Levels of the tree: articles, authors, articles_tags, tags, comments.
independent=$( ((tree10_statements == tree100_statements && tree100_statements <= 5)) && echo PASS || echo MISS)
row "SQL statements: $items_tree, 10 → 100 rows (SQLite)" "$tree10_statements → $tree100_statements" "—" "—" "same for 10 and 100 rows; ≤ 5 (1 per level)" "$independent"
detail "statement trace (SQLITE_TRACE, every statement SQLite ran for the request; rows, tags, comments in the 100-row tree: $tree_rows):"
while IFS= read -r line; do detail "$line"; done <"$items_dir/statements.txt"
