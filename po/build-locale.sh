#!/bin/sh
# Compiles the catalogues into an uninstalled locale tree (LOCALEDIR/LANG/LC_MESSAGES/cpd.mo)
# so tests can run the app from the build directory in another language.
# Usage: build-locale.sh LOCALEDIR STAMP PO...
set -eu
localedir=$1
stamp=$2
shift 2
for po in "$@"; do
  lang=$(basename "$po" .po)
  mkdir -p "$localedir/$lang/LC_MESSAGES"
  msgfmt --check --output-file="$localedir/$lang/LC_MESSAGES/cpd.mo" "$po"
done
touch "$stamp"
