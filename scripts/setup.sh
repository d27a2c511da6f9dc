#!/usr/bin/env bash
# Installs everything Tollgate needs into the repository (idempotent, quiet when done before):
# a Python venv with the pinned dependencies, bun from the npm registry for Reflex's frontend
# build and, with --with-browser, Debian's Chromium for the browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PY=${PYTHON:-python3}
BUN_VERSION=1.4.4

if [ ! -x .venv/bin/python ]; then
  echo "==> Creating .venv"
  "$PY" -m venv .venv
fi
stamp=.venv/.tollgate-installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "==> Installing Python dependencies (pinned in pyproject.toml)"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e ".[test]"
  touch "$stamp"
fi

if [ ! -x .tools/node_modules/bun/bin/bun.exe ]; then
  echo "==> Installing bun $BUN_VERSION from the npm registry"
  npm install --silent --no-fund --no-audit --prefix .tools "bun@$BUN_VERSION" >/dev/null
fi

if [ "${1:-}" = "--with-browser" ] && [ ! -x /usr/bin/chromium ]; then
  echo "==> Installing Chromium (Debian package) for the browser tests"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

cat > .tools/env.sh <<ENV
export REFLEX_BUN_PATH="$ROOT/.tools/node_modules/bun/bin/bun.exe"
export REFLEX_TELEMETRY_ENABLED=false
export PATH="$ROOT/.venv/bin:\$PATH"
ENV
