#!/usr/bin/env bash
# build-runtime.sh — make (once) a stand-in for org.gnome.Platform//50 and org.gnome.Sdk//50
# from Debian 13 packages, and print the path of the OSTree repository that holds both.
#
# The real GNOME runtime cannot be downloaded on these machines, so the offline Flatpak build
# test (offline-build-test.sh) builds the unchanged manifest against this stand-in instead.
# The platform is a Debian 13 tree made by mmdebstrap from platform-packages.txt; the SDK is
# the same plus sdk-packages.txt. Both are exported with `flatpak build-export --runtime`.
#
# The repository is cached outside the work tree (/var/cache/cpd-flatpak-runtime, or
# $CPD_FLATPAK_CACHE) under a name that hashes the inputs (this script, the package lists,
# suite and mirror), so editing any of them builds a new one; older ones are removed.
# A fresh build takes about 10 minutes and 3 GB while it runs.
#
# Needs root (mmdebstrap --mode=root), mmdebstrap and flatpak on the host (installed with
# apt-get when missing). Environment: CPD_ENV_MIRROR overrides the Debian mirror.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
suite=trixie
branch=50
mirror=${CPD_ENV_MIRROR:-http://deb.debian.org/debian}
cache=${CPD_FLATPAK_CACHE:-/var/cache/cpd-flatpak-runtime}
arch=$(uname -m)

log() { printf 'build-runtime: %s\n' "$*" >&2; }
die() { log "$*"; exit 1; }

[ "$(id -u)" = 0 ] || die "needs root (mmdebstrap --mode=root)"

package_list() { sed -e 's/#.*//' -e 's/[[:space:]]//g' "$@" | grep -v '^$' | sort -u; }

hash=$( (echo "$suite $mirror $arch $branch"; cat "${BASH_SOURCE[0]}";
         echo platform; package_list "$here/platform-packages.txt";
         echo sdk; package_list "$here/sdk-packages.txt") | sha256sum | cut -c1-16)
result="$cache/runtime-$hash"

ensure_host_tools() {
  local missing=()
  command -v mmdebstrap >/dev/null 2>&1 || missing+=(mmdebstrap)
  command -v flatpak >/dev/null 2>&1 || missing+=(flatpak)
  [ -e /usr/share/keyrings/debian-archive-keyring.gpg ] || missing+=(debian-archive-keyring)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing on the host: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" >&2
  fi
}

# debootstrap a Debian tree into $2 from the packages in the lists $3...; $1 names it in logs.
# Downloaded .debs are kept in $work/debs so the second tree costs no downloads.
make_tree() {
  local name=$1 dir=$2; shift 2
  local include
  include=$(package_list "$@" | paste -sd, -)
  log "mmdebstrap: $name (about 5 minutes)"
  mkdir -p "$work/debs"
  mmdebstrap --variant=essential --mode=root --components=main \
    --keyring=/usr/share/keyrings/debian-archive-keyring.gpg \
    --include="$include" \
    --skip=essential/unlink \
    --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' \
    --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/info/*' \
    --setup-hook='mkdir -p "$1"/var/cache/apt/archives/' \
    --setup-hook="sync-in $work/debs /var/cache/apt/archives/" \
    --customize-hook="sync-out /var/cache/apt/archives $work/debs" \
    "$suite" "$dir" "$mirror" >&2
}

# Turn the Debian tree $2 into a runtime build directory $3 (metadata + usr) named $1.
make_runtime_dir() {
  local name=$1 tree=$2 out=$3
  mkdir -p "$out"
  mv "$tree/usr" "$out/usr"
  # A runtime is only /usr; flatpak shows its etc/ as /etc.
  mv "$tree/etc" "$out/usr/etc"
  rm -rf "$tree"
  local files="$out/usr"

  # flatpak runs `ldconfig` from the runtime's bin/ at start; Debian keeps it in sbin.
  [ -e "$files/bin/ldconfig" ] || ln -s ../sbin/ldconfig "$files/bin/ldconfig"

  # Debian keeps flatpak-spawn (and the portal-backed xdg-open) out of PATH; the real runtime
  # has them in bin/, where WebKit looks for flatpak-spawn to sandbox its web processes.
  local tool
  for tool in "$files"/libexec/flatpak-xdg-utils/*; do
    [ -e "$tool" ] || continue
    [ -e "$files/bin/$(basename "$tool")" ] ||
      ln -s "../libexec/flatpak-xdg-utils/$(basename "$tool")" "$files/bin/$(basename "$tool")"
  done

  # flatpak writes the app's and extensions' library paths to /run/flatpak/ld.so.conf.d and
  # expects the runtime to include them (ldconfig does not follow nested includes reliably).
  cat > "$files/etc/ld.so.conf" <<'EOF'
include /run/flatpak/ld.so.conf.d/app-*.conf
include /app/etc/ld.so.conf
/app/lib
include /etc/ld.so.conf.d/*.conf
include /run/flatpak/ld.so.conf.d/runtime-*.conf
EOF

  # Debian's meson picks libdir lib64 for prefix /app when /usr/lib64 is a real directory
  # (and lib/<triplet> only with dpkg-architecture). The GNOME SDK installs /app's libraries
  # in /app/lib, where ld.so.conf and PKG_CONFIG_PATH look: make lib64 an alias of the
  # triplet directory (it only holds the dynamic loader, which lives there too).
  if [ -d "$files/lib64" ] && [ ! -L "$files/lib64" ]; then
    local f
    for f in "$files"/lib64/*; do
      [ -e "$f" ] || [ -L "$f" ] || continue
      [ -e "$files/lib/$(uname -m)-linux-gnu/$(basename "$f")" ] ||
        die "$name: $f has no twin in lib/$(uname -m)-linux-gnu"
    done
    rm -rf "$files/lib64"
    ln -s "lib/$(uname -m)-linux-gnu" "$files/lib64"
  fi

  # The stand-in must not hide a missing module of the manifest.
  if find "$files" -name 'libcmark*' -o -name 'libical*' | grep -q .; then
    die "$name contains cmark or libical, which the manifest has to build itself"
  fi

  local sdk_env=""
  if [ "$name" = org.gnome.Sdk ]; then
    sdk_env='PKG_CONFIG_PATH=/app/lib/pkgconfig:/app/share/pkgconfig'
  fi
  cat > "$out/metadata" <<EOF
[Runtime]
name=$name
runtime=org.gnome.Platform/$arch/$branch
sdk=org.gnome.Sdk/$arch/$branch

[Environment]
$sdk_env
EOF
}

export_runtime() {
  local dir=$1
  log "exporting $(sed -n 's/^name=//p' "$dir/metadata")//$branch (about a minute)"
  flatpak build-export --runtime --files=usr --disable-fsync --no-update-summary \
    --subject="Debian $suite stand-in" "$work/repo" "$dir" "$branch" >&2
}

mkdir -p "$cache"
exec 9>"$cache/runtime.lock"
flock 9
if [ ! -d "$result/repo" ]; then
  ensure_host_tools
  work="$result.tmp.$$"
  rm -rf "$work"
  mkdir -p "$work"
  trap 'rm -rf "$work"' EXIT
  make_tree org.gnome.Sdk "$work/sdk-tree" "$here/platform-packages.txt" "$here/sdk-packages.txt"
  make_runtime_dir org.gnome.Sdk "$work/sdk-tree" "$work/sdk"
  export_runtime "$work/sdk"
  rm -rf "$work/sdk"
  make_tree org.gnome.Platform "$work/platform-tree" "$here/platform-packages.txt"
  make_runtime_dir org.gnome.Platform "$work/platform-tree" "$work/platform"
  export_runtime "$work/platform"
  rm -rf "$work/platform" "$work/debs"
  flatpak build-update-repo "$work/repo" >&2
  mkdir -p "$result"
  mv "$work/repo" "$result/repo"
  rm -rf "$work"
  trap - EXIT
  # Stand-ins of other inputs are of no further use.
  find "$cache" -mindepth 1 -maxdepth 1 -name 'runtime-*' ! -name "runtime-$hash" \
    -exec rm -rf {} + 2>/dev/null || true
  log "stand-in runtime ready in $result/repo"
fi
flock -u 9
echo "$result/repo"
