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

exec python -m pytest "$@"
