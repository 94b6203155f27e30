"""Build the app's Japanese fonts from Noto Sans CJK JP (SIL OFL 1.1), as platform.md prescribes.

Why not ship Noto as is: with stock CJK fonts Qt's PDF writer maps 日, 文, 大 … to the look-alike Kangxi
radicals (U+2F00–U+2FDF), so text copied out of a PDF reads ⽇本語. Removing U+2E80–U+2FDF from the cmap
fixes the text layer; dropping the GSUB table keeps digits there too (glyph substitutions such as
Noto's contextual digit forms have no reverse mapping in Qt's PDF writer). The family is renamed ("GPU Planner Sans JP": the OFL asks derivatives not to
use the original names) and subset to ASCII, Latin-1, general punctuation/symbols and the cp932
(Shift_JIS / Windows-31J) repertoire, ~7,500 kanji and kana, which keeps each weight near 4.5 MB.

    pip install fonttools noto-cjk-sans-jp-regular noto-cjk-sans-jp-bold
    python3 packaging/make_fonts.py        # writes resources/fonts/GPUPlannerSansJP-{Regular,Bold}.otf

An empty, zero-width glyph is added for U+2060, U+200B and U+FEFF (see add_joiners).
"""

from __future__ import annotations

import importlib
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

OUT = Path(__file__).resolve().parent.parent / "resources" / "fonts"
FAMILY = "GPU Planner Sans JP"
RADICALS = range(0x2E80, 0x2FE0)  # CJK Radicals Supplement + Kangxi Radicals


def repertoire() -> set[int]:
    cps = set(range(0x20, 0x7F)) | set(range(0xA0, 0x180))
    cps |= set(range(0x2000, 0x2070)) | set(range(0x2190, 0x2200)) | set(range(0x2200, 0x2300))
    cps |= set(range(0x2460, 0x24FF)) | set(range(0x25A0, 0x2600)) | set(range(0x2600, 0x2700)) | {0x2713, 0x2717}
    cps |= set(range(0x3000, 0x3100)) | set(range(0xFF00, 0xFFF0))
    for b1 in list(range(0x81, 0xA0)) + list(range(0xE0, 0xFD)):
        for b2 in list(range(0x40, 0x7F)) + list(range(0x80, 0xFD)):
            try:
                cps.add(ord(bytes([b1, b2]).decode("cp932")))
            except UnicodeDecodeError:
                pass
    return {c for c in cps if c not in RADICALS}


def build(weight: str) -> Path:
    mod = importlib.import_module(f"noto_cjk_sans_jp_{weight.lower()}")
    src = next(Path(mod.__file__).parent.glob("*.otf"))
    font = TTFont(str(src))
    opts = subset.Options()
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    # No GSUB substitutions: Qt's PDF text layer cannot map a substituted glyph back to its character
    # (Noto CJK substitutes some digits in context, and "123" vanished from pdftotext); keep kerning.
    opts.layout_features = ["kern"]
    opts.drop_tables += ["GSUB"]
    opts.notdef_outline = True
    opts.hinting = False
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=sorted(repertoire()))
    sub.subset(font)
    for table in font["cmap"].tables:  # belt and braces: no radical code points at all
        for cp in list(table.cmap):
            if cp in RADICALS:
                del table.cmap[cp]
    ps = f"GPUPlannerSansJP-{weight}"
    for rec in font["name"].names:
        if rec.nameID in (1, 16):
            rec.string = FAMILY
        elif rec.nameID in (2, 17):
            rec.string = weight
        elif rec.nameID == 4:
            rec.string = f"{FAMILY} {weight}"
        elif rec.nameID == 6:
            rec.string = ps
        elif rec.nameID == 3:
            rec.string = f"{ps};derived from Noto Sans CJK JP"
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [ps]
        top = cff.topDictIndex[0]
        top.FullName, top.FamilyName = f"{FAMILY} {weight}", FAMILY
    add_joiners(font)
    OUT.mkdir(parents=True, exist_ok=True)
    out = OUT / f"{ps}.otf"
    font.save(str(out))
    return out


JOINERS = (0x2060, 0x200B, 0xFEFF)  # WORD JOINER, ZERO WIDTH SPACE, ZERO WIDTH NO-BREAK SPACE
JOINER_GLYPH = "cid65000"


def add_joiners(font: TTFont) -> None:
    """Map the zero-width format characters to an empty glyph with no advance. Noto CJK has none, so
    Qt drew the word joiners the report puts in Japanese words (app.present.html.keep_words) with a
    fallback font, which the PDF then embedded (DejaVu here, whatever the system has elsewhere)."""
    from fontTools.misc.psCharStrings import T2CharString

    order = list(font.getGlyphOrder())
    if JOINER_GLYPH in order:
        return
    cff = font["CFF "].cff
    top = cff.topDictIndex[0]
    cs = top.CharStrings
    cs.charStringsIndex.append(T2CharString(program=["endchar"], private=top.FDArray[0].Private, globalSubrs=cff.GlobalSubrs))
    cs.charStrings[JOINER_GLYPH] = len(cs.charStringsIndex) - 1
    if top.charset[-1] != JOINER_GLYPH:  # the charset may be the glyph order itself
        top.charset.append(JOINER_GLYPH)
    top.FDSelect.gidArray.append(0)
    font.setGlyphOrder([*order, JOINER_GLYPH])
    font["hmtx"].metrics[JOINER_GLYPH] = (0, 0)
    if "vmtx" in font:
        font["vmtx"].metrics[JOINER_GLYPH] = (0, 0)
    font["maxp"].numGlyphs = len(order) + 1
    for table in font["cmap"].tables:
        if table.isUnicode():
            for cp in JOINERS:
                table.cmap[cp] = JOINER_GLYPH


def add_joiners_to_shipped() -> None:
    """The step alone, on the fonts in resources/fonts (what this checkout did: no Noto download)."""
    for w in ("Regular", "Bold"):
        path = OUT / f"GPUPlannerSansJP-{w}.otf"
        font = TTFont(str(path))
        add_joiners(font)
        font.save(str(path))


if __name__ == "__main__":
    import sys

    if sys.argv[1:] == ["--joiners-only"]:
        add_joiners_to_shipped()
        raise SystemExit(0)
    for w in ("Regular", "Bold"):
        p = build(w)
        print(f"{p} {p.stat().st_size / 1e6:.1f} MB")
