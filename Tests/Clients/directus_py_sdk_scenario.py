"""A Directus user's day, run by the third-party client `directus-py-sdk` (PyPI) against Plinth.

Usage: python directus_py_sdk_scenario.py <url> <admin email> <admin password> <admin static token>
Exits non-zero with a message on the first difference from what Directus answers.
"""
import sys

from directus_py_sdk import DirectusClient


def check(condition, message):
    if not condition:
        print(f"FAILED: {message}", file=sys.stderr)
        sys.exit(1)


url, email, password, token = sys.argv[1:5]

# Password login (POST /auth/login, json mode) and the current user.
client = DirectusClient(url=url, email=email, password=password)
check(client.me()["email"] == email, f"/users/me: {client.me()}")

# Schema through the generic helpers, as scripts do.
client.post("/collections", json={
    "collection": "books",
    "schema": {},
    "meta": {"icon": "book"},
    "fields": [
        {"field": "id", "type": "integer", "schema": {"is_primary_key": True, "has_auto_increment": True}},
        {"field": "title", "type": "string"},
        {"field": "pages", "type": "integer"},
        {"field": "published", "type": "boolean", "schema": {"default_value": False}},
    ],
})
check(client.collection_exists("books"), "collection_exists(books)")
check(client.get_pk_field("books")["field"] == "id", "get_pk_field(books)")

# Writes: bulk inserts in batches of 100, then reads with the query language over SEARCH.
client.bulk_insert("books", [{"title": f"Book {i}", "pages": i * 10, "published": i % 2 == 0} for i in range(1, 251)], interval=100)
top = client.get_items("books", query={"query": {
    "filter": {"_and": [{"pages": {"_gte": 2000}}, {"published": {"_eq": True}}]},
    "sort": ["-pages"], "limit": 3, "fields": ["title", "pages", "published"],
}})
check(top == [
    {"title": "Book 250", "pages": 2500, "published": True},
    {"title": "Book 248", "pages": 2480, "published": True},
    {"title": "Book 246", "pages": 2460, "published": True},
], f"SEARCH /items/books: {top}")

count = client.get("/items/books", params={"aggregate[count]": "*"})
check(count in ([{"count": 250}], [{"count": "250"}]), f"aggregate count: {count}")
page = client.get("/items/books", params={"fields": "id", "sort": "id", "limit": 2, "page": 3})
check(page == [{"id": 5}, {"id": 6}], f"page 3: {page}")

one = client.get_item("books", 1)
check(one == {"id": 1, "title": "Book 1", "pages": 10, "published": False}, f"get_item: {one}")
updated = client.update_item("books", 1, {"title": "Renamed"})
check(updated["data"]["title"] == "Renamed", f"update_item (the SDK returns the whole body): {updated}")
client.delete_item("books", 2)
remaining = client.get("/items/books", params={"aggregate[count]": "*"})
check(remaining in ([{"count": 249}], [{"count": "249"}]), f"after delete: {remaining}")

# Users.
created = client.create_user({"email": "reader@example.com", "password": "reader-password", "first_name": "Rea"})["data"]  # the SDK returns the whole body
users = client.get_users(query={"query": {"filter": {"email": {"_eq": "reader@example.com"}}, "fields": ["id", "first_name"]}})
check(users == [{"id": created["id"], "first_name": "Rea"}], f"get_users: {users}")
client.update_user(created["id"], {"first_name": "Reader"})
check(client.get(f"/users/{created['id']}")["first_name"] == "Reader", "update_user")
client.delete_user(created["id"])
check(client.get_users(query={"query": {"filter": {"email": {"_eq": "reader@example.com"}}}}) == [], "delete_user")

# Tokens: refresh rotates, logout ends the session.
old = client.refresh_token
client.refresh()
check(client.refresh_token != old, "refresh rotates the refresh token")
check(client.me()["email"] == email, "the refreshed access token works")
client.logout()

# A static token client, and a clean-up the SDK offers.
static = DirectusClient(url=url, token=token)
static.delete_all_items("books")
left = static.get("/items/books", params={"aggregate[count]": "*"})
check(left in ([{"count": 0}], [{"count": "0"}]), f"delete_all_items: {left}")

print("directus-py-sdk scenario passed")
