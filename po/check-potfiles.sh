#!/bin/sh
# Fails when a file under src/ or data/ has translatable strings but is missing from
# po/POTFILES.in, or when POTFILES.in names a file that does not exist.
# Usage: check-potfiles.sh SOURCE_ROOT | check-potfiles.sh --self-test
set -u

# Prints the files under src/ and data/ (not the bundled page) that carry translatable strings.
translatable_files ()
{
  root=$1
  cd "$root" || exit 2
  find src data -path data/content -prune -o -type f -print 2>/dev/null | LC_ALL=C sort |
  while read -r f; do
    case $f in
      *.c|*.h)
        # _ ("…"), N_ ("…"), C_ ("ctx", "…"), NC_, Q_, ngettext and g_d*gettext calls.
        grep -Eq '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|Q_|ngettext|g_dgettext|g_dngettext|g_dpgettext2)[[:space:]]*\([[:space:]]*"' "$f" ;;
      *.ui)
        grep -Eq 'translatable="(yes|true|1)"' "$f" ;;
      *.blp)
        grep -Eq '(^|[^A-Za-z0-9_])(_|C_)[[:space:]]*\([[:space:]]*"' "$f" ;;
      *.desktop.in|*.desktop.in.in)
        grep -Eq '^_?(Name|GenericName|Comment|Keywords|X-GNOME-FullName)(\[[^]]*\])?=' "$f" ;;
      *.metainfo.xml.in|*.metainfo.xml.in.in|*.appdata.xml.in|*.appdata.xml.in.in)
        grep -Eq '<(_?name|_?summary|_?p|_?li|_?caption|_?keyword)[ >]' "$f" ;;
      *.gschema.xml|*.gschema.xml.in)
        grep -Eq '<(summary|description)[ >]' "$f" ;;
      *)
        false ;;
    esac && printf '%s\n' "$f"
  done
}

# Prints the entries of POTFILES.in, without comments and blank lines.
listed_files ()
{
  sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' "$1/po/POTFILES.in"
}

check ()
{
  root=$1
  status=0
  listed=$(listed_files "$root")
  for f in $(translatable_files "$root"); do
    if ! printf '%s\n' "$listed" | grep -Fxq "$f"; then
      echo "error: $f has translatable strings but is missing from po/POTFILES.in" >&2
      status=1
    fi
  done
  for f in $listed; do
    if [ ! -f "$root/$f" ]; then
      echo "error: po/POTFILES.in lists $f, which does not exist" >&2
      status=1
    fi
  done
  return $status
}

self_test ()
{
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  mkdir -p "$tmp/src" "$tmp/data" "$tmp/po"
  printf 'label = _ ("Open");\n' > "$tmp/src/a.c"
  printf 'g_print ("not translatable");\n' > "$tmp/src/b.c"
  printf '<property name="label" translatable="yes">Find</property>\n' > "$tmp/src/w.ui"
  printf '# header\nsrc/a.c\n' > "$tmp/po/POTFILES.in"
  if (check "$tmp") 2>/dev/null; then
    echo "self-test: a .ui file missing from POTFILES.in was not reported" >&2
    return 1
  fi
  printf 'src/a.c\nsrc/w.ui\n' > "$tmp/po/POTFILES.in"
  (check "$tmp") || { echo "self-test: a complete POTFILES.in was rejected" >&2; return 1; }
  printf 'src/a.c\nsrc/w.ui\nsrc/gone.c\n' > "$tmp/po/POTFILES.in"
  if (check "$tmp") 2>/dev/null; then
    echo "self-test: a missing listed file was not reported" >&2
    return 1
  fi
  echo "self-test passed"
}

if [ "${1:-}" = "--self-test" ]; then
  self_test
else
  check "${1:?usage: $0 SOURCE_ROOT | --self-test}" && echo "po/POTFILES.in is complete"
fi
