#!/usr/bin/env bash
# Packs the `blob` command as a .NET tool (package Blobs.Cli), installs it from that package into a tool path
# and runs `<tool path>/blob --help` as a check.
#   bash scripts/pack-tool.sh [TOOL_PATH]      default TOOL_PATH: .tools/dotnet-tool
# The package is written to artifacts/package/. Each run packs a fresh local version (0.1.0-local.<unix time>, or
# $BLOBS_TOOL_VERSION) so that NuGet's cache never hands back an older build.
# Outside the repository the installed tool finds anvil on PATH or in $BLOBS_TOOLS_DIR/bin, and libckzg.so (the native
# KZG backend) at $BLOBS_CKZG_PATH or $BLOBS_TOOLS_DIR/native/libckzg.so.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tool_path=$(realpath -m "${1:-$root/.tools/dotnet-tool}")
package_dir="$root/artifacts/package"
version=${BLOBS_TOOL_VERSION:-0.1.0-local.$(date +%s)}
mkdir -p "$package_dir" "$tool_path"

dotnet pack "$root/src/Blobs.Cli" -c Release -nologo -v q -clp:'ErrorsOnly;NoSummary' -o "$package_dir" -p:Version="$version" >&2
echo "pack-tool: $package_dir/Blobs.Cli.$version.nupkg" >&2

dotnet tool uninstall Blobs.Cli --tool-path "$tool_path" >/dev/null 2>&1 || true
dotnet tool install Blobs.Cli --tool-path "$tool_path" --add-source "$package_dir" --version "$version" --ignore-failed-sources >&2
"$tool_path/blob" --help >/dev/null
echo "pack-tool: installed $version; run $tool_path/blob" >&2
echo "$tool_path/blob"
