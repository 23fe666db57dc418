#!/bin/sh
# Lints the APPSYNC_JS resolvers with @aws-appsync/eslint-plugin and runs their node checks (test/*.test.mjs),
# with the machine's node and npm. Without them it prints why and skips: the Java tests still run.
set -eu
cd "$(dirname "$0")"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "[syncshift-graphql] SKIPPED resolver lint and node checks: node/npm not found on PATH"
    exit 0
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund --loglevel=error
fi
echo "[syncshift-graphql] eslint (@aws-appsync/eslint-plugin recommended) on resolvers/"
npx --no-install eslint --max-warnings 0 resolvers
echo "[syncshift-graphql] node checks of the resolvers"
node --test test/*.test.mjs
