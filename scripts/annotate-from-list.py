#!/usr/bin/env python3
"""Turns a compact hand-written annotation list into an isnad annotation file (isnad/annotations,
version 2: attributions with via and stance, sources with role and same_as).

  python3 scripts/annotate-from-list.py ARTICLE.txt LIST [--by NAME] [-o OUT] [--validate]
  python3 scripts/annotate-from-list.py ARTICLE.txt --find TEXT     # where TEXT occurs (line.k, offset)
  python3 scripts/annotate-from-list.py ARTICLE.txt --skeleton      # a list to start from

OUT defaults to ARTICLE.isnad.json beside the article (an existing file with anything not made
from a list by the same --by is kept as OUT.bak);
--validate then runs `isnad validate OUT --article ARTICLE` (the binary from $ISNAD, else
target/debug/isnad, else `isnad` on PATH). The list format is documented in
docs/attribution-guidelines.md, appendix A. In short, one item per line, fields split by `|`:

  doc   | outlet=ويكي الأخبار
  ent   | LABEL | TEXT | WHERE [| NAME]
  src   | NAME | TEXT | WHERE | SOURCE_TYPE [| entity=E same_as=S role=R]
  claim | NAME | TEXT | WHERE [| CLAIM_TYPE]
  attr  | CLAIM | SOURCE | CUE | CUE_WHERE [| via=S1,S2 stance=ST quote=Q]

TEXT is the exact text (harakat as in the article), or `FIRST WORDS … LAST WORDS` (U+2026 or
` ... `) for a long span. WHERE: empty or N = the Nth occurrence in the article; LN = the first
on line N of the article file; LN.K = the Kth on line N. An empty CUE_WHERE picks the cue's
occurrence nearest the claim. Errors name the list file and line and stop before anything is
written.
"""
import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

CONTEXT = 32
LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "DATE", "TIME", "NUMBER", "MONEY", "MISC"}
SOURCE_TYPES = {
    "official", "anonymous_official", "anonymous", "eyewitness", "affected_person", "expert",
    "organization", "media_outlet", "social_media", "document", "journalist", "unknown",
    "statement", "agency", "outlet", "interview", "social_account",
}
CLAIM_TYPES = {"statement", "quantity", "event", "causal", "prediction", "quote", "opinion", "other"}
QUOTE_TYPES = {"direct", "indirect", "mixed", "paraphrase", "unknown"}
STANCES = {"asserts", "denies", "doubts", "confirms", "retracts"}
ROLES = {"speaker", "intermediary", "both"}
ELLIPSIS = re.compile(r"\s*(?:…|\s\.\.\.\s)\s*")
OPEN_QUOTES = "«\"“"
# What a span never starts or ends with (guidelines §2.2); quotation marks are left to the
# annotator, since a quoted name inside a source keeps them.
OUTER = " \t\n،,.:؛;"
CLOSE_QUOTES = "»\"”"
# A cue may start a word, or follow the conjunction و/ف written onto it (وقال، فأكد).
WORD_START = re.compile(r"(?:^|[\s«\"“(،,.:؛])[وف]?$")


class ListError(Exception):
    pass


class Article:
    def __init__(self, path):
        self.path = Path(path)
        raw = self.path.read_bytes()
        try:
            self.text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            sys.exit(f"{path}: not UTF-8 (byte {e.start})")
        self.text = self.text.removeprefix("\ufeff")
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]

    def line_range(self, n):
        if not 1 <= n <= len(self.line_starts):
            raise ListError(f"the article has no line {n} (it has {len(self.line_starts)})")
        start = self.line_starts[n - 1]
        end = self.line_starts[n] - 1 if n < len(self.line_starts) else len(self.text)
        return start, end

    def line_of(self, offset):
        lo = 0
        for i, s in enumerate(self.line_starts):
            if s <= offset:
                lo = i
        return lo + 1

    def occurrences(self, needle, lo=0, hi=None):
        hi = len(self.text) if hi is None else hi
        out, i = [], self.text.find(needle, lo, hi)
        while i != -1:
            out.append(i)
            i = self.text.find(needle, i + 1, hi)
        return out

    def span(self, start, end):
        return {
            "start": start,
            "end": end,
            "exact": self.text[start:end],
            "prefix": self.text[max(0, start - CONTEXT) : start],
            "suffix": self.text[end : end + CONTEXT],
        }


