#!/usr/bin/env python3
"""Regenerates the [normal] section of assets/keymap.toml from the command table in
src/app/command.rs (a unit test checks they agree)."""
import re, pathlib
root = pathlib.Path(__file__).resolve().parent.parent
table = (root / "src/app/command.rs").read_text()
body = table[table.index("table! {"):]
rows = re.findall(r'^\s*\w+, "([^"]+)", "[^"]+", "((?:[^"\\]|\\.)*)", \[(.*?)\];', body, re.M)
out = ["[normal]"]
for name, desc, keys in rows:
    out.append(f"# {desc}")
    out.append(f'"{name}" = [{keys}]')
km = root / "assets/keymap.toml"
text = km.read_text()
head = text[: text.index("\n[normal]\n") + 1]
km.write_text(head + "\n".join(out) + "\n")
