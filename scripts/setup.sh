#!/usr/bin/env bash
# Sets up a fresh Debian machine (as root) to build and test Buoy; quick when all is there already.
#   apt:  chromium and firefox-esr (the real browsers the tests drive), chromium-l10n (Chromium's UI
#         languages: without it chrome.i18n is always English, so no French store images), ngircd
#         (the real chat app's IRC server), espeak-ng and speech-dispatcher (local voices for "Read it
#         to me"), wamerican, wfrench and wspanish (the dictionaries build/nudge_typos.mjs reads)
#   pip:  requirements.txt (invoke, jsonschema, playwright, ruff, ...)
#   npm:  package.json (addons-linter, axe-core) and tests/apps (The Lounge)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(chromium chromium-l10n firefox-esr ngircd espeak-ng speech-dispatcher openssl fonts-dejavu-core wamerican wfrench wspanish)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python3 -m pip install -q --disable-pip-version-check -r requirements.txt

stamp=node_modules/.buoy-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
	npm ci --no-audit --no-fund --loglevel=error
	echo "$want" >"$stamp"
fi
bash tests/apps/install.sh
