# The data of the items and auth sections: an `articles` collection built through Plinth's own
# API (/collections, /fields, /relations, /items), its bulk rows written with the database's own
# client into the table Plinth created, and the relational tree (authors M2O, tags M2M through
# articles_tags, comments O2M). Sourced by bench/sections/{items,items-pg,auth}.sh after lib.sh.

ITEMS_ADMIN_EMAIL=admin@example.com
ITEMS_ADMIN_PASSWORD=bench-admin-password
ITEMS_ADMIN_TOKEN=bench-admin-token
# The columns of articles, in table order: what a peer must serve to be equivalent.
ITEMS_COLUMNS=id,title,status,body,views,published_at,author
ITEMS_BODY="Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation."

# VAR=VALUE settings that give a bench Plinth a known admin with a static token.
items_admin_env() {
    echo "ADMIN_EMAIL=$ITEMS_ADMIN_EMAIL ADMIN_PASSWORD=$ITEMS_ADMIN_PASSWORD ADMIN_TOKEN=$ITEMS_ADMIN_TOKEN"
}

# Sends one admin request to Plinth on PORT. Usage: items_api PORT METHOD PATH [JSON]
items_api() {
    plinth_api "$1" "$ITEMS_ADMIN_TOKEN" "${@:2}"
}

# Creates `authors` (50 rows, written through the API) and `articles` with an M2O `author`
# (indexed), and
# writes one article through the API (the bulk rows follow it, see items_fill_*).
items_create_articles() {
    local port=$1
    items_api "$port" POST /collections '{"collection":"authors","meta":{"icon":"person"},"schema":{},"fields":[
        {"field":"id","type":"integer","meta":{"hidden":true,"readonly":true},"schema":{"is_primary_key":true,"has_auto_increment":true}},
        {"field":"name","type":"string","meta":{"interface":"input"},"schema":{}},
        {"field":"email","type":"string","meta":{"interface":"input"},"schema":{}}]}' >/dev/null
    items_api "$port" POST /collections '{"collection":"articles","meta":{"icon":"article"},"schema":{},"fields":[
        {"field":"id","type":"integer","meta":{"hidden":true,"readonly":true},"schema":{"is_primary_key":true,"has_auto_increment":true}},
        {"field":"title","type":"string","meta":{"interface":"input"},"schema":{}},
        {"field":"status","type":"string","meta":{"interface":"select-dropdown"},"schema":{"default_value":"draft"}},
        {"field":"body","type":"text","meta":{"interface":"input-multiline"},"schema":{}},
        {"field":"views","type":"integer","meta":{"interface":"input"},"schema":{"default_value":0}},
        {"field":"published_at","type":"dateTime","meta":{"interface":"datetime"},"schema":{}}]}' >/dev/null
    items_api "$port" POST /fields/articles '{"field":"author","type":"integer","meta":{"interface":"select-dropdown-m2o","special":["m2o"]},"schema":{"is_indexed":true}}' >/dev/null
    items_api "$port" POST /relations '{"collection":"articles","field":"author","related_collection":"authors","meta":{"one_field":null},"schema":{"on_delete":"SET NULL"}}' >/dev/null
    local authors
    authors=$(python3 -c 'import json; print(json.dumps([{"name": f"Author {i}", "email": f"author{i}@example.com"} for i in range(1, 51)]))')
    items_api "$port" POST /items/authors "$authors" >/dev/null
    items_api "$port" POST /items/articles "{\"title\":\"Article 1\",\"status\":\"published\",\"body\":\"$ITEMS_BODY 1\",\"views\":7919,\"published_at\":\"2024-01-01T00:01:00\",\"author\":2}" >/dev/null
}

# Adds tags (20 rows, through the API) joined to articles through articles_tags (M2M alias
# articles.tags) and comments with an M2O `article` (O2M alias articles.comments). The foreign key
# columns are indexed (`is_indexed`), as a user who reads relations sets them: Plinth does not
# index them by itself, and without the index every related list scans its whole table.
items_add_relations() {
    local port=$1
    items_api "$port" POST /collections '{"collection":"tags","meta":{},"schema":{},"fields":[
        {"field":"id","type":"integer","meta":{"hidden":true},"schema":{"is_primary_key":true,"has_auto_increment":true}},
        {"field":"name","type":"string","meta":{},"schema":{}}]}' >/dev/null
    items_api "$port" POST /collections '{"collection":"articles_tags","meta":{"hidden":true},"schema":{},"fields":[
        {"field":"id","type":"integer","meta":{"hidden":true},"schema":{"is_primary_key":true,"has_auto_increment":true}},
        {"field":"articles_id","type":"integer","meta":{"hidden":true},"schema":{"is_indexed":true}},
        {"field":"tags_id","type":"integer","meta":{"hidden":true},"schema":{"is_indexed":true}}]}' >/dev/null
    items_api "$port" POST /fields/articles '{"field":"tags","type":"alias","meta":{"interface":"list-m2m","special":["m2m"]}}' >/dev/null
    items_api "$port" POST /relations '{"collection":"articles_tags","field":"articles_id","related_collection":"articles","meta":{"one_field":"tags","junction_field":"tags_id"},"schema":{"on_delete":"CASCADE"}}' >/dev/null
    items_api "$port" POST /relations '{"collection":"articles_tags","field":"tags_id","related_collection":"tags","meta":{"junction_field":"articles_id"},"schema":{"on_delete":"CASCADE"}}' >/dev/null
    items_api "$port" POST /collections '{"collection":"comments","meta":{},"schema":{},"fields":[
        {"field":"id","type":"integer","meta":{"hidden":true},"schema":{"is_primary_key":true,"has_auto_increment":true}},
        {"field":"text","type":"text","meta":{},"schema":{}},
        {"field":"article","type":"integer","meta":{"special":["m2o"]},"schema":{"is_indexed":true}}]}' >/dev/null
    items_api "$port" POST /fields/articles '{"field":"comments","type":"alias","meta":{"interface":"list-o2m","special":["o2m"]}}' >/dev/null
    items_api "$port" POST /relations '{"collection":"comments","field":"article","related_collection":"articles","meta":{"one_field":"comments"},"schema":{"on_delete":"CASCADE"}}' >/dev/null
    local tags
    tags=$(python3 -c 'import json; print(json.dumps([{"name": f"tag-{i}"} for i in range(1, 21)]))')
    items_api "$port" POST /items/tags "$tags" >/dev/null
}

