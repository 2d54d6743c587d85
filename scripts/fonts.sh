#!/usr/bin/env bash
# Reproduces assets/fonts/ byte for byte from the npm registry.
#
# The fonts are Pretendard GOV 1.3.9 (npm package `pretendard-gov`, OFL-1.1),
# copied unmodified: the static OTF Regular and Bold and the licence. They
# are not subset: the OFL reserves the name "Pretendard", so a subset (a
# Modified Version) would have to be renamed, and the full fonts cover every
# Hangul syllable and every Hanja of KS X 1001 (7,138 ideographs in all).
#
# Usage: scripts/fonts.sh [DEST]   (default: assets/fonts; checks the result)
set -euo pipefail
cd "$(dirname "$0")/.."
dest=${1:-assets/fonts}
version=1.3.9
url="https://registry.npmjs.org/pretendard-gov/-/pretendard-gov-${version}.tgz"
tgz_sha256=eed5dc88f4b699bf9543f5c3c77057370f3a541f85f46315b6f2485d2770716c

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "downloading $url"
curl -fsSL "$url" -o "$work/package.tgz"
echo "$tgz_sha256  $work/package.tgz" | sha256sum -c --quiet -
tar -xzf "$work/package.tgz" -C "$work" \
  package/dist/public/static/PretendardGOV-Regular.otf \
  package/dist/public/static/PretendardGOV-Bold.otf \
  package/dist/LICENSE.txt
mkdir -p "$dest"
cp "$work/package/dist/public/static/PretendardGOV-Regular.otf" "$dest/"
cp "$work/package/dist/public/static/PretendardGOV-Bold.otf" "$dest/"
cp "$work/package/dist/LICENSE.txt" "$dest/OFL.txt"
(cd "$dest" && sha256sum -c "$OLDPWD/assets/fonts/SHA256SUMS")
