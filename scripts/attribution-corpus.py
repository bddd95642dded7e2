#!/usr/bin/env python3
"""The attribution gold corpus's article files (tests/data/attribution/), rebuilt from the vendored
Wikinews text (tests/data/wikinews-ar.txt), and the checks that keep them honest.

  python3 scripts/attribution-corpus.py build   # (re)write NN-section.txt, NN-section.diacritised.txt, index.tsv
  python3 scripts/attribution-corpus.py split   # (re)write split.toml (seeded, balanced by length)
  python3 scripts/attribution-corpus.py check   # files == source, plain == diacritised minus harakat, split covers all
  python3 scripts/attribution-corpus.py map NN-section.txt [START END]
        # the plain -> diacritised code-point map; with START END, the diacritised span of a plain span
  python3 scripts/attribution-corpus.py project FILE.isnad.json
        # an annotation file of a plain article moved onto its diacritised twin (to stdout)

Article boundaries (see tests/data/attribution/README.md): `# SECTION` lines open a section; a
headline is a line of at most 110 code points (harakat not counted) that does not end in sentence
punctuation; an article is its headline plus the lines up to the next headline or section. Three
short lines inside the Algerian football report are sub-headings, not headlines (SUBHEADINGS).
"""
import hashlib
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "tests/data/wikinews-ar.txt"
CORPUS = ROOT / "tests/data/attribution"
SPLIT = CORPUS / "split.toml"
INDEX = CORPUS / "index.tsv"

# Harakat removed from the plain files: fathatan … sukun (U+064B–U+0652) and the superscript
# (dagger) alef U+0670. Hamza above/below and maddah (U+0653–U+0655) are not harakat (they change
# the letter) and stay; the source has none of them anyway.
HARAKAT = re.compile("[\u064b-\u0652\u0670]")
HEADLINE_MAX = 110
SENTENCE_END = re.compile(r"[.:!?؟][\"»]?$")
# Source line numbers (1-based) of short unpunctuated lines that are sub-headings of an article.
SUBHEADINGS = {269, 272, 274}
SECTIONS = {
    "ثقافة": "culture",
    "صحة": "health",
    "سياسة": "politics",
    "علوم": "science",
    "رياضة": "sport",
    "فن": "art",
    "اقتصاد": "economy",
}
EXPECTED_ARTICLES = 70
SEED = 20261203
# Articles whose text the existing rules were already written against: tests/cues_quality.rs reads
# source lines 20–45 (tests/data/wikinews-ar-attribution.txt). They always go to `dev`.
SEEN_LINES = range(20, 46)


def plain(text):
    return HARAKAT.sub("", text)


def articles(source_text):
    """[(number, section, first_line, last_line, [diacritised lines])] in source order."""
    out = []
    section = None
    current = None
    for n, raw in enumerate(source_text.split("\n"), 1):
        line = raw.rstrip(" \t\r")
        if not line.strip():
            continue
        if line.startswith("# "):
            name = plain(line[2:]).strip()
            if name not in SECTIONS:
                sys.exit(f"{SOURCE}:{n}: unknown section {name!r}")
            section = SECTIONS[name]
            current = None
            continue
        bare = plain(line).strip()
        headline = (
            len(bare) <= HEADLINE_MAX and not SENTENCE_END.search(bare) and n not in SUBHEADINGS
        )
        if headline:
            if section is None:
                sys.exit(f"{SOURCE}:{n}: headline before any section")
            current = [len(out) + 1, section, n, n, [line]]
            out.append(current)
        elif current is None:
            sys.exit(f"{SOURCE}:{n}: body text before any headline")
        else:
            current[3] = n
            current[4].append(line)
    return out


def stem(number, section):
    return f"{number:02d}-{section}"


def article_texts():
    """{stem: (diacritised text, first line, last line)} rebuilt from the source."""
    found = articles(SOURCE.read_text(encoding="utf-8"))
    if len(found) != EXPECTED_ARTICLES:
        sys.exit(f"{SOURCE}: found {len(found)} articles, expected {EXPECTED_ARTICLES}")
    for number, _, first, last, lines in found:
        if len(lines) < 2:
            sys.exit(f"{SOURCE}:{first}: article {number} has a headline and no body")
    return {stem(n, s): ("\n".join(lines) + "\n", first, last) for n, s, first, last, lines in found}


def build():
    CORPUS.mkdir(parents=True, exist_ok=True)
    rows = ["stem\tsource_lines\tplain_chars\theadline"]
    for name, (text, first, last) in article_texts().items():
        (CORPUS / f"{name}.diacritised.txt").write_text(text, encoding="utf-8")
        (CORPUS / f"{name}.txt").write_text(plain(text), encoding="utf-8")
        headline = plain(text.split("\n", 1)[0])
        rows.append(f"{name}\t{first}-{last}\t{len(plain(text))}\t{headline}")
    INDEX.write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(rows) - 1} articles to {CORPUS.relative_to(ROOT)}")


