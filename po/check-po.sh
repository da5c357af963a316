#!/bin/sh
# Checks one translation: `msgfmt --check` must pass, and the catalogue must be complete
# for the current sources (no untranslated or fuzzy message after merging a fresh template
# extracted from po/POTFILES.in, so a string added without updating the .po fails here).
# Usage: check-po.sh SOURCE_ROOT LANG
set -eu
root=$1
lang=$2
po="$root/po/$lang.po"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

msgfmt --check --check-accelerators=_ --statistics --output-file=/dev/null "$po"

# The same keywords as i18n.gettext (preset: 'glib'); only the set of messages matters here.
sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$root/po/POTFILES.in" > "$tmp/files"
(cd "$root" && xgettext --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --files-from="$tmp/files" --output="$tmp/cpd.pot")

# GLib's format macros (G_GSIZE_FORMAT, G_GINT64_FORMAT, ...) cut the message short for
# xgettext, so the translation is never found at run time: the extracted msgid ends in "%".
truncated=$(msgcat --no-wrap "$tmp/cpd.pot" |
  awk '/^#:/ { where = $0 } /^msgid(_plural)? ".*[^%]%"$/ { print where }')
if [ -n "$truncated" ]; then
  echo "error: messages cut short by a format macro (use a plain conversion such as %zu or %s):" >&2
  printf '%s\n' "$truncated" >&2
  exit 1
fi

msgmerge --quiet --no-fuzzy-matching --output-file="$tmp/merged.po" "$po" "$tmp/cpd.pot"
untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep -c '^msgid' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/merged.po" | grep -c '^msgid' || true)
# msgattrib prints the header entry too whenever it prints anything.
[ "$untranslated" -gt 0 ] && untranslated=$((untranslated - 1))
[ "$fuzzy" -gt 0 ] && fuzzy=$((fuzzy - 1))
if [ "$untranslated" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
  echo "error: $lang.po has $untranslated untranslated and $fuzzy fuzzy messages for the current sources" >&2
  echo "       run: meson compile -C BUILDDIR cpd-update-po, then translate them" >&2
  msgattrib --untranslated --no-obsolete "$tmp/merged.po" | sed -n '/^#:/,/^$/p' >&2
  exit 1
fi
echo "$lang.po is complete"
