#!/usr/bin/env bash
# Lints an OpenAPI document with Redocly CLI's recommended rules: exit 0 only with no errors.
# Redocly CLI (npm, version pinned in openapi-lint/package-lock.json) is installed on first use
# into openapi-lint/node_modules (git-ignored). Usage: openapi-lint.sh DOCUMENT.json
set -euo pipefail
tools="$(cd "$(dirname "$0")" && pwd)/openapi-lint"
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
if [ ! -x "$tools/node_modules/.bin/redocly" ]; then
  (cd "$tools" && npm ci --no-audit --no-fund --loglevel=error)
fi
exec "$tools/node_modules/.bin/redocly" lint --extends=recommended --format=stylish "$1"
