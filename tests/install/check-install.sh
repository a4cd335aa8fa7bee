#!/usr/bin/env bash
# Installs the build into a temporary prefix and checks what desktops and software centres
# read there: the desktop entry (desktop-file-validate), the AppStream metadata
# (appstreamcli), the icon the entry names and the notification events, all named by the
# application id.
# Usage: check-install.sh BUILD_DIR
set -euo pipefail
build=$1
id=io.github.rewind.Rewind
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
fail() { echo "check-install: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >/dev/null
share=$prefix/share
desktop=$share/applications/$id.desktop
metainfo=$share/metainfo/$id.metainfo.xml
icon=$share/icons/hicolor/scalable/apps/$id.svg
for f in "$prefix/bin/rewind" "$prefix/bin/rewindctl" "$desktop" "$metainfo" "$icon" \
         "$share/knotifications6/rewind.notifyrc"; do
    [ -e "$f" ] || fail "not installed: ${f#"$prefix"/}"
done

grep -qx "Icon=$id" "$desktop" || fail "the desktop entry does not name the icon $id"
grep -qx "Exec=rewind" "$desktop" || fail "the desktop entry does not start the installed rewind"
grep -q "<id>$id</id>" "$metainfo" || fail "the AppStream id is not $id"
grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" \
    || fail "the AppStream metadata does not launch $id.desktop"
grep -q '<svg' "$icon" || fail "the icon is not an SVG image"

said=$(desktop-file-validate "$desktop" 2>&1) || fail "desktop-file-validate: $said"
[ -z "$said" ] || fail "desktop-file-validate: $said"
# Errors and warnings fail; infos (tags newer than this appstream knows) do not.
appstreamcli validate --no-net --no-color "$metainfo" >&2 || fail "appstreamcli rejects $metainfo"
echo "check-install: installed files are complete and valid"
