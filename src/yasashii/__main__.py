"""Command line: python -m yasashii check|reading|ruby|rewrite [--json] [FILE|-]."""

from __future__ import annotations

import argparse
import json
import sys

from yasashii import TextTooLong, analyze, reading, rewrite, ruby


def _read(path: str) -> str:
    """Return the text of path, or of stdin for '-'."""
    if path == "-":
        return sys.stdin.read()
    with open(path, encoding="utf-8") as f:
        return f.read()


def main(argv: list[str] | None = None) -> int:
    """Run the command line and return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m yasashii", description="Easy-Japanese checker")
    parser.add_argument("command", choices=["check", "reading", "ruby", "rewrite"])
    parser.add_argument("file", nargs="?", default="-", help="input file, or - for stdin")
    parser.add_argument("--json", action="store_true", help="print JSON (check, rewrite)")
    args = parser.parse_intermixed_args(argv)
    text = _read(args.file)
    if args.command == "reading":
        print(reading(text))
        return 0
    if args.command == "ruby":
        print(ruby(text))
        return 0
    try:
        if args.command == "rewrite":
            rw = rewrite(text)
            print(json.dumps(rw.to_dict(), ensure_ascii=False, indent=2) if args.json else rw.text)
            return 0
        report = analyze(text)
    except TextTooLong as exc:
        print(f"yasashii: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        for issue in report.issues:
            print(
                f"{issue.start}-{issue.end}\t{issue.rule}\t{issue.surface}\t{issue.message_ja}"
                + (f"\t→ {' / '.join(issue.suggestions)}" if issue.suggestions else "")
            )
        print(f"readability: {report.readability} ({report.readability_level})")
    return 1 if report.issues else 0


if __name__ == "__main__":
    sys.exit(main())
