#!/usr/bin/env bash
# What a commit costs SQLite when the rows' unique key comes in random order (as the registry's
# changes feed sends RM numbers): a million rows written 3,000 a commit (one page of the feed)
# against 30,000 a commit (what a first load batches since 8e0a07a). Needs the Debian package
# sqlite3. Usage: bash test/bench/commit-size.sh [ROWS]
set -euo pipefail
rows="${1:-1000000}"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
for batch in 3000 30000; do
  {
    echo "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint=10000;"
    echo "CREATE TABLE t (id INTEGER PRIMARY KEY, rm TEXT NOT NULL UNIQUE, a TEXT, b TEXT, c TEXT, v INTEGER) STRICT;"
    echo "CREATE TABLE src AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)"
    echo "  SELECT printf('%09dRM%03d', abs(random()) % 1000000000, i % 100) AS rm, hex(randomblob(60)) AS a,"
    echo "    hex(randomblob(40)) AS b, hex(randomblob(30)) AS c, i AS v FROM n;"
    echo "CREATE TEMP TABLE clock (t); INSERT INTO clock VALUES (julianday('now'));"
    for ((s = 0; s < rows; s += batch)); do
      echo "BEGIN; INSERT OR IGNORE INTO t (rm, a, b, c, v) SELECT rm, a, b, c, v FROM src WHERE rowid > $s AND rowid <= $((s + batch)); COMMIT;"
    done
    echo "SELECT 'commits of $batch rows: ' || round((julianday('now') - t) * 86400, 1) || ' s' FROM clock;"
  } | sqlite3 "$dir/$batch.db" | grep commits
done
