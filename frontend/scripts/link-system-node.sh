#!/bin/sh
# Points frontend-maven-plugin's node directory at the Node.js and npm already on this machine,
# for machines that cannot download Node (the plugin's install-node-and-npm fetches nodejs.org).
set -eu
dir="$1"
mkdir -p "$dir/node_modules"
ln -sf "$(readlink -f "$(command -v node)")" "$dir/node"
npm_cli="$(readlink -f "$(command -v npm)")"            # .../lib/node_modules/npm/bin/npm-cli.js
ln -sfn "$(dirname "$(dirname "$npm_cli")")" "$dir/node_modules/npm"