def split():
    """Pairs articles of neighbouring length; one of each pair goes to dev, the other to test
    (a seeded coin), except that an article the rules were written against always goes to dev."""
    texts = article_texts()
    by_length = sorted(texts, key=lambda s: (len(plain(texts[s][0])), s))
    rng = random.Random(SEED)
    dev, test = [], []
    for i in range(0, len(by_length), 2):
        pair = by_length[i : i + 2]
        rng.shuffle(pair)
        seen = [s for s in pair if seen_by_rules(texts[s])]
        if len(pair) == 1:
            (dev if seen or rng.random() < 0.5 else test).append(pair[0])
        elif len(seen) == 2:
            dev.extend(pair)
        else:
            if seen and seen[0] != pair[0]:
                pair.reverse()
            dev.append(pair[0])
            test.append(pair[1])
    size = lambda names: sum(len(plain(texts[s][0])) for s in names)
    lines = [
        "# The attribution gold corpus's fixed halves, by article (stems of tests/data/attribution/*.txt).",
        "# dev: read it, tune the rules on it, look at its errors. test: never look at its errors while",
        "# changing rules; run it only to report. Written by `scripts/attribution-corpus.py split`:",
        "# articles sorted by length are paired, a coin seeded with `seed` sends one of each pair to each",
        "# half; articles in source lines 20-45 (read when the current rules were written,",
        "# tests/cues_quality.rs) always go to dev.",
        f"seed = {SEED}",
        "",
        "[dev]",
        f"# {len(dev)} articles, {size(dev)} code points",
        "articles = [",
        *[f'  "{s}",' for s in sorted(dev)],
        "]",
        "",
        "[test]",
        f"# {len(test)} articles, {size(test)} code points",
        "articles = [",
        *[f'  "{s}",' for s in sorted(test)],
        "]",
    ]
    SPLIT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"dev {len(dev)} articles / {size(dev)} code points; test {len(test)} / {size(test)}")


def seen_by_rules(entry):
    _, first, last = entry
    return first <= SEEN_LINES[-1] and last >= SEEN_LINES[0]


def read_split():
    halves, current = {}, None
    for line in SPLIT.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if m := re.fullmatch(r"\[(\w+)\]", line):
            current = halves.setdefault(m.group(1), [])
        elif m := re.fullmatch(r'"([^"]+)",?', line):
            if current is None:
                sys.exit(f"{SPLIT}: article {m.group(1)} outside a [half]")
            current.append(m.group(1))
    return halves


def offset_map(diacritised):
    """For each plain code point i, the index of the same letter in the diacritised text, plus a
    final entry for the end of the text: a plain span [s, e) is [m[s], m[e]) there, so a span's
    last letter keeps its harakat."""
    m = [i for i, ch in enumerate(diacritised) if not HARAKAT.match(ch)]
    m.append(len(diacritised))
    return m


def check():
    problems = []
    texts = article_texts()
    for name, (text, _, _) in texts.items():
        dia = CORPUS / f"{name}.diacritised.txt"
        pla = CORPUS / f"{name}.txt"
        if not dia.exists() or dia.read_text(encoding="utf-8") != text:
            problems.append(f"{dia}: differs from the source text (run build)")
            continue
        if not pla.exists() or pla.read_text(encoding="utf-8") != plain(text):
            problems.append(f"{pla}: is not {dia.name} without harakat (run build)")
            continue
        p = plain(text)
        m = offset_map(text)
        if len(m) != len(p) + 1 or any(text[m[i]] != p[i] for i in range(len(p))):
            problems.append(f"{pla}: offset map to {dia.name} is not 1:1")
    extra = {p.name.split(".")[0] for p in CORPUS.glob("*.txt")} - set(texts)
    problems += [f"{CORPUS}/{s}.txt: not an article of the source" for s in sorted(extra)]
    halves = read_split()
    dev, test = halves.get("dev", []), halves.get("test", [])
    for name in sorted(set(texts) - set(dev) - set(test)):
        problems.append(f"{SPLIT}: {name} is in neither half")
    for name in sorted(set(dev) & set(test)):
        problems.append(f"{SPLIT}: {name} is in both halves")
    for name in sorted((set(dev) | set(test)) - set(texts)):
        problems.append(f"{SPLIT}: {name} is not an article")
    for gold in CORPUS.glob("*.isnad.json"):
        if gold.name.split(".")[0] not in texts:
            problems.append(f"{gold}: no article of that name")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    total = sum(len(plain(t)) for t, _, _ in texts.values())
    print(f"ok: {len(texts)} articles, {total} code points plain; dev {len(dev)}, test {len(test)}")


def show_map(path, span):
    pla = Path(path)
    dia = pla.with_name(pla.name.removesuffix(".txt") + ".diacritised.txt")
    text = dia.read_text(encoding="utf-8")
    m = offset_map(text)
    if span:
        s, e = (int(x) for x in span)
        print(f"{m[s]} {m[e]}\t{text[m[s]:m[e]]}")
    else:
        print(" ".join(map(str, m)))


def project(path):
    """Moves every span of an annotation file of a plain article onto the diacritised twin."""
    gold = Path(path)
    stem_ = gold.name.split(".")[0]
    dia_path = gold.with_name(f"{stem_}.diacritised.txt")
    text = dia_path.read_text(encoding="utf-8")
    m = offset_map(text)
    doc = json.loads(gold.read_text(encoding="utf-8"))

    def move(span):
        if span:
            s, e = m[span["start"]], m[span["end"]]
            span.update(start=s, end=e, exact=text[s:e], prefix=text[max(0, s - 32) : s], suffix=text[e : e + 32])

    for kind in ("entities", "sources", "claims"):
        for item in doc[kind]:
            move(item.get("span"))
    for a in doc["attributions"]:
        if a.get("cue"):
            move(a["cue"].get("span"))
    doc["document"].update(
        path=dia_path.name,
        length=len(text),
        text_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
    )
    json.dump(doc, sys.stdout, ensure_ascii=False, indent=2)
    print()


def main(argv):
    if len(argv) >= 2 and argv[1] in ("build", "split", "check"):
        {"build": build, "split": split, "check": check}[argv[1]]()
    elif len(argv) in (3, 5) and argv[1] == "map":
        show_map(argv[2], argv[3:])
    elif len(argv) == 3 and argv[1] == "project":
        project(argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
