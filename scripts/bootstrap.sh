#!/usr/bin/env bash
# Installs what the tests and the `blob` command need into .tools/ (idempotent):
#   .tools/native/libckzg.so  c-kzg-4844 + blst, built from the c-kzg@4.1.0 npm tarball's sources
#   .tools/bin/anvil, cast     Foundry binaries from the @foundry-rs npm packages
# Every tarball is checked against its pinned sha512 before use.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools="$root/.tools"
cache="$tools/cache"
mkdir -p "$cache" "$tools/bin" "$tools/native"

declare -A integrity=(
  [c-kzg@4.1.0]="eliOBB2GKoT5Nk4LwN418O8kWfXCwepHj3kd6z0zKrzIdJbry0Y8IDPYzE5Dxw/fs386PGO6zQRqy8LSVtR5tQ=="
  [@foundry-rs/anvil-linux-amd64@1.7.1]="+XmShybEaxfCrr0OUUZwYEy2OnYZt5pHH9TzBtLv3+VrK0O/ANuNSVEahqNhKHlgX7GRJ59383ofNhxkRWIYTg=="
  [@foundry-rs/cast-linux-amd64@1.7.1]="XUpTM2rwtkF8BJ02dae38NNZAx5QfycWRpdR2RmSgOJnasvXuvN58whDVLjQu8IDHEV/fCNIa49aE8V74pmDwQ=="
)

# fetch SPEC -> prints the path of the verified tarball
fetch() {
  local spec=$1 file
  file="$cache/$(echo "$spec" | sed 's|^@||; s|/|-|; s|@\([0-9]\)|-\1|').tgz"
  if [[ ! -f $file ]]; then
    (cd "$cache" && npm pack --silent "$spec" >/dev/null)
  fi
  local got
  got=$(openssl dgst -sha512 -binary "$file" | base64 -w0)
  if [[ $got != "${integrity[$spec]}" ]]; then
    echo "bootstrap: integrity mismatch for $spec ($file)" >&2
    rm -f "$file"
    exit 1
  fi
  echo "$file"
}

# Foundry binaries.
for tool in anvil cast; do
  if [[ ! -x $tools/bin/$tool ]]; then
    tgz=$(fetch "@foundry-rs/$tool-linux-amd64@1.7.1")
    tar -xzf "$tgz" -C "$cache" package/bin/$tool
    mv "$cache/package/bin/$tool" "$tools/bin/$tool"
    chmod +x "$tools/bin/$tool"
  fi
done

# c-kzg native library.
shopt -s nullglob
shims=("$root"/src/Blobs.Kzg.Native/native/*.c)
stamp="$tools/native/.stamp"
want_stamp="c-kzg@4.1.0 $(cat /dev/null "${shims[@]}" | sha256sum | cut -c1-16)"
if [[ ! -f $tools/native/libckzg.so || ! -f $stamp || $(cat "$stamp") != "$want_stamp" ]]; then
  tgz=$(fetch "c-kzg@4.1.0")
  src="$cache/c-kzg-4.1.0"
  rm -rf "$src" && mkdir -p "$src"
  tar -xzf "$tgz" -C "$src"
  pkg="$src/package"
  # A shim that #includes ckzg.c (to reach c-kzg's internal functions) replaces ckzg.c in the build.
  ckzg=("$pkg/deps/c-kzg/ckzg.c")
  if (( ${#shims[@]} )) && grep -qE '^#include[[:space:]]+"ckzg\.c"' "${shims[@]}"; then ckzg=(); fi
  gcc -O2 -fPIC -shared \
    -I "$pkg/deps/blst/bindings" -I "$pkg/deps/c-kzg" \
    "$pkg/deps/blst/src/server.c" "$pkg/deps/blst/build/assembly.S" "${ckzg[@]}" \
    "${shims[@]}" \
    -o "$tools/native/libckzg.so"
  echo "$want_stamp" > "$stamp"
fi

"$tools/bin/anvil" --version | head -1 >&2
echo "bootstrap: .tools ready (anvil, cast, libckzg.so)" >&2