def parse_where(where):
    """(occurrence index from 0, line or None)."""
    where = where.strip()
    if not where:
        return 0, None
    if m := re.fullmatch(r"(\d+)", where):
        return int(m.group(1)) - 1, None
    if m := re.fullmatch(r"[Ll](\d+)(?:\.(\d+))?", where):
        return int(m.group(2) or 1) - 1, int(m.group(1))
    raise ListError(f"where {where!r}: expected N, LN or LN.K")


def locate(article, text, where):
    """Code-point [start, end) of TEXT (or FIRST … LAST) at WHERE."""
    text = text.strip()
    if not text:
        raise ListError("empty text")
    parts = ELLIPSIS.split(text)
    if len(parts) > 2 or any(not p for p in parts):
        raise ListError(f"{text!r}: use one … between the first and the last words")
    index, line = parse_where(where)
    lo, hi = article.line_range(line) if line else (0, len(article.text))
    found = article.occurrences(parts[0], lo, hi)
    if index < 0 or index >= len(found):
        place = f"line {line}" if line else "the article"
        raise ListError(f"{parts[0]!r} occurs {len(found)} time(s) in {place}, not {index + 1}")
    start = found[index]
    end = start + len(parts[0])
    if len(parts) == 2:
        tail = article.text.find(parts[1], end)
        if tail == -1:
            raise ListError(f"{parts[1]!r} does not occur after {parts[0]!r}")
        end = tail + len(parts[1])
    covered = article.text[start:end]
    if covered != covered.strip(OUTER):
        raise ListError(f"{covered!r} starts or ends with a space or punctuation (guidelines §2.2)")
    return start, end


def nearest_cue(article, cue, claim):
    found = article.occurrences(cue)
    if not found:
        raise ListError(f"cue {cue!r} does not occur in the article")
    words = [i for i in found if WORD_START.search(article.text[max(0, i - 2) : i])] or found
    claim_line = article.line_of(claim[0])

    def distance(i):
        same_line = article.line_of(i) == claim_line
        gap = claim[0] - (i + len(cue)) if i < claim[0] else i - claim[1]
        return (not same_line, gap < 0, abs(gap))

    return min(words, key=distance)


def options(fields, allowed):
    """key=value pairs; a value runs to the next ` key=` (so an outlet name may hold spaces)."""
    out = {}
    for field in fields:
        if not field:
            continue
        parts = re.split(r"(?:^|\s+)([a-z_]+)=", field)
        if parts[0].strip():
            raise ListError(f"option {parts[0].strip()!r}: expected key=value")
        for key, value in zip(parts[1::2], parts[2::2]):
            if key not in allowed:
                raise ListError(f"option {key!r}: expected one of {', '.join(sorted(allowed))}")
            out[key] = value.strip()
    return out


def item_id(kind, used, *parts):
    seed = "\x1f".join(str(p) for p in (kind, *parts))
    for salt in range(1000):
        h = hashlib.sha256(f"{seed}\x1f{salt}".encode("utf-8")).hexdigest()[:6]
        if f"{kind}-{h}" not in used:
            used.add(f"{kind}-{h}")
            return f"{kind}-{h}"
    raise ListError("could not make a unique id")


