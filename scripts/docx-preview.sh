#!/usr/bin/env bash
# Converts a DOCX brief with LibreOffice and renders each page as a PNG, to
# look at the DOCX the way a colleague's Word shows it (page by page, beside
# the PDF brief's pages).
#   scripts/docx-preview.sh out/2025-Q2/brief-2025-Q2-ko.docx [OUTDIR] [DPI]
# Needs libreoffice (apt-get install libreoffice-writer) and pdftoppm
# (poppler-utils). Not part of `cargo test`: LibreOffice is too heavy for CI.
set -euo pipefail
docx=${1:?usage: $0 FILE.docx [OUTDIR] [DPI]}
outdir=${2:-$(dirname "$docx")/preview}
dpi=${3:-60}
command -v libreoffice >/dev/null || { echo "libreoffice is not installed (apt-get install libreoffice-writer)" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm is not installed (apt-get install poppler-utils)" >&2; exit 1; }
mkdir -p "$outdir"
name=$(basename "$docx" .docx)
# A private profile, so a running LibreOffice does not swallow the job.
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
# The brief's own Korean faces (assets/fonts/) join the system's, so a machine
# without Korean fonts shows Hangul where Word would use 맑은 고딕, not boxes.
fonts=$(cd "$(dirname "$0")/../assets/fonts" && pwd)
cat > "$profile/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>$fonts</dir>
  <cachedir>$profile/fontcache</cachedir>
</fontconfig>
CONF
export FONTCONFIG_FILE="$profile/fonts.conf"
libreoffice -env:UserInstallation="file://$profile" --headless \
  --convert-to pdf --outdir "$outdir" "$docx" >/dev/null
pdftoppm -png -r "$dpi" "$outdir/$name.pdf" "$outdir/$name-docx-page"
pdf=${docx%.docx}.pdf
if [ -f "$pdf" ]; then
  pdftoppm -png -r "$dpi" "$pdf" "$outdir/$name-pdf-page"
fi
echo "pages of the DOCX (via LibreOffice) and of the PDF brief in $outdir:"
ls "$outdir" | grep -E "$name-(docx|pdf)-page" | sed 's/^/  /'
