#!/usr/bin/env bash
# The Fandol fonts (FandolFang, FandolKai, FandolHei, FandolSong: simplified
# Chinese, GB2312 coverage, GPL with the font exception) into fonts/fandol/,
# where fonts/fonts.conf finds them: FandolFang renders 仿宋_GB2312 and
# FandolKai 楷体_GB2312 in PDFs (docs/format.md#fonts).
#
# Debian has no package of their own: they ship inside texlive-lang-chinese.
# This downloads that package with apt-get (no root needed when the package
# lists are there) and takes the .otf files out of it with dpkg-deb, without
# installing TeX. Nothing is done when fontconfig, pointed at fonts.conf,
# already finds both faces (here, or from an installed texlive-lang-chinese).
#
# Usage: scripts/install-fandol-fonts.sh   (Debian or Ubuntu; run from anywhere)
# Elsewhere: put FandolFang-Regular.otf and FandolKai-Regular.otf (CTAN
# package "fandol") into fonts/fandol/ or any font folder.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
conf="$root/fonts/fonts.conf"
dest="$root/fonts/fandol"
package=texlive-lang-chinese
faces=(FandolFang FandolKai)

has_faces() {
  local face
  for face in "${faces[@]}"; do
    [ -n "$(FONTCONFIG_FILE="$conf" fc-list "$face" family 2>/dev/null)" ] || return 1
  done
}

if has_faces; then
  exit 0
fi

for tool in apt-get dpkg-deb fc-list fc-cache; do
  command -v "$tool" >/dev/null || { echo "install-fandol-fonts: $tool not found (Debian or Ubuntu, with fontconfig, needed; or see the comment at the top of this script)" >&2; exit 1; }
done

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# apt downloads as the unprivileged _apt user when run as root: let it write here.
if [ "$(id -u)" -eq 0 ] && id _apt >/dev/null 2>&1; then chown _apt "$work"; fi

download() { (cd "$work" && apt-get download -q "$package" >/dev/null); }
if ! download; then
  # A fresh machine may have no package lists yet.
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q >/dev/null
  download
fi

dpkg-deb -x "$work"/"$package"_*.deb "$work/x"
src="$work/x/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol"
doc="$work/x/usr/share/doc/texlive-doc/fonts/fandol"
mkdir -p "$dest"
cp "$src"/Fandol{Fang,Kai,Hei,Song}-*.otf "$dest"/
cp "$doc"/README "$dest"/README
cp "$doc"/COPYING.gz "$dest"/COPYING.gz
FONTCONFIG_FILE="$conf" fc-cache "$dest" >/dev/null 2>&1 || true

if ! has_faces; then
  echo "install-fandol-fonts: copied to $dest, but fontconfig does not find ${faces[*]} through $conf" >&2
  exit 1
fi
echo "Fandol fonts installed in $dest: $(cd "$dest" && ls ./*.otf | tr '\n' ' ')"
