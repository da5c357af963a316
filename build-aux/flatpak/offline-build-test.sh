#!/usr/bin/env bash
# offline-build-test.sh — prove org.example.CPD.json builds and runs as a Flatpak, offline.
#
# The real org.gnome.Platform//50 cannot be downloaded here, so:
#  1. build-runtime.sh makes (once, cached) a stand-in Platform and Sdk from Debian 13 packages
#     and this script installs them into a private installation (FLATPAK_USER_DIR);
#  2. the manifest's module archives are taken from Debian's source packages of the same
#     upstream release (their .orig tarballs are byte-identical to the URLs in the manifest,
#     which is checked by sha256) and pre-seeded into flatpak-builder's download cache;
#  3. flatpak-builder --disable-download builds the unchanged manifest from a copy of the
#     checkout's tracked files, and installs the result;
#  4. `flatpak run org.example.CPD` starts under Xvfb with a private session bus; the test
#     waits for the window, takes a screenshot, checks that it is not blank and that WebKit's
#     web process runs in its own sandbox spawned through the Flatpak portal;
#  5. F1 in the running app must show its help: inside the sandbox that is the app's own help
#     window (the HTML that yelp-build made at build time), found by the title its index page
#     gives it, and screenshotted. The exported files must include the search provider, and
#     not share/help, which is why the app cannot hand help:org.example.CPD to the host's Yelp.
#
# Run as root on a Debian or Ubuntu host (it installs flatpak, flatpak-builder, xvfb,
# imagemagick with apt-get when missing). Prints "Ok: 1" or "Fail: 1" and, on success, the
# screenshot's path as its last line. About 10 minutes on a fresh machine (most of it making
# the stand-in runtime), 1-2 minutes once that is cached (/var/cache/cpd-flatpak-runtime, or
# $CPD_FLATPAK_CACHE).
#
# Environment: CPD_FLATPAK_WORKDIR (default <repo>/_build-flatpak) holds the build and the
# logs; CPD_FLATPAK_SCREENSHOT_DIR (default the work dir) receives flatpak-run.png and
# flatpak-help.png.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
app_id=org.example.CPD
manifest_name=$app_id.json
suite=trixie
mirror=${CPD_ENV_MIRROR:-http://deb.debian.org/debian}
cache=${CPD_FLATPAK_CACHE:-/var/cache/cpd-flatpak-runtime}
work=${CPD_FLATPAK_WORKDIR:-$repo/_build-flatpak}
shot_dir=${CPD_FLATPAK_SCREENSHOT_DIR:-$work}
start=$(date +%s)

# The Debian source package whose .orig tarball is each manifest module's archive.
declare -A debian_source=([cmark]=cmark [libical]=libical3 [libyaml]=libyaml)

log() { printf 'offline-build-test: [%4ss] %s\n' "$(( $(date +%s) - start ))" "$*" >&2; }
die() { log "FAIL: $*"; exit 1; }
# One test, summed up like `meson test` ("Ok: 1" / "Fail: 1") for build-aux/run-tests.
trap '[ $? = 0 ] || echo "Fail: 1"' EXIT

[ "$(id -u)" = 0 ] || die "needs root (mmdebstrap, apt-get, flatpak as root)"
# Inside build-aux/cpd-env's chroot this would install flatpak into the shared development
# root, fill its /var/cache, and still fail (bubblewrap cannot make namespaces there): run it
# on the host. A chroot shows as a root mount of a subdirectory (mountinfo's 4th field),
# or, where init's root is readable, as a different root directory from init's.
in_chroot() {
  awk '$5 == "/" && $4 != "/" { found = 1 } END { exit !found }' /proc/self/mountinfo && return 0
  local init_root
  init_root=$(stat -c %d:%i /proc/1/root/. 2>/dev/null) || return 1
  [ "$(stat -c %d:%i /)" != "$init_root" ]
}
if in_chroot; then
  die "running inside a chroot (the development root?): run $0 on the host"
fi
command -v apt-get >/dev/null 2>&1 || die "needs a Debian-like host (apt-get)"

ensure_host_tools() {
  local missing=() cmd pkg
  # flatpak-builder runs eu-strip and eu-elfcompress on the host.
  for cmd in flatpak:flatpak flatpak-builder:flatpak-builder eu-strip:elfutils \
             eu-elfcompress:elfutils xvfb-run:xvfb xauth:xauth \
             import:imagemagick convert:imagemagick dbus-run-session:dbus-daemon \
             xwininfo:x11-utils xdotool:xdotool git:git python3:python3 \
             mmdebstrap:mmdebstrap; do
    command -v "${cmd%%:*}" >/dev/null 2>&1 || missing+=("${cmd#*:}")
  done
  [ -e /usr/share/keyrings/debian-archive-keyring.gpg ] || missing+=(debian-archive-keyring)
  if [ ${#missing[@]} -gt 0 ]; then
    mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
    log "installing on the host: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      "${missing[@]}" >&2
  fi
}

# Print "module<TAB>sha256<TAB>url" for each archive source of the manifest.
manifest_archives() {
  python3 - "$1" <<'EOF'
import json, sys
def walk(modules):
    for m in modules:
        if isinstance(m, dict):
            for s in m.get('sources', []):
                if isinstance(s, dict) and s.get('type') in ('archive', 'file') and 'url' in s:
                    print(f"{m['name']}\t{s['sha256']}\t{s['url']}")
            yield from walk(m.get('modules', []))
    yield from ()
list(walk(json.load(open(sys.argv[1]))['modules']))
EOF
}

# A private apt configuration with trixie's deb-src index, kept in the cache.
apt_src() {
  local dir="$cache/apt-src"
  mkdir -p "$dir/lists/partial" "$dir/archives/partial" "$dir/parts"
  echo "deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $mirror $suite main" \
    > "$dir/sources.list"
  apt-get -q -o Dir::Etc::SourceList="$dir/sources.list" -o Dir::Etc::SourceParts="$dir/parts" \
    -o Dir::State::Lists="$dir/lists" -o Dir::Cache::Archives="$dir/archives" \
    -o Dir::Cache::pkgcache="" -o Dir::Cache::srcpkgcache="" "$@"
}

# Put each module archive where flatpak-builder --disable-download looks for it:
# <state-dir>/downloads/<sha256>/<basename of url>. Sources come from Debian's .orig tarballs,
# kept by sha256 in $cache/sources so later runs need no network at all.
seed_sources() {
  local state=$1 module sha url name src updated=0
  mkdir -p "$cache/sources"
  while IFS=$'\t' read -r module sha url; do
    name=$(basename "$url")
    src="$cache/sources/$sha"
    if [ ! -f "$src" ]; then
      local pkg=${debian_source[$module]:-}
      [ -n "$pkg" ] || die "no Debian source package known for module $module ($url)"
      if [ $updated = 0 ]; then
        log "fetching trixie's source index"
        apt_src update >&2
        updated=1
      fi
      local tmp
      tmp=$(mktemp -d "$cache/sources/fetch.XXXXXX")
      log "downloading Debian source package $pkg for module $module"
      # The .orig tarball is all that is needed, and its sha256 is checked below against the
      # manifest; a missing .dsc or Debian diff on a mirror does not matter.
      (cd "$tmp" && apt_src source --download-only "$pkg" >&2) ||
        log "apt-get source $pkg reported errors; checking what arrived"
      local orig found=""
      for orig in "$tmp"/*.orig.tar.*; do
        [ -f "$orig" ] || continue
        case "$orig" in *.asc) continue ;; esac
        if [ "$(sha256sum < "$orig" | cut -d' ' -f1)" = "$sha" ]; then
          found=$orig
        else
          log "$(basename "$orig"): sha256 $(sha256sum < "$orig" | cut -d' ' -f1)"
        fi
      done
      [ -n "$found" ] ||
        die "no .orig tarball of Debian's $pkg has the manifest's sha256 $sha for $url"
      log "$(basename "$found") is byte-identical to $url"
      mv "$found" "$src"
      rm -rf "$tmp"
    fi
    mkdir -p "$state/downloads/$sha"
    ln -f "$src" "$state/downloads/$sha/$name" 2>/dev/null ||
      cp "$src" "$state/downloads/$sha/$name"
  done < <(manifest_archives "$repo/$manifest_name")
}

# Copy the checkout's tracked and untracked-but-not-ignored files: what a clean clone would
# build, without anybody's build directories.
copy_checkout() {
  local dest=$1
  rm -rf "$dest"
  mkdir -p "$dest"
  if git -C "$repo" rev-parse --show-toplevel >/dev/null 2>&1; then
    git -C "$repo" ls-files -z --cached --others --exclude-standard |
      (cd "$repo" && xargs -0 sh -c 'for f; do [ -e "$f" ] && printf "%s\0" "$f"; done' sh) |
      tar -C "$repo" --null -T - -cf - | tar -C "$dest" -xf -
  else
    tar -C "$repo" --exclude='./_build*' --exclude=./builddir -cf - . | tar -C "$dest" -xf -
  fi
  cmp "$repo/$manifest_name" "$dest/$manifest_name" || die "manifest copy differs"
}

# Print "pid comm" for process $1 and each of its ancestors.
ancestry() {
  local pid=$1 stat comm
  while [ "$pid" -gt 1 ] 2>/dev/null && read -r stat < "/proc/$pid/stat" 2>/dev/null; do
    comm=${stat#*(}
    printf '%s %s\n' "$pid" "${comm%)*}"
    # Fields after the parenthesised command name: state, ppid, ...
    pid=${stat##*) }
    pid=${pid#* }
    pid=${pid%% *}
  done
}

# Succeeds when process $1 is $2 or a descendant of it (no pipes: safe under pipefail).
descends_from() {
  local pid=$1 stat
  while [ "$pid" -gt 1 ] 2>/dev/null; do
    [ "$pid" = "$2" ] && return 0
    read -r stat < "/proc/$pid/stat" 2>/dev/null || return 1
    pid=${stat##*) }
    pid=${pid#* }
    pid=${pid%% *}
  done
  return 1
}

ensure_host_tools

log "stand-in runtime (cached; about 10 minutes when it has to be made)"
runtime_repo=$(nice -n 10 "$here/build-runtime.sh")

# The private installation lives beside the runtime repository it was filled from, so a new
# stand-in gets a new installation.
export FLATPAK_USER_DIR="$(dirname "$runtime_repo")/installation"
mkdir -p "$FLATPAK_USER_DIR"
flatpak --user remote-add --if-not-exists --no-gpg-verify cpd-standin "file://$runtime_repo"
if ! flatpak --user info org.gnome.Sdk//50 >/dev/null 2>&1 ||
   ! flatpak --user info org.gnome.Platform//50 >/dev/null 2>&1; then
  log "installing the stand-in org.gnome.Platform//50 and org.gnome.Sdk//50"
  flatpak --user install -y --noninteractive cpd-standin \
    org.gnome.Platform//50 org.gnome.Sdk//50 >&2
fi

mkdir -p "$work" "$shot_dir"
work=$(cd "$work" && pwd)
state="$cache/builder-state"
mkdir -p "$state"
seed_sources "$state"

copy_checkout "$work/src"
flatpak --user uninstall -y --noninteractive "$app_id" >/dev/null 2>&1 || true

log "flatpak-builder --disable-download (log: $work/flatpak-builder.log)"
if ! nice -n 10 flatpak-builder --user --install --disable-download --disable-rofiles-fuse \
      --force-clean --state-dir="$state" --repo="$work/repo" \
      "$work/build" "$work/src/$manifest_name" > "$work/flatpak-builder.log" 2>&1; then
  tail -n 40 "$work/flatpak-builder.log" >&2
  die "flatpak-builder failed"
fi
flatpak --user info "$app_id" >/dev/null || die "$app_id is not installed"
log "built and installed $(flatpak --user info --show-ref "$app_id")"

# What the host sees of the app: Flatpak exports a few folders of share/, by the app's ID.
# GNOME Shell finds the search provider there. share/help is never among them, so the host's
# Yelp cannot find help:org.example.CPD: the app brings its help as HTML and shows it itself.
exports="$FLATPAK_USER_DIR/exports/share"
log "exported: $(cd "$exports" && find . \( -type f -o -type l \) -path "*$app_id*" | sed 's|^\./||' | sort | paste -sd' ')"
provider="$exports/gnome-shell/search-providers/$app_id.search-provider.ini"
[ -e "$provider" ] || die "the search provider is not exported ($provider)"
grep -qx "BusName=$app_id" "$provider" || die "the exported search provider names another bus: $(cat "$provider")"
[ ! -e "$exports/help" ] || die "share/help is exported after all: revisit the in-app help"
app_files="$(flatpak --user info --show-location "$app_id")/files"
[ -f "$app_files/share/cpd/help/C/index.html" ] || die "no HTML help in the app ($app_files/share/cpd/help)"

# Run it: private XDG_RUNTIME_DIR and HOME, session bus (the Flatpak portal is activated on
# it for WebKit's sandbox), X server.
export XDG_RUNTIME_DIR="$work/xdg-runtime" HOME="$work/home"
rm -rf "$XDG_RUNTIME_DIR" "$HOME"
mkdir -p -m 700 "$XDG_RUNTIME_DIR" "$HOME"
shot="$shot_dir/flatpak-run.png"
help_shot="$shot_dir/flatpak-help.png"
rm -f "$shot" "$help_shot"
export CPD_SHOT="$shot" CPD_HELP_SHOT="$help_shot" CPD_APP_ID="$app_id"
export CPD_RUN_LOG="$work/flatpak-run.log"
# The help's index page in C, the language the app runs in here.
export LC_ALL=C.UTF-8 CPD_HELP_TITLE="Container Plumbing Days Help"
unset LANGUAGE

# Runs inside the private session bus and X server.
run_app() {
  flatpak run "$CPD_APP_ID" > "$CPD_RUN_LOG" 2>&1 &
  local app=$! window="" webproc="" previous="" current=""
  trap "kill $app 2>/dev/null; wait $app 2>/dev/null || true" EXIT

  # Without a window manager the app's top-level window is a mapped child of the root
  # window; GTK's other X windows are unmapped or tiny.
  local candidate
  for _ in $(seq 120); do
    kill -0 "$app" 2>/dev/null || { cat "$CPD_RUN_LOG" >&2; die "the app exited early"; }
    for candidate in $(xwininfo -root -children | awk '$1 ~ /^0x/ && match($0, / [0-9]+x[0-9]+\+/) {
                         split(substr($0, RSTART + 1, RLENGTH - 2), wh, "x")
                         if (wh[1] >= 200 && wh[2] >= 200) print $1 }'); do
      if xwininfo -id "$candidate" | grep 'Map State: IsViewable' >/dev/null; then
        window=$candidate
        break 2
      fi
    done
    sleep 1
  done
  [ -n "$window" ] || { cat "$CPD_RUN_LOG" >&2; die "no window appeared within 120 s"; }
  log "window: $(xwininfo -id "$window" | sed -n 's/^xwininfo: Window id: //p')"

  # Then wait for the page: a web process of this app must run, and the screen should
  # stop changing. (Other programs' web processes on the machine, e.g. UI tests, are not
  # ours: ours descend from the sandbox that `flatpak run` started.)
  local pid webprocs="" cpd="" settled=0
  for _ in $(seq 90); do
    sleep 2
    if [ -z "$webprocs" ]; then
      for pid in $(pgrep -x WebKitWebProces || true); do
        if descends_from "$pid" "$app"; then
          webprocs="$webprocs $pid"
        fi
      done
      continue
    fi
    current=$(import -window root png:- 2>/dev/null | md5sum)
    [ "$current" != "$previous" ] || break
    previous=$current
    settled=$((settled + 1))
    [ "$settled" -lt 15 ] || break
  done
  if [ -z "$webprocs" ]; then
    cat "$CPD_RUN_LOG" >&2
    die "no WebKitWebProcess: the page was not loaded"
  fi
  for pid in $(pgrep -x cpd || true); do
    if descends_from "$pid" "$app"; then
      cpd=$pid
    fi
  done
  [ -n "$cpd" ] || die "cannot find the app's process"

  # WebKit's sandbox inside Flatpak: the web process is spawned through the Flatpak portal
  # (flatpak-spawn --sandbox) into a sub-sandbox of its own, with its own mount namespace,
  # instead of being forked by the app.
  local portal_child=""
  for pid in $(pgrep -x flatpak-portal || true); do
    if grep -qxzF "XDG_RUNTIME_DIR=$XDG_RUNTIME_DIR" "/proc/$pid/environ" &&
       pgrep -P "$pid" -f WebKitWebProcess >/dev/null; then
      portal_child=$(pgrep -n -P "$pid" -f WebKitWebProcess)
    fi
  done
  [ -n "$portal_child" ] || die "the Flatpak portal spawned no web process: WebKit's sandbox is off"
  for pid in $webprocs; do
    log "web process: $(ancestry "$pid" | awk '{ printf "%s%s", sep, $2; sep = " < " }')"
    [ "$(readlink "/proc/$pid/ns/mnt")" != "$(readlink "/proc/$cpd/ns/mnt")" ] ||
      die "WebKitWebProcess $pid shares the app's mount namespace: not sandboxed"
    if grep -qz '^WEBKIT_DISABLE_SANDBOX' "/proc/$pid/environ"; then
      die "WebKit's sandbox is disabled by the environment"
    fi
  done
  log "web process spawned by flatpak-portal in its own mount namespace:" \
      "$(tr '\0' ' ' < "/proc/$portal_child/cmdline" | cut -c1-70)..."

  import -window root "$CPD_SHOT"
  if ! kill -0 "$app" 2>/dev/null; then
    cat "$CPD_RUN_LOG" >&2
    die "the app exited before the screenshot"
  fi

  # F1, typed into the app's window as a reader would (no window manager: give it the
  # keyboard first). The help window takes its title from the page it shows, so that title
  # appears only once the sandboxed app has loaded its own help.
  local help
  xdotool windowfocus --sync "$window" key F1
  if ! help=$(timeout 60 xdotool search --sync --onlyvisible --name "^$CPD_HELP_TITLE\$" | head -n 1) ||
     [ -z "$help" ]; then
    import -window root "$CPD_HELP_SHOT" || true
    cat "$CPD_RUN_LOG" >&2
    die "F1 showed no window titled \"$CPD_HELP_TITLE\" within 60 s (screen: $CPD_HELP_SHOT)"
  fi
  log "F1: help window \"$(xdotool getwindowname "$help")\" ($(xwininfo -id "$help" | sed -n 's/^  Width: //p')x$(xwininfo -id "$help" | sed -n 's/^  Height: //p'))"
  # The title comes with the page; let WebKit paint it before the screenshot.
  previous="" current=""
  for _ in $(seq 20); do
    current=$(import -window "$help" png:- 2>/dev/null | md5sum)
    [ "$current" != "$previous" ] || break
    previous=$current
    sleep 1
  done
  import -window "$help" "$CPD_HELP_SHOT"
}
export start

log "flatpak run $app_id under Xvfb (log: $CPD_RUN_LOG)"
# xvfb-run is a dash script, which drops exported bash functions: pass them as text.
dbus-run-session -- xvfb-run -a -s '-screen 0 1280x800x24 -nolisten tcp' \
  bash -euo pipefail -c "$(declare -f run_app ancestry descends_from log die); run_app"

# Not blank: an empty Xvfb screen is one colour; a window shows text in many shades.
check_not_blank() {
  local png=$1 colours deviation
  [ -s "$png" ] || die "no screenshot $png"
  read -r colours deviation < <(convert "$png" -format '%k %[fx:standard_deviation]\n' info:)
  log "$(basename "$png"): $colours colours, standard deviation $deviation"
  [ "$colours" -ge 64 ] || die "screenshot $png is blank ($colours colours)"
  awk -v d="$deviation" 'BEGIN { exit !(d > 0.05) }' || die "screenshot $png is nearly uniform"
}
check_not_blank "$shot"
check_not_blank "$help_shot"
log "PASS in $(( $(date +%s) - start )) s; screenshots of the Flatpak-run app: $shot, F1: $help_shot"
echo "Ok: 1"
echo "$shot"
