#!/usr/bin/env bash
# Why a first load is slow: SQLite inserting a million rows into a table whose unique key
# arrives in random order (as the registry's changes feed sends RM numbers) against the same
# rows in key order. Needs the Debian package sqlite3. Usage: bash test/bench/key-order.sh [ROWS]
set -euo pipefail
rows="${1:-1000000}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
for order in v rm; do
  label="in the feed's order (random key)"
  [ "$order" = rm ] && label="in key order"
  sqlite3 "$dir/$order.db" <<SQL | grep 'Run Time' | sed "s/^/$label: /"
PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
CREATE TABLE t (id INTEGER PRIMARY KEY, rm TEXT NOT NULL UNIQUE, a TEXT, b TEXT, c TEXT, v INTEGER) STRICT;
CREATE TEMP TABLE src AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
  SELECT printf('%09dRM%03d', abs(random()) % 1000000000, i % 100) AS rm, hex(randomblob(60)) AS a,
    hex(randomblob(40)) AS b, hex(randomblob(30)) AS c, i AS v FROM n;
.timer on
INSERT OR IGNORE INTO t (rm, a, b, c, v) SELECT rm, a, b, c, v FROM src ORDER BY $order;
SQL
done
