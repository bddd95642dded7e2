#!/usr/bin/env python3
"""Reference values for isnad's agreement figures (tests/agreement_golden.rs reads them).

Computes Cohen's kappa with scikit-learn's `cohen_kappa_score` and Krippendorff's alpha
(nominal) with the PyPI `krippendorff` package on fixed and seeded-random cases, and writes
tests/data/agreement/golden.json. The Rust test runs without Python; run this script only to
regenerate the file:

    python3 -m venv /tmp/agree-venv
    /tmp/agree-venv/bin/pip install krippendorff scikit-learn
    /tmp/agree-venv/bin/python scripts/agreement-golden.py
"""

import importlib.metadata
import json
import math
import random
from pathlib import Path

import krippendorff
import numpy as np
from sklearn.metrics import cohen_kappa_score

OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "agreement" / "golden.json"


def finite(x):
    x = float(x)
    return None if math.isnan(x) else x


def kappa_cases():
    rng = random.Random(15)
    labels = ["PERSON", "ORG", "GPE", "LOC", "DATE"]
    cases = [
        # Cohen-style 2x2 table: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no -> 0.4
        ("two labels, textbook table",
         ["yes"] * 25 + ["no"] * 25,
         ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15),
        ("entity labels, small",
         ["PERSON", "ORG", "GPE", "GPE", "LOC", "PERSON", "ORG", "DATE", "GPE", "PERSON", "ORG", "LOC"],
         ["PERSON", "ORG", "LOC", "GPE", "LOC", "PERSON", "GPE", "DATE", "GPE", "ORG", "ORG", "GPE"]),
        ("one label throughout (undefined)", ["X"] * 5, ["X"] * 5),
        ("a label only one side uses", ["A", "A", "B", "B", "C"], ["A", "B", "B", "B", "B"]),
    ]
    a = [rng.choice(labels) for _ in range(300)]
    b = [x if rng.random() < 0.7 else rng.choice(labels) for x in a]
    cases.append(("seeded random, 300 pairs, 5 labels", a, b))
    return [
        {"name": n, "a": a, "b": b, "kappa": finite(cohen_kappa_score(a, b))}
        for n, a, b in cases
    ]


def alpha_of(rows):
    data = np.array([[np.nan if v is None else v for v in r] for r in rows], dtype=float)
    return finite(krippendorff.alpha(reliability_data=data, level_of_measurement="nominal"))


def alpha_cases():
    rng = random.Random(1515)
    n = None
    cases = [
        # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C
        ("Krippendorff 2011, 4 observers x 12 units, missing data", [
            [1, 2, 3, 3, 2, 1, 4, 1, 2, n, n, n],
            [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, n, 3],
            [n, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, n],
            [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, n],
        ]),
        # the krippendorff package's own example
        ("krippendorff package README, 3 coders x 15 units", [
            [n, n, n, n, n, 3, 4, 1, 2, 1, 1, 3, 3, n, 3],
            [1, n, 2, 1, 3, 3, 4, 3, n, n, n, n, n, n, n],
            [n, n, 2, 1, 3, 4, 4, n, 2, 1, 1, 3, 3, n, 4],
        ]),
    ]
    rows = []
    for _ in range(3):
        rows.append([rng.randint(1, 4) for _ in range(120)])
    for r in rows[1:]:
        for i in range(len(r)):
            if rng.random() < 0.6:
                r[i] = rows[0][i]
            if rng.random() < 0.1:
                r[i] = None
    cases.append(("seeded random, 3 coders x 120 units, 10% missing", rows))
    return [{"name": name, "data": data, "alpha": alpha_of(data)} for name, data in cases]


def char_values(length, spans):
    """Each code point's value: the sorted labels of the spans covering it, or none."""
    if spans is None:
        return [None] * length
    out = []
    for i in range(length):
        covering = sorted({label for s, e, label in spans if s <= i < e})
        out.append(" + ".join(covering) if covering else "none")
    return out


def char_alpha_cases():
    rng = random.Random(1516)
    cases = [
        ("two annotators, one boundary and one label differ", 40, [
            [[0, 5, "PERSON"], [10, 17, "GPE"], [30, 35, "ORG"]],
            [[0, 4, "PERSON"], [10, 17, "LOC"], [30, 35, "ORG"]],
        ]),
        ("nested spans and a missing annotator", 30, [
            [[0, 12, "ORG"], [6, 12, "GPE"], [20, 25, "PERSON"]],
            [[0, 12, "ORG"], [6, 12, "GPE"]],
            None,
        ]),
    ]
    labels = ["PERSON", "ORG", "GPE", "LOC"]
    length = 2000
    base = []
    at = 0
    while at < length - 20:
        at += rng.randint(3, 40)
        end = at + rng.randint(1, 15)
        if end > length:
            break
        base.append([at, end, rng.choice(labels)])
        at = end
    annotators = []
    for _ in range(3):
        spans = []
        for s, e, label in base:
            r = rng.random()
            if r < 0.1:
                continue
            if r < 0.2:
                s = max(0, s + rng.randint(-2, 2))
                e = min(length, max(s + 1, e + rng.randint(-2, 2)))
            if rng.random() < 0.1:
                label = rng.choice(labels)
            spans.append([s, e, label])
        annotators.append(spans)
    cases.append(("seeded random, 3 annotators, 2000 code points", length, annotators))
    out = []
    for name, length, annotators in cases:
        values = [char_values(length, spans) for spans in annotators]
        names = sorted({v for row in values for v in row if v is not None})
        index = {v: i + 1 for i, v in enumerate(names)}
        rows = [[None if v is None else index[v] for v in row] for row in values]
        out.append({"name": name, "length": length, "annotators": annotators, "alpha": alpha_of(rows)})
    return out


def main():
    golden = {
        "generated_by": "scripts/agreement-golden.py",
        "krippendorff": importlib.metadata.version("krippendorff"),
        "scikit_learn": importlib.metadata.version("scikit-learn"),
        "kappa": kappa_cases(),
        "alpha": alpha_cases(),
        "char_alpha": char_alpha_cases(),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(golden, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")
    for section in ("kappa", "alpha", "char_alpha"):
        for case in golden[section]:
            key = "kappa" if section == "kappa" else "alpha"
            print(f"{section:10} {case[key]!s:22} {case['name']}")


if __name__ == "__main__":
    main()
