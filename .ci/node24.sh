#!/usr/bin/env bash
# Runs the test suite a second time on Node 24 (the machine's Node may be an older line). Node 24 comes from the npm
# registry's per-platform Node package, which ships the binary and its C headers; better-sqlite3 is compiled against
# those headers into a separate build folder, swapped in for the run and swapped back afterwards, so the machine's
# own build is left as it was. Needs g++, make and python3 (node-gyp).
set -euo pipefail
cd "$(dirname "$0")/.."

case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64) arch=arm64 ;;
  *) echo "node24: no Node 24 package for $(uname -m)" >&2; exit 1 ;;
esac

work=$(mktemp -d)
# Readable and executable by other users: a test opens the store as `nobody` with this Node binary.
chmod 755 "$work"
npm install --prefix "$work" --no-save --no-audit --no-fund --ignore-scripts "node-linux-$arch@24" >/dev/null
home="$work/node_modules/node-linux-$arch"
node24="$home/bin/node"
echo "node24: $("$node24" --version)"

# better-sqlite3 for Node 24's ABI, built in a copy of the package (node-gyp finds the headers through --nodedir).
sqlite="node_modules/better-sqlite3"
cp -r "$sqlite" "$work/better-sqlite3"
# npm's own node-gyp (npm is at <root>/bin/npm-cli.js).
node_gyp="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")/node_modules/node-gyp/bin/node-gyp.js"
(cd "$work/better-sqlite3" && PATH="$home/bin:$PATH" "$node24" "$node_gyp" rebuild --release --nodedir="$home" -j 2 >"$work/node-gyp.log" 2>&1) || {
  tail -20 "$work/node-gyp.log" >&2
  exit 1
}

# Swap by renaming (never writing into the existing file: node_modules may share its files with other copies).
mv "$sqlite/build" "$sqlite/build.machine-node"
restore() {
  rm -rf "$sqlite/build"
  mv "$sqlite/build.machine-node" "$sqlite/build"
  rm -rf "$work"
}
trap restore EXIT
mv "$work/better-sqlite3/build" "$sqlite/build"

# Child processes the tests start with `node` get Node 24 too.
PATH="$home/bin:$PATH" "$node24" node_modules/vitest/vitest.mjs run "$@"
