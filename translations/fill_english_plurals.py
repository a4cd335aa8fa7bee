#!/usr/bin/env python3
"""Fills the English plural forms in rewind_en.ts (written by lupdate -pluralonly).

Sources are written as tr("%n point(s) ...", nullptr, n); English needs "1 point ..."
and "2 points ...". Forms are derived from the source text: "x(s)" -> "x" / "xs", plus
a few verb agreements listed below. Forms a translator already finished are kept.
"""
import re
import sys
import xml.etree.ElementTree as ET

SINGULAR_FIXES = [("do not match", "does not match"), ("Every %n days", "Every day"),
                  ("Every %n hours", "Every hour"), ("Every %n minutes", "Every minute")]


def forms(source):
    singular = re.sub(r"\(s\)", "", source)
    plural = re.sub(r"\(s\)", "s", source)
    for old, new in SINGULAR_FIXES:
        singular = singular.replace(old, new)
    return singular, plural


def main(path):
    tree = ET.parse(path)
    changed = 0
    for message in tree.getroot().iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source")
        translation = message.find("translation")
        if translation is None or translation.get("type") not in ("unfinished", None):
            continue
        if translation.get("type") is None and all((f.text or "") for f in translation.findall("numerusform")):
            continue
        for f in list(translation):
            translation.remove(f)
        for text in forms(source):
            f = ET.SubElement(translation, "numerusform")
            f.text = text
        translation.attrib.pop("type", None)
        changed += 1
    if changed:
        tree.write(path, encoding="utf-8", xml_declaration=True)
        with open(path, "r+", encoding="utf-8") as fh:  # lupdate's doctype, for linguist
            text = fh.read().replace("<?xml version='1.0' encoding='utf-8'?>",
                                     '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
            fh.seek(0)
            fh.write(text)
            fh.truncate()
    print(f"fill_english_plurals: {changed} message(s) filled in {path}")


if __name__ == "__main__":
    main(sys.argv[1])
