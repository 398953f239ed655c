#!/usr/bin/env bash
# Makes sure the system Chromium used by the end-to-end tests is present.
# Installs Debian's package when running as root with apt-get; otherwise explains and
# carries on, so the e2e stage fails with a clear reason instead of a hidden download.
set -u
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium not found at $chromium; installing Debian's chromium package..."
  if DEBIAN_FRONTEND=noninteractive apt-get update -q \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium; then
    [ -x "$chromium" ] && exit 0
    echo "chromium was installed but $chromium is still missing; set CHROMIUM_PATH." >&2
  else
    echo "Installing chromium with apt-get failed." >&2
  fi
else
  echo "Chromium not found at $chromium. Install Debian's 'chromium' package" \
    "(apt-get install chromium) or set CHROMIUM_PATH; the e2e tests will fail." >&2
fi
exit 0
