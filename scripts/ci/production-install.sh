#!/usr/bin/env bash
# Proves the production install the Dockerfile makes, without Docker (these machines pull no images):
# a clean copy of what the image copies, `npm ci --omit=dev` (no tsx, no Vite, no test tools), then the
# commands the image runs (`node server/main.ts`; with PostgreSQL also `node server/worker-main.ts`,
# as compose.yaml does) must start, answer /healthz, guard /metrics, and stop cleanly on SIGTERM.
#
#   bash scripts/ci/production-install.sh                  # embedded PGlite: the app runs the jobs itself
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres bash scripts/ci/production-install.sh
#       # PostgreSQL: a throw-away database is created beside the one named, the app and a worker share it
#
# NODE22 names the Node (>= 22.18) standing in for the image's; default: the one the dev install brought.
set -euo pipefail
started=$(date +%s)
repo=$(cd "$(dirname "$0")/../.." && pwd)
node=${NODE22:-$repo/node_modules/.bin/node}
"$node" -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=18)?0:1)' ||
  { echo "production-install: $node is $("$node" --version); the image runs Node >= 22.18" >&2; exit 1; }

work=$(mktemp -d /tmp/rc-prod-install.XXXXXX)
pids=()
db_name=''
# the server database the check's own database is made on and dropped from (DATABASE_URL itself is
# pointed at the check's database below, and a database cannot be dropped from a connection to it)
admin_url=${DATABASE_URL:-}
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  if [ -n "$db_name" ]; then psql "$admin_url" -q -c "DROP DATABASE IF EXISTS $db_name WITH (FORCE)" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() {
  echo "production-install: FAILED: $*" >&2
  for f in "$work"/*.log; do [ -f "$f" ] && { echo "--- $f" >&2; tail -n 30 "$f" >&2; }; done
  exit 1
}

# 1. the clean copy: exactly the paths the Dockerfile's final stage copies (tests excluded, as .dockerignore)
cd "$repo"
app="$work/app"
mkdir -p "$app"
git ls-files -co --exclude-standard -- package.json package-lock.json server robots install contracts placement-ui/src |
  grep -v '\.test\.ts$' | while read -r f; do [ -f "$f" ] && echo "$f"; done | tar -cf - -T - | tar -xf - -C "$app"
if [ -d dist/ui ]; then mkdir -p "$app/dist" && cp -r dist/ui "$app/dist/ui"; else echo "production-install: no dist/ui (run npm run build first to check the UI too)"; fi

# 2. production dependencies only
cd "$app"
t0=$(date +%s)
npm ci --omit=dev --prefer-offline --no-audit --no-fund --loglevel=error >"$work/npm.log" 2>&1 || fail "npm ci --omit=dev"
for dev in tsx vite vitest typescript; do [ ! -e "node_modules/$dev" ] || fail "dev dependency $dev was installed"; done
echo "production-install: npm ci --omit=dev took $(($(date +%s) - t0)) s"

# 3. the image's environment and start commands
port=$("$node" -e 'const s=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')
token="prod-check-metrics-token-0123456789"
export NODE_ENV=production APP_ENV=production MALLOC_ARENA_MAX=2 APP_HOST=127.0.0.1 APP_PORT=$port
export APP_BASE_URL="http://127.0.0.1:$port" APP_SECRET_KEY="production-install-check-secret-key-000000"
export APP_METRICS_TOKEN=$token LOG_LEVEL=info DB_DATA_DIR="$work/data/pglite"
if [ -n "${DATABASE_URL:-}" ]; then
  db_name="rc_prod_check_$$"
  psql "$DATABASE_URL" -q -c "CREATE DATABASE $db_name" || fail "cannot create a database at DATABASE_URL"
  export DATABASE_URL="${DATABASE_URL%/*}/$db_name" QUEUE_IN_PROCESS_WORKER=false
  "$node" server/worker-main.ts >"$work/worker.log" 2>&1 &
  pids+=($!)
else
  unset DATABASE_URL
fi
"$node" server/main.ts >"$work/app.log" 2>&1 &
app_pid=$!
pids+=($app_pid)

# 4. it answers
t0=$(date +%s)
deadline=$(($(date +%s) + 60))
until curl -fsS "http://127.0.0.1:$port/healthz" >"$work/healthz.json" 2>/dev/null; do
  kill -0 "$app_pid" 2>/dev/null || fail "the app exited before answering /healthz"
  [ "$(date +%s)" -lt "$deadline" ] || fail "no healthy /healthz within 60 s"
  sleep 0.5
done
grep -q '"status":"ok"' "$work/healthz.json" || fail "/healthz: $(cat "$work/healthz.json")"
echo "production-install: /healthz answered ok $(($(date +%s) - t0)) s after the start"
code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/metrics")
[ "$code" = 401 ] || fail "/metrics without a token answered $code, not 401"
curl -fsS -H "authorization: Bearer $token" "http://127.0.0.1:$port/metrics" | grep -q '^jobs{queue="event-handle",state="dead"} 0' ||
  fail "/metrics with the token has no job figures"
if [ -d "$app/dist/ui" ]; then
  asset=$(cd "$app/dist/ui" && ls assets/*.js | head -n 1)
  curl -fsS -o /dev/null "http://127.0.0.1:$port/ui/$asset" || fail "the built UI is not served (/ui/$asset)"
fi
if [ -n "$db_name" ]; then
  deadline=$(($(date +%s) + 30))
  until grep -q '"worker.started"' "$work/worker.log"; do
    kill -0 "${pids[0]}" 2>/dev/null || fail "the worker exited"
    [ "$(date +%s)" -lt "$deadline" ] || fail "the worker did not start within 30 s"
    sleep 0.5
  done
fi

# 5. SIGTERM: each process stops by itself with exit code 0
for p in "${pids[@]}"; do kill -TERM "$p"; done
for p in "${pids[@]}"; do
  rc=0
  wait "$p" || rc=$?
  [ "$rc" = 0 ] || fail "process $p exited with $rc after SIGTERM"
done
pids=()
echo "production-install: ok ($([ -n "$db_name" ] && echo 'PostgreSQL, app + worker' || echo 'PGlite, app'))" \
  "in $(($(date +%s) - started)) s"
