#!/bin/sh
# Lints the CloudFormation template with cfn-lint (when installed), the APPSYNC_JS resolvers with
# @aws-appsync/eslint-plugin, and runs the resolvers' node checks (test/*.test.mjs), with the machine's tools.
# Whatever is missing is skipped with a message: the Java tests still run. W3002 (local paths that
# `aws cloudformation package` uploads) is expected.
set -eu
cd "$(dirname "$0")"
if command -v cfn-lint >/dev/null 2>&1; then
    echo "[syncshift-graphql] cfn-lint on ../config/syncshift-appsync.yaml"
    cfn-lint --ignore-checks W3002 -- ../config/syncshift-appsync.yaml
else
    echo "[syncshift-graphql] SKIPPED cfn-lint: not found on PATH"
fi
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