def build(article, lines, by):
    origin = {"kind": "human", "by": by}
    review = {"status": "accepted", "by": by}
    used = set()
    doc_opts = {}
    ents, srcs, claims, attrs = [], [], [], []
    ent_names, src_names, claim_names, ent_lines = {}, {}, {}, {}
    pending_src, pending_attr = [], []
    for number, raw in lines:
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        fields = [f.strip() for f in line.split("|")]
        kind = fields[0].lower()
        try:
            if kind == "doc":
                doc_opts.update(options(fields[1:], {"outlet", "title", "url"}))
            elif kind == "ent":
                if len(fields) not in (4, 5):
                    raise ListError("ent | LABEL | TEXT | WHERE [| NAME]")
                label = fields[1].upper()
                if label not in LABELS:
                    raise ListError(f"label {fields[1]!r}: one of {', '.join(sorted(LABELS))}")
                start, end = locate(article, fields[2], fields[3])
                e = {"id": item_id("e", used, start, end, label), "label": label,
                     "span": article.span(start, end), "origin": origin, "review": review}
                ents.append(e)
                ent_lines[e["id"]] = number
                if len(fields) == 5 and fields[4]:
                    if fields[4] in ent_names:
                        raise ListError(f"entity name {fields[4]!r} used twice")
                    ent_names[fields[4]] = e
            elif kind == "src":
                if len(fields) < 5:
                    raise ListError("src | NAME | TEXT | WHERE | SOURCE_TYPE [| entity=E same_as=S role=R]")
                name = fields[1]
                if not name or name in src_names:
                    raise ListError(f"source name {name!r} empty or used twice")
                if fields[4] not in SOURCE_TYPES:
                    raise ListError(f"source type {fields[4]!r}: one of {', '.join(sorted(SOURCE_TYPES))}")
                opts = options(fields[5:], {"entity", "same_as", "role"})
                if "role" in opts and opts["role"] not in ROLES:
                    raise ListError(f"role {opts['role']!r}: one of {', '.join(sorted(ROLES))}")
                start, end = locate(article, fields[2], fields[3])
                s = {"id": item_id("s", used, start, end, name), "span": article.span(start, end),
                     "name": article.text[start:end], "source_type": fields[4], "entity_id": None}
                src_names[name] = s
                srcs.append(s)
                pending_src.append((number, s, opts))
            elif kind == "claim":
                if len(fields) not in (4, 5):
                    raise ListError("claim | NAME | TEXT | WHERE [| CLAIM_TYPE]")
                name = fields[1]
                if not name or name in claim_names:
                    raise ListError(f"claim name {name!r} empty or used twice")
                ctype = fields[4] if len(fields) == 5 and fields[4] else "statement"
                if ctype not in CLAIM_TYPES:
                    raise ListError(f"claim type {ctype!r}: one of {', '.join(sorted(CLAIM_TYPES))}")
                start, end = locate(article, fields[2], fields[3])
                c = {"id": item_id("c", used, start, end, name), "span": article.span(start, end),
                     "claim_type": ctype, "verification": {"status": "unverified", "confidence": None},
                     "origin": origin, "review": review}
                claim_names[name] = c
                claims.append(c)
            elif kind == "attr":
                if len(fields) < 5:
                    raise ListError("attr | CLAIM | SOURCE | CUE | CUE_WHERE [| via=S1,S2 stance=ST quote=Q]")
                pending_attr.append((number, fields, options(fields[5:], {"via", "stance", "quote"})))
            else:
                raise ListError(f"unknown layer {fields[0]!r}: doc, ent, src, claim or attr")
        except ListError as e:
            raise ListError(f"{number}: {e}") from None

    def source(name, number):
        if name not in src_names:
            raise ListError(f"{number}: no source named {name!r}")
        return src_names[name]

    speakers, relays = set(), set()
    for number, fields, opts in pending_attr:
        if fields[1] not in claim_names:
            raise ListError(f"{number}: no claim named {fields[1]!r}")
        claim = claim_names[fields[1]]
        speaker = source(fields[2], number)
        via = [source(v, number)["id"] for v in opts.get("via", "").split(",") if v]
        if speaker["id"] in via:
            raise ListError(f"{number}: the speaker cannot also be in its own via")
        stance = opts.get("stance", "asserts")
        if stance not in STANCES:
            raise ListError(f"{number}: stance {stance!r}: one of {', '.join(sorted(STANCES))}")
        c0, c1 = claim["span"]["start"], claim["span"]["end"]
        quote = opts.get("quote") or guess_quote(article.text, c0, c1)
        if quote not in QUOTE_TYPES:
            raise ListError(f"{number}: quote {quote!r}: one of {', '.join(sorted(QUOTE_TYPES))}")
        cue = None
        if fields[3] and fields[3] != "-":
            try:
                if fields[4]:
                    start, end = locate(article, fields[3], fields[4])
                else:
                    start = nearest_cue(article, fields[3], (c0, c1))
                    end = start + len(fields[3])
            except ListError as e:
                raise ListError(f"{number}: {e}") from None
            cue = {"span": article.span(start, end)}
        speakers.add(speaker["id"])
        relays.update(via)
        attrs.append({"id": item_id("a", used, claim["id"], speaker["id"], *via), "claim_id": claim["id"],
                      "source_id": speaker["id"], "cue": cue, "quote_type": quote, "via": via,
                      "stance": stance, "origin": origin, "review": review})

    by_id = {s["id"]: s for s in srcs}
    for number, s, opts in pending_src:
        if "entity" in opts:
            s["entity_id"] = entity_for(opts["entity"], s, ents, ent_names, number)
        role = opts.get("role")
        if role is None:
            in_speaker, in_via = s["id"] in speakers, s["id"] in relays
            role = "both" if in_speaker and in_via else "intermediary" if in_via else "speaker"
        s["role"] = role
        if "same_as" in opts:
            target = source(opts["same_as"], number)
            if target is s:
                raise ListError(f"{number}: a source cannot be the same as itself")
            if "same_as" in by_id[target["id"]]:
                raise ListError(f"{number}: same_as={opts['same_as']} itself has same_as: point at the first mention (§3.4)")
            s["same_as"] = target["id"]
        s["origin"], s["review"] = origin, review

    check_flat(ents, ent_lines)
    text = article.text
    document = {
        "path": article.path.name,
        "title": doc_opts.get("title") or text.split("\n", 1)[0] or None,
        "url": doc_opts.get("url"),
        "language": "ar",
        "length": len(text),
        "text_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "offset_unit": "codepoint",
    }
    if "outlet" in doc_opts:
        document["outlet"] = doc_opts["outlet"]
    order = lambda i: (i["span"]["start"], i["span"]["end"], i["id"]) if i.get("span") else (1 << 62, 0, i["id"])
    claim_start = {c["id"]: c["span"]["start"] for c in claims}
    return {
        "format": "isnad/annotations",
        "version": 2,
        "document": document,
        "entities": sorted(ents, key=order),
        "sources": sorted(srcs, key=order),
        "claims": sorted(claims, key=order),
        "attributions": sorted(attrs, key=lambda a: (claim_start[a["claim_id"]], a["id"])),
        "orphans": [],
    }