# SQL (SQLite or PostgreSQL) that writes articles after the one written through the API, one per
# i in SERIES, in the same representation: PUBLISHED is the dialect's expression for published_at.
items_rows_sql() {
    local series=$1 published=$2
    cat <<SQL
INSERT INTO articles (title, status, body, views, published_at, author)
SELECT 'Article ' || i, CASE WHEN i % 3 = 0 THEN 'draft' ELSE 'published' END, '$ITEMS_BODY ' || i,
       (i * 7919) % 10000, $published, 1 + i % 50
FROM $series;
SQL
}

# SQL that gives every article two tags and two comments.
items_relations_sql() {
    cat <<SQL
INSERT INTO articles_tags (articles_id, tags_id) SELECT id, 1 + id % 20 FROM articles;
INSERT INTO articles_tags (articles_id, tags_id) SELECT id, 1 + (id + 7) % 20 FROM articles;
INSERT INTO comments (text, article) SELECT 'First comment on ' || id, id FROM articles;
INSERT INTO comments (text, article) SELECT 'Second comment on ' || id, id FROM articles;
SQL
}

# Fills the articles of the SQLite file DB up to ROWS rows, in the representation Plinth wrote row 1 in.
items_fill_sqlite() {
    local db=$1 rows=$2 kind published
    kind=$(sqlite3 "$db" "SELECT typeof(published_at) FROM articles WHERE id = 1")
    case $kind in
        integer) published="(1704067200000 + i * 60000)" ;;
        text) published="strftime('%Y-%m-%dT%H:%M:%S', 1704067200 + i * 60, 'unixepoch')" ;;
        *) echo "bench: unexpected storage of published_at in SQLite: $kind" >&2; return 1 ;;
    esac
    sqlite3 "$db" ".timeout 10000" "$(items_rows_sql "(WITH RECURSIVE n(i) AS (SELECT 2 UNION ALL SELECT i + 1 FROM n WHERE i < $rows) SELECT i FROM n)" "$published")" \
        "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
}

# Gives every article of the SQLite file DB two tags and two comments.
items_fill_relations_sqlite() {
    sqlite3 "$1" ".timeout 10000" "$(items_relations_sql)" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
}

# Fills the articles of the PostgreSQL database at URL up to ROWS rows.
items_fill_pg() {
    local url=$1 rows=$2
    psql "$url" -X -q -v ON_ERROR_STOP=1 \
        -c "$(items_rows_sql "generate_series(2, $rows) AS i" "timestamp '2024-01-01' + i * interval '1 minute'")" \
        -c "ANALYZE" >/dev/null
}

# Gives every article of the PostgreSQL database at URL two tags and two comments.
items_fill_relations_pg() {
    psql "$1" -X -q -v ON_ERROR_STOP=1 -c "$(items_relations_sql)" -c "ANALYZE" >/dev/null
}

# Checks that two JSON lists of rows hold the same rows (by id) with the same keys; prints a summary.
# Usage: items_same_rows PLINTH_JSON_FILE PEER_JSON_FILE   (Plinth's {"data": …} against the peer's
# bare array, {"rows": […]} or bare object). Exits non-zero when they differ.
items_same_rows() {
    python3 - "$1" "$2" <<'PY'
import json, os, sys
def rows(path):
    value = json.load(open(path))
    if isinstance(value, dict):
        value = value.get("data", value.get("rows", value))
    return value if isinstance(value, list) else [value]
plinth, peer = rows(sys.argv[1]), rows(sys.argv[2])
ids = lambda rs: [r.get("id") for r in rs]
keys = lambda rs: sorted({k for r in rs for k in r})
if ids(plinth) != ids(peer) or keys(plinth) != keys(peer):
    print(f"DIFFERENT rows: plinth {len(plinth)} rows ids {ids(plinth)[:3]}… keys {keys(plinth)}; "
          f"peer {len(peer)} rows ids {ids(peer)[:3]}… keys {keys(peer)}")
    sys.exit(1)
print(f"same {len(plinth)} rows (ids {ids(plinth)[0]}…{ids(plinth)[-1]}) and {len(keys(plinth))} columns; "
      f"body bytes plinth {os.path.getsize(sys.argv[1])}, peer {os.path.getsize(sys.argv[2])}")
PY
}
