#!/bin/sh
# Checks one help translation: `msgfmt --check` must pass, and the catalogue must be complete
# for the current pages in help/C (no untranslated or fuzzy message after merging a fresh
# template made with itstool, as gnome.yelp does).
# Usage: check-help-po.sh HELP_SOURCE_DIR LANG PAGE...
set -eu
dir=$1
lang=$2
shift 2
po="$dir/$lang/$lang.po"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

msgfmt --check --statistics --output-file=/dev/null "$po"

(cd "$dir/C" && itstool -o "$tmp/help.pot" "$@")
msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/merged.po" "$po" "$tmp/help.pot"
untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep -c '^msgid' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/merged.po" | grep -c '^msgid' || true)
# msgattrib prints the header entry too whenever it prints anything.
[ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
if [ "$untranslated" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
  echo "error: help/$lang/$lang.po has $untranslated untranslated and $fuzzy fuzzy messages" >&2
  echo "       run: meson compile -C BUILDDIR help-APP_ID-update-po (APP_ID is org.example.CPD or org.example.CPD.Devel), then translate them" >&2
  msgattrib --untranslated --no-obsolete "$tmp/merged.po" | sed -n '/^#:/,/^$/p' >&2
  exit 1
fi
echo "help/$lang/$lang.po is complete"