def check_flat(ents, lines):
    """Entities are flat (guidelines §9.3): none overlaps another."""
    spans = sorted((e["span"]["start"], e["span"]["end"], e["span"]["exact"], lines[e["id"]]) for e in ents)
    for (s0, e0, t0, n0), (s1, e1, t1, n1) in zip(spans, spans[1:]):
        if s1 < e0:
            raise ListError(f"{n1}: entity {t1!r} overlaps {t0!r} of line {n0}: entities are flat (§9.3)")


def entity_for(ref, source, ents, ent_names, number):
    """The entity named REF, else the entity whose text is REF inside the source's span."""
    if ref in ent_names:
        return ent_names[ref]["id"]
    s0, s1 = source["span"]["start"], source["span"]["end"]
    inside = [e for e in ents if e["span"]["exact"] == ref and s0 <= e["span"]["start"] and e["span"]["end"] <= s1]
    if not inside:
        raise ListError(f"{number}: no entity named {ref!r} and none with that text inside the source")
    return inside[0]["id"]


def guess_quote(text, start, end):
    """direct when the claim is wrapped in quotation marks, mixed when it contains some."""
    before = text[max(0, start - 2) : start].rstrip()
    after = text[end : end + 2].lstrip()
    if before[-1:] in OPEN_QUOTES and after[:1] in CLOSE_QUOTES:
        return "direct"
    if any(q in text[start:end] for q in "«»“”") or text[start:end].count('"') >= 2:
        return "mixed"
    return "indirect"


def skeleton(article):
    """A list to start from: the outlet line and every article line as a numbered comment."""
    print(f"# {article.path.name}: one item per line (docs/attribution-guidelines.md, appendix A)")
    print("doc | outlet=ويكي الأخبار")
    for n, line in enumerate(article.text.rstrip("\n").split("\n"), 1):
        print(f"\n# L{n}: {line}")


def find(article, needle):
    for i in article.occurrences(needle):
        line = article.line_of(i)
        lo, _ = article.line_range(line)
        k = sum(1 for j in article.occurrences(needle, lo) if j <= i)
        context = article.text[max(lo, i - 25) : i + len(needle) + 25].replace("\n", " ")
        print(f"L{line}.{k}\t{i}-{i + len(needle)}\t{context}")


