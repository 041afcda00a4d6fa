#!/usr/bin/env bash
# The whole test suite (`npm test`): static checks, unit + integration on PGlite, the same integration
# suite on PostgreSQL + Redis when TEST_DATABASE_URL / REDIS_URL are set, then browser tests against
# the production build. Ends with one summary line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."

results=test-results/vitest
rm -rf "$results" && mkdir -p "$results"
step() { printf '\n==> %s\n' "$*"; }
run_vitest() { local name=$1; shift; npx vitest run --reporter=default --reporter=json --outputFile="$results/$name.json" "$@"; }

if [ "${CI:-}" = "true" ] && { [ -z "${TEST_DATABASE_URL:-}" ] || [ -z "${REDIS_URL:-}" ]; }; then
  echo "CI must test on PostgreSQL and Redis too: set TEST_DATABASE_URL and REDIS_URL (see .ci/run)" >&2
  exit 1
fi

if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    step "installing Debian's chromium and fonts-noto-cjk for the browser tests"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
  else
    echo "Browser tests need Debian's chromium and fonts-noto-cjk: sudo apt-get install chromium fonts-noto-cjk" >&2
    exit 1
  fi
fi

step "prisma generate"
npm run -s db:generate >/dev/null
step "typecheck"
npx tsc --noEmit -p .
step "lint and format"
npx eslint .
npx prettier --check . --log-level warn
step "migration drift check"
npm run -s db:check

step "unit + integration tests on embedded PGlite, in-process jobs"
(unset TEST_DATABASE_URL REDIS_URL DATABASE_URL; run_vitest pglite --project unit --project integration)

if [ -n "${TEST_DATABASE_URL:-}" ] || [ -n "${REDIS_URL:-}" ]; then
  step "integration tests on PostgreSQL (${TEST_DATABASE_URL:-unset}) and Redis (${REDIS_URL:-unset})"
  run_vitest services --project integration
fi

step "production build"
npx remix build
step "browser tests (Chromium) against the production build"
(unset DATABASE_URL REDIS_URL; run_vitest e2e --project e2e)

node test/summarise-results.mjs "$results"
