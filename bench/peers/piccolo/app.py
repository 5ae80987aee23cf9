"""The Python peer of bench/sections/items-pg.sh: piccolo-api's PiccoloCRUD over the
`articles` table that Plinth created in PostgreSQL.

Read-only, on an asyncpg connection pool, served by uvicorn (uvloop, httptools).
The table class mirrors the columns Plinth created; `author` is read as the plain
integer it is in the table, as Plinth returns it without `fields=author.*`.

    PEER_DATABASE_URL=postgres://… uvicorn app:app --app-dir bench/peers/piccolo

GET /articles/?__order=id&__page_size=100 → {"rows": [...]}   (the first 100 by id)
GET /articles/42/                         → {...}
"""

import contextlib
import os

from piccolo.columns import Integer, Serial, Text, Timestamp, Varchar
from piccolo.engine.postgres import PostgresEngine
from piccolo.table import Table
from piccolo_api.crud.endpoints import PiccoloCRUD
from starlette.applications import Starlette
from starlette.routing import Mount

DB = PostgresEngine(config={"dsn": os.environ["PEER_DATABASE_URL"]})


class Articles(Table, tablename="articles", db=DB):
    id = Serial(primary_key=True)
    title = Varchar(length=255, null=True)
    status = Varchar(length=255, null=True)
    body = Text(null=True)
    views = Integer(null=True)
    published_at = Timestamp(null=True)
    author = Integer(null=True)


@contextlib.asynccontextmanager
async def lifespan(_app):
    await DB.start_connection_pool(min_size=4, max_size=int(os.environ.get("PEER_POOL_SIZE", "8")))
    try:
        yield
    finally:
        await DB.close_connection_pool()


app = Starlette(
    routes=[Mount("/articles", app=PiccoloCRUD(table=Articles, read_only=True, page_size=100))],
    lifespan=lifespan,
)
