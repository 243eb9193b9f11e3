#!/usr/bin/env bash
# Copies the web client's libraries, as package-lock.json pins them, into the gateway's static files.
#   vendor.sh          install with npm ci and copy (run after changing a version here)
#   vendor.sh --check  install and fail if a committed copy differs (WebClientLibrariesTest runs it)
set -euo pipefail
cd "$(dirname "$0")"
target=../resources/META-INF/resources/vendor
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null
status=0
for f in keycloak-js/lib/keycloak.js keycloak-js/LICENSE.txt; do
  dest="$target/keycloak-js/$(basename "$f")"
  if [ "${1:-}" = --check ]; then
    cmp -s "node_modules/$f" "$dest" || { echo "$dest differs from node_modules/$f (run $0)" >&2; status=1; }
  else
    mkdir -p "$(dirname "$dest")"; cp "node_modules/$f" "$dest"
  fi
done
exit $status
