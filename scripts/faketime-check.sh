#!/usr/bin/env bash
# Runs the date-sensitive tests under libfaketime (Debian package `faketime`) at two awkward moments,
# one after the other, on embedded PGlite: New Year's Eve 23:30 Moscow time and a working Saturday
# (20.02.2027 in the production calendar), 10:00 Moscow time. The process clock (Date, the database's
# now(), timers) starts at that moment and runs on; the tests pin "today" themselves, so this proves
# that nothing decides from the real date. Extra arguments go to vitest (e.g. reporters).
#   scripts/faketime-check.sh [vitest args...]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v faketime >/dev/null || { echo "faketime is not installed (apt-get install faketime)" >&2; exit 2; }

# pure rules and server modules (the whole unit project) plus the integration files that decide by
# date through the app's clock: overdue days and aging, dunning plans, the limitation period of a claim
# (the heavier sandbox flows of dunning, approvals and claims run in the main pass with the same pinned clock)
files=(
  tests/integration/claims/limitation.test.ts
  tests/integration/dunning/api.test.ts
  tests/integration/receivables/api.test.ts
)
moments=('2026-12-31 20:30:00 UTC' '2027-02-20 07:00:00 UTC')

for at in "${moments[@]}"; do
  shown=$(faketime "$at" node_modules/.bin/node -e 'process.stdout.write(new Date().toISOString())')
  case "$shown" in
    "$(date -u -d "$at" +%Y-%m-%dT%H:%M)"*) ;;
    *) echo "faketime does not reach Node: it reads $shown, wanted $at" >&2; exit 2 ;;
  esac
  echo "== under faketime: $at (Node reads $shown)"
  # unset DATABASE_URL: PGlite, whose now() follows the faked process clock
  env -u DATABASE_URL faketime "$at" node_modules/.bin/node node_modules/vitest/vitest.mjs run --project unit "$@"
  env -u DATABASE_URL faketime "$at" node_modules/.bin/node node_modules/vitest/vitest.mjs run --project integration \
    "${files[@]}" "$@"
done
