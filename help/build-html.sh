#!/bin/sh
# Builds the help as HTML for the app's own help window (src/cpd-help-window.c), which shows it
# inside Flatpak, where the host's Yelp cannot see the app's share/help.
# Usage: build-html.sh OUTPUT XSL DARK_XSL HELP_SOURCE_DIR "LANG..." PAGE...
# Writes OUTPUT/C/ and OUTPUT/LANG/ for each translation: index.html, a page per .page file and
# the stylesheet LANG.css. A translation's pages are made from help/C with help/LANG/LANG.po by
# itstool first, as gnome.yelp() does for the Mallard pages it installs. The stylesheet has
# the dark colours that DARK_XSL gives for (prefers-color-scheme: dark).
set -eu
out=$1
xsl=$(realpath "$2")
dark_xsl=$(realpath "$3")
dir=$(realpath "$4")
languages=$5
shift 5
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

rm -rf "$out"
for lang in C $languages; do
  mkdir -p "$tmp/$lang" "$out/$lang"
  if [ "$lang" = C ]; then
    (cd "$dir/C" && cp "$@" "$tmp/C/")
  else
    msgfmt -o "$tmp/$lang.mo" "$dir/$lang/$lang.po"
    (cd "$dir/C" && itstool -m "$tmp/$lang.mo" --lang "$lang" -o "$tmp/$lang/" "$@")
  fi
  # Absolute paths: yelp-build resolves the pages' XInclude of legal.xml wrongly from a
  # relative one.
  yelp-build html -x "$xsl" -o "$(realpath "$out/$lang")/" "$tmp/$lang"
  # Copied whatever the stylesheet says; the pages do not use it (help-html.xsl).
  rm -f "$out/$lang/highlight.pack.js"

  mkdir -p "$tmp/$lang-dark"
  yelp-build html -x "$dark_xsl" -o "$tmp/$lang-dark/" "$tmp/$lang"
  {
    echo '@media (prefers-color-scheme: dark) {'
    cat "$tmp/$lang-dark/$lang.css"
    echo '}'
  } >> "$out/$lang/$lang.css"
done
