#!/usr/bin/env bash
# The one list of Debian packages Parallax needs to build, test and run.
# (clang and libclang-rt-14-dev: the libFuzzer build; python3-readability: the
# extraction speed baseline in bench/.)
# Idempotent: installs only what is missing; runs apt-get update only when needed.
# Works as root, or through sudo.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  libicu-dev libcld2-dev libstemmer-dev wordnet-base
  libsqlite3-dev libpq-dev postgresql
  libmodest-dev libcurl4-openssl-dev libcpp-httplib-dev
  nlohmann-json3-dev libsimdjson-dev libcli11-dev
  zlib1g-dev libxxhash-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev
  python3-readability
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 2
  fi
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Update the package lists when they are missing or older than a day.
if [ -z "$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -1)" ]; then
  $SUDO apt-get update -q
fi
if ! $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"; then
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
