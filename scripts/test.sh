#!/usr/bin/env bash
# Sets up Tollgate and runs the whole test suite: backend on SQLite and PostgreSQL, pure
# property tests, and the browser tests in headless Chromium against one running app.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-browser
source .tools/env.sh

if ! pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    echo "==> Starting the local PostgreSQL server"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n1)" main start || true
  fi
fi

if [ "$#" -gt 0 ]; then
  exec python -m pytest "$@"
fi
# Two cores: the browser tests (one running app) in the background while the rest runs at a
# lower CPU priority, so the latency-sensitive app and Chromium are not starved by it.
e2e_log=$(mktemp)
python -m pytest tests/e2e -p no:cacheprovider >"$e2e_log" 2>&1 &
e2e=$!
status=0
nice -n 10 python -m pytest --ignore=tests/e2e || status=$?
wait "$e2e" || status=$?
echo "==> Browser tests (tests/e2e)"
cat "$e2e_log"
rm -f "$e2e_log"
exit "$status"
