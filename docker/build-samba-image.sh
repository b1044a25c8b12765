#!/usr/bin/env bash
# Assembles the Samba image from this machine's own Samba AD DC, as build-base-image.sh assembles
# localbase:node: no registry, no package download. The image is the mock image (node and the compiled
# mock code, whose `samba-onpremises` / `samba-online` services run Samba's DC behind the admin API)
# plus every file of the installed Debian packages Samba's AD DC needs, and their dependencies as
# dpkg lists them (samba-tool's Python included; manuals and translations left out).
#
# Usage: docker/build-samba-image.sh MOCK_IMAGE TAG
set -euo pipefail

mock_image="${1:?usage: build-samba-image.sh MOCK_IMAGE TAG}"
tag="${2:?usage: build-samba-image.sh MOCK_IMAGE TAG}"
packages=(samba samba-ad-dc samba-ad-provision samba-dsdb-modules)
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
    { echo "build-samba-image: package $p is not installed (node scripts/system-tools.js installs it)" >&2; exit 1; }
done

context="$(mktemp -d)"
trap 'rm -rf "$context"' EXIT

# The installed dependency closure, without recommends or suggests.
closure="$(apt-cache depends --recurse --installed --no-recommends --no-suggests --no-conflicts \
  --no-breaks --no-replaces --no-enhances "${packages[@]}" 2>/dev/null | grep -v '^ ' | grep -v '^<' | sort -u)"
# Their regular files and symbolic links, each under its real directory (/bin/kill is /usr/bin/kill on
# a merged-/usr system: the image keeps its own /bin and /lib), every parent directory listed first so
# the image's extraction creates them; no manuals, translations or info pages.
for p in $closure; do dpkg -L "$p" 2>/dev/null || true; done | sort -u |
  grep -Ev '^/usr/share/(man|locale|info|lintian)/' |
  while read -r f; do
    if [ -L "$f" ] || [ -f "$f" ]; then echo "$(readlink -f "$(dirname "$f")")/$(basename "$f")"
    elif [ -d "$f" ]; then echo "$(readlink -f "$f")/."; fi
  done | sort -u >"$context/real-files"
# Every directory on the way (empty ones too: Samba stats its ldb module directories).
awk -F/ '{ path = ""; for (i = 2; i < NF; i++) { path = path "/" $i; print path } }' "$context/real-files" |
  sort -u | sed 's|^/||' >"$context/files"
grep -v '/\.$' "$context/real-files" | sed 's|^/||' >>"$context/files"

# Account and library look-ups the DC makes: root only, files only, this machine's loader cache.
mkdir -p "$context/etc-root/etc"
echo 'root:x:0:0:root:/root:/usr/sbin/nologin' >"$context/etc-root/etc/passwd"
echo 'root:x:0:' >"$context/etc-root/etc/group"
printf 'passwd: files\ngroup: files\nhosts: files\n' >"$context/etc-root/etc/nsswitch.conf"
printf '127.0.0.1 localhost\n' >"$context/etc-root/etc/hosts"
cp /etc/ld.so.cache "$context/etc-root/etc/ld.so.cache"

tar -C / --owner=0 --group=0 --no-recursion -cf "$context/samba-root.tar" -T "$context/files"
tar -C "$context/etc-root" --owner=0 --group=0 -rf "$context/samba-root.tar" etc
rm -rf "$context/etc-root" "$context/files" "$context/real-files"

cat >"$context/Dockerfile" <<DOCKERFILE
FROM ${mock_image}
LABEL lync-harness.samba="$(/usr/sbin/samba --version)"
ADD samba-root.tar /
DOCKERFILE
docker build -q -t "$tag" "$context" >/dev/null
echo "build-samba-image: $tag ($(/usr/sbin/samba --version), $(docker image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1/1e6}'))"
