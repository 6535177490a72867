#!/usr/bin/env bash
# Install the third-party tools tests/interop/run.sh checks govgraph against:
# raptor (rapper) from Debian, rdflib/pyshacl/networkx from PyPI, and the
# reference JSON-LD processor (npm `jsonld`). Idempotent and quiet.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v rapper >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  # Update the package lists only when apt cannot find the package yet.
  if ! apt-cache show raptor2-utils >/dev/null 2>&1; then
    apt-get update -qq
  fi
  apt-get install -y -qq raptor2-utils >/dev/null
fi

# pip does not touch the network when the pinned versions are already there.
# A Debian system Python refuses pip installs (PEP 668); CI owns the machine.
if ! python3 -m pip install -q --disable-pip-version-check -r requirements.txt 2>/dev/null; then
  python3 -m pip install -q --disable-pip-version-check --break-system-packages -r requirements.txt
fi

# `npm ci` reinstalls from scratch, so skip it when this lock file is what
# was installed last (a stamp inside node_modules records it).
if ! cmp -s package-lock.json node_modules/.installed-lock.json 2>/dev/null; then
  npm ci --silent --no-audit --no-fund >/dev/null
  cp package-lock.json node_modules/.installed-lock.json
fi
