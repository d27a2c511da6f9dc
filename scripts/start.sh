#!/usr/bin/env bash
# Sets up Tollgate and starts the app (storefront, widgets, designer and API) on one port.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source .tools/env.sh
PORT=${TOLLGATE_PORT:-3000}
export TOLLGATE_PORT=$PORT

tollgate migrate
tollgate seed-demo
cat <<MSG

  Tollgate is starting (the first start builds the frontend, about a minute)...
    Storefront with the Paywall   http://localhost:$PORT/
    API                           http://localhost:$PORT/api/v1/...
    API docs (OpenAPI)            http://localhost:$PORT/api/docs
  Use the keys above: curl -H "Authorization: Bearer <secret key>" \\
      "http://localhost:$PORT/api/v1/paywall?product_id=workspace"

MSG
exec reflex run --env prod --frontend-port "$PORT" --backend-port "$PORT"
