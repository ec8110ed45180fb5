#!/usr/bin/env python3
"""Builds the Han tables the judge redaction reads (src/Awards.Core/Anonymization/Data/).

Input: the Unihan database, Unihan_Readings.txt and Unihan_Variants.txt, from Debian's
unicode-data package (/usr/share/unicode/, bzip2-compressed) or an unzipped Unihan.zip:

    apt-get download unicode-data && dpkg-deb -x unicode-data_*.deb /tmp/ud
    python3 scripts/unihan/generate.py /tmp/ud/usr/share/unicode

Output, for the CJK Unified Ideographs block U+4E00-U+9FFF only (names and units are written
with these; the extensions would triple the size for characters no register uses):

  pinyin.txt.gz       one line per character: the character, a tab, its readings without tones,
                      space-separated, the usual one first (kMandarin, then the modern
                      dictionaries kTGHZ2013 and kXHC1983; kHanyuPinyin only for characters
                      none of those read). u-umlaut is written v (lv, nve).
  traditional.txt.gz  one line per traditional character that has exactly one simplified form,
                      another single character of the basic plane: the traditional character,
                      a tab, the simplified one.

Both are gzip-compressed with a fixed timestamp, so running the script again gives the same bytes.
"""

import bz2
import gzip
import io
import os
import sys
import unicodedata

FIRST, LAST = 0x4E00, 0x9FFF


def open_field_file(folder, name):
    plain = os.path.join(folder, name)
    if os.path.exists(plain):
        return open(plain, encoding="utf-8")
    return io.TextIOWrapper(bz2.open(plain + ".bz2"), encoding="utf-8")


def fields(folder, name, wanted):
    with open_field_file(folder, name) as lines:
        for line in lines:
            if line.startswith("#") or not line.strip():
                continue
            code, field, value = line.rstrip("\n").split("\t", 2)
            if field in wanted:
                yield int(code[2:], 16), field, value


def toneless(reading):
    reading = reading.replace("ü", "v").replace("Ü", "v")
    # ǖ ǘ ǚ ǜ decompose to u + diaeresis + tone mark: keep the diaeresis as v.
    decomposed = unicodedata.normalize("NFD", reading)
    out = []
    for i, c in enumerate(decomposed):
        if c == "\u0308":
            out[-1] = "v"
        elif not unicodedata.combining(c):
            out.append(c)
    plain = "".join(out).lower()
    if not plain.isascii() or not plain.isalpha():
        raise ValueError(reading)
    return plain


def readings_by_char(folder):
    order = ["kMandarin", "kTGHZ2013", "kXHC1983", "kHanyuPinyin"]
    found = {}
    for code, field, value in fields(folder, "Unihan_Readings.txt", set(order)):
        if not FIRST <= code <= LAST:
            continue
        values = []
        for entry in value.split(" "):
            # kTGHZ2013, kXHC1983 and kHanyuPinyin are location:reading[,reading...]
            values.extend(entry.split(":", 1)[-1].split(","))
        found.setdefault(code, {})[field] = [toneless(v) for v in values if v]

    table = {}
    for code, by_field in found.items():
        readings = []
        modern = [f for f in order[:3] if f in by_field]
        for field in modern or order[3:]:
            for r in by_field.get(field, []):
                if r not in readings:
                    readings.append(r)
        if readings:
            table[code] = readings
    return table


def simplified_by_traditional(folder):
    table = {}
    for code, _, value in fields(folder, "Unihan_Variants.txt", {"kSimplifiedVariant"}):
        targets = [int(v[2:], 16) for v in value.split(" ")]
        # One to one only: a character that is also its own simplified form (乾 of 乾坤, 干 of 乾燥)
        # or has two simplified forms stays as it is.
        if len(targets) == 1 and targets[0] != code and FIRST <= code <= LAST and targets[0] <= 0xFFFF:
            table[code] = targets[0]
    return table


def write(path, lines):
    data = "".join(line + "\n" for line in lines).encode("utf-8")
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as packed:
            packed.write(data)
    print(f"{path}: {len(lines)} lines, {len(data)} bytes, {os.path.getsize(path)} gzipped")


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode"
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "Awards.Core", "Anonymization", "Data")
    out = os.path.normpath(out)
    os.makedirs(out, exist_ok=True)
    readings = readings_by_char(folder)
    write(os.path.join(out, "pinyin.txt.gz"), [chr(c) + "\t" + " ".join(r) for c, r in sorted(readings.items())])
    variants = simplified_by_traditional(folder)
    write(os.path.join(out, "traditional.txt.gz"), [chr(t) + "\t" + chr(s) for t, s in sorted(variants.items())])


if __name__ == "__main__":
    main()
