"""Reads PostgreSQL log lines (log_statement = all) on stdin and prints the last statement run
through the extended protocol with its parameters as literals, ready for a pgbench script."""
import re
import sys

sql, params = None, {}
for line in sys.stdin:
    found = re.search(r"LOG:  execute [^:]*: (.*)$", line)
    if found:
        sql, params = found.group(1), {}
        continue
    found = re.search(r"DETAIL:  parameters: (.*)$", line)
    if found and sql:
        params = dict(re.findall(r"\$(\d+) = ('(?:[^']|'')*'|NULL)", found.group(1)))
if sql is None:
    sys.exit("no statement logged")
# $10 before $1.
for number in sorted(params, key=int, reverse=True):
    sql = sql.replace("$" + number, params[number])
print(sql + ";")
