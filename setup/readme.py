"""Build each addon's README.rst from its readme/*.md fragments.

OCA's oca-gen-addon-readme is not on PyPI, so this joins the fragments under
reStructuredText headings, in OCA's order. ``--check`` exits 1 when a
README.rst is out of date (setup/lint.sh runs it).
"""

import ast
import re
import sys
from pathlib import Path

ADDONS = Path(__file__).resolve().parent.parent / "addons"
SECTIONS = [
    ("DESCRIPTION.md", None),
    ("CONFIGURE.md", "Configuration"),
    ("USAGE.md", "Usage"),
    ("ROADMAP.md", "Known issues / Roadmap"),
    ("HISTORY.md", "Changelog"),
    ("CONTRIBUTORS.md", "Contributors"),
]


def md_to_rst(line):
    """The little Markdown our fragments use, in reStructuredText."""
    line = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r"`\1 <\2>`_", line)
    line = re.sub(r"(?<![`\w])`([^`]+)`(?![`\w])", r"``\1``", line)
    line = re.sub(r"(?<![\w*])_([^_]+?)_(?!\w)", r"*\1*", line)
    return line


def heading(text, char):
    return f"{text}\n{char * len(text)}\n"


def build(addon):
    manifest = ast.literal_eval((addon / "__manifest__.py").read_text(encoding="utf-8"))
    title = manifest["name"]
    parts = ["=" * len(title), title, "=" * len(title), "", manifest.get("summary", ""), ""]
    parts += [
        f"Version {manifest['version']}, licence {manifest['license']}, "
        f"status {manifest.get('development_status', 'Alpha')}.",
        "",
        ".. contents::",
        "   :local:",
        "",
    ]
    for name, title_ in SECTIONS:
        fragment = addon / "readme" / name
        if not fragment.exists():
            continue
        if title_:
            parts.append(heading(title_, "="))
        text = fragment.read_text(encoding="utf-8").strip()
        # Markdown headings of HISTORY.md become RST sub-headings.
        lines = []
        for line in text.splitlines():
            if line.startswith("## "):
                lines.append(heading(line[3:].strip(), "~"))
            else:
                lines.append(line)
        parts += [md_to_rst("\n".join(lines)), ""]
    return "\n".join(parts).rstrip() + "\n"


def main(argv):
    check = "--check" in argv
    stale = []
    for addon in sorted(p.parent for p in ADDONS.glob("ops_*/__manifest__.py")):
        if not (addon / "readme" / "DESCRIPTION.md").exists():
            stale.append(f"{addon.name}: readme/DESCRIPTION.md is missing")
            continue
        target = addon / "README.rst"
        text = build(addon)
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            if check:
                stale.append(f"{addon.name}: README.rst is out of date (python setup/readme.py)")
            else:
                target.write_text(text, encoding="utf-8")
    for line in stale:
        print(line)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
