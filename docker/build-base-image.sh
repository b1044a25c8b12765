#!/usr/bin/env bash
# Assembles the base image `localbase:node` from this machine's own Node, for machines that cannot
# pull from a registry. The image holds only the node binary (as /usr/local/bin/node, where the
# public node images keep it), the dynamic loader and the shared libraries ldd lists, and /tmp.
# It has no shell, so Dockerfiles built on it use COPY and exec-form CMD/ENTRYPOINT only.
#
# Usage: docker/build-base-image.sh [TAG]     (NODE_BIN=/path/to/node to use another binary)
set -euo pipefail

tag="${1:-localbase:node}"
node_bin="$(readlink -f "${NODE_BIN:-/usr/bin/node}")"
command -v docker >/dev/null || { echo "build-base-image: no docker client on PATH" >&2; exit 1; }
[ -x "$node_bin" ] || { echo "build-base-image: no node binary at ${NODE_BIN:-/usr/bin/node}" >&2; exit 1; }

root="$(mktemp -d)"
trap 'rm -rf "$root"' EXIT

install -D -m 0755 "$node_bin" "$root/usr/local/bin/node"
# ldd prints "libx.so => /path (addr)" and "/lib64/ld-linux-x86-64.so.2 (addr)": keep every path,
# copying the real file under the name the binary asks for.
for lib in $(ldd "$node_bin" | grep -o '/[^ ]*'); do
  install -D -m 0755 "$(readlink -f "$lib")" "$root$lib"
done
mkdir -p "$root/tmp" && chmod 1777 "$root/tmp"

tar -C "$root" --owner=0 --group=0 -cf - . |
  docker import \
    --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' \
    --change 'CMD ["/usr/local/bin/node"]' \
    --message "node $("$node_bin" --version) from $node_bin" \
    - "$tag" >/dev/null

echo "build-base-image: $tag ($("$node_bin" --version), $(docker image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.0f MB", $1/1e6}'))"
