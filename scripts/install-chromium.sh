#!/usr/bin/env bash
# Installs Debian's Chromium, which the browser tests and benchmarks drive through Playwright.
set -euo pipefail
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
chromium --version