# Version 1 had no intermediary source types: their nearest v1 type, for validating with an older isnad.
V1_SOURCE_TYPE = {"statement": "document", "agency": "media_outlet", "outlet": "media_outlet",
                  "interview": "media_outlet", "social_account": "social_media"}


def as_version_1(doc):
    """The file without its version 2 fields (via, stance, role, same_as, outlet)."""
    v1 = json.loads(json.dumps(doc))
    v1["version"] = 1
    v1["document"].pop("outlet", None)
    for s in v1["sources"]:
        s.pop("role", None)
        s.pop("same_as", None)
        s["source_type"] = V1_SOURCE_TYPE.get(s["source_type"], s["source_type"])
    for a in v1["attributions"]:
        a.pop("via", None)
        a.pop("stance", None)
    return v1


def validate(out, article, doc):
    """isnad validate; while the binary knows only version 1, the file without its v2 fields."""
    binary = os.environ.get("ISNAD")
    if not binary:
        local = Path(__file__).resolve().parent.parent / "target/debug/isnad"
        binary = str(local) if local.exists() else shutil.which("isnad")
    if not binary:
        sys.exit("--validate: no isnad binary (set ISNAD or build with cargo build)")
    run = subprocess.run([binary, "validate", str(out), "--article", str(article)], capture_output=True, text=True)
    if run.returncode != 0 and "version 2 is newer" in run.stdout + run.stderr:
        v1 = out.with_name(out.name + ".v1-check.json")
        v1.write_text(json.dumps(as_version_1(doc), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        run = subprocess.run([binary, "validate", str(v1), "--article", str(article)], capture_output=True, text=True)
        v1.unlink()
        print(f"{binary} reads format version 1 only: validated {out} without via/stance/role/same_as/outlet")
    sys.stdout.write(run.stdout)
    sys.stderr.write(run.stderr)
    return run.returncode


def made_from_a_list(path, by):
    """Whether every item of an existing file is one this tool writes for BY (then the file is
    only a product of the list and is replaced; anything else is kept as .bak)."""
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        items = [i for k in ("entities", "sources", "claims", "attributions") for i in doc[k]]
        return not doc.get("orphans") and all(
            i["origin"] == {"kind": "human", "by": by} and i["review"] == {"status": "accepted", "by": by}
            for i in items
        )
    except (OSError, ValueError, KeyError, TypeError):
        return False


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("article")
    ap.add_argument("list", nargs="?")
    ap.add_argument("--by", default=os.environ.get("USER", "annotator"), help="annotator name (origin.by)")
    ap.add_argument("-o", "--out", help="output file (default ARTICLE.isnad.json, '-' for stdout)")
    ap.add_argument("--validate", action="store_true", help="run isnad validate on the result")
    ap.add_argument("--find", metavar="TEXT", help="list the occurrences of TEXT and stop")
    ap.add_argument("--skeleton", action="store_true", help="print a list to start from: the article's lines as numbered comments")
    args = ap.parse_args()
    article = Article(args.article)
    if args.find:
        find(article, args.find)
        return
    if args.skeleton:
        skeleton(article)
        return
    if not args.list:
        ap.error("LIST is required (or --find TEXT)")
    lines = list(enumerate(Path(args.list).read_text(encoding="utf-8").split("\n"), 1))
    try:
        doc = build(article, lines, args.by)
    except ListError as e:
        sys.exit(f"{args.list}:{e}")
    body = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    if args.out == "-":
        sys.stdout.write(body)
        return
    stem = article.path.name.removesuffix(".txt")
    out = Path(args.out) if args.out else article.path.with_name(f"{stem}.isnad.json")
    if out.exists() and not made_from_a_list(out, args.by):
        shutil.copyfile(out, out.with_name(out.name + ".bak"))
        print(f"{out} had annotations not made from this list: kept as {out.name}.bak")
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(body, encoding="utf-8")
    tmp.replace(out)
    counts = ", ".join(f"{len(doc[k])} {k}" for k in ("entities", "sources", "claims", "attributions"))
    print(f"{out}: {counts}")
    if args.validate:
        sys.exit(validate(out, article.path, doc))


if __name__ == "__main__":
    main()
