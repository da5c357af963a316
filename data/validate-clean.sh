#!/bin/sh
# Runs a validator and fails unless it is clean: a zero exit status and no reported issue.
# Usage: validate-clean.sh desktop FILE | validate-clean.sh metainfo FILE
#
# desktop-file-validate exits 0 on warnings and hints, so any output counts as an issue.
# appstreamcli --strict fails on errors, warnings and infos; pedantic hints are checked here.
# One pedantic hint is accepted: cid-contains-uppercase-letter, because the application ID
# org.example.CPD is fixed by the project (D-Bus name, desktop ID and Flatpak ID).
set -u
mode=$1
file=$2

case $mode in
  desktop)
    out=$(desktop-file-validate "$file" 2>&1)
    rc=$?
    printf '%s\n' "$out"
    [ $rc -eq 0 ] && [ -z "$out" ]
    ;;
  metainfo)
    out=$(appstreamcli validate --no-net --pedantic --strict --explain "$file" 2>&1)
    rc=$?
    printf '%s\n' "$out"
    [ $rc -eq 0 ] || exit 1
    issues=$(printf '%s\n' "$out" | grep -E '^[EWIP]: ' | grep -v ' cid-contains-uppercase-letter ')
    if [ -n "$issues" ]; then
      echo "Unexpected issues:" >&2
      printf '%s\n' "$issues" >&2
      exit 1
    fi
    ;;
  *)
    echo "usage: $0 desktop|metainfo FILE" >&2
    exit 2
    ;;
esac
