#!/usr/bin/env python3
"""Scores `vigie privacy scan` on part of the labelled corpus, with the rule of the unit test
(a planted identifier is found when a finding of its kind overlaps it):
    tests/privacy/score.py BINARY [ID_PREFIX] [-v] [--file NOTES.jsonl]
e.g. `tests/privacy/score.py build/vigie tuning2-` for the second tuning set, or
`tests/privacy/score.py build/vigie --file tests/privacy/heldout2.jsonl -v` for held out 2."""
import json
import pathlib
import subprocess
import sys


def first_occurrence(raw, span):
    """Where the labelled span is: its first occurrence as a whole word ("Mona" is not the
    start of "Monaco"), else its first occurrence at all."""
    at = raw.find(span)
    while at >= 0:
        before = raw[at - 1:at].decode("latin-1") if at > 0 else " "
        after = raw[at + len(span):at + len(span) + 1].decode("latin-1")
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return at
        at = raw.find(span, at + 1)
    return raw.find(span)


def main():
    argv = sys.argv[1:]
    notes_file = None
    if "--file" in argv:
        at = argv.index("--file")
        notes_file = argv[at + 1]
        del argv[at:at + 2]
    args = [a for a in argv if a != "-v"]
    verbose = "-v" in argv
    binary, prefix = args[0], args[1] if len(args) > 1 else ""
    planted = found = clean = flagged = 0
    corpus = pathlib.Path(notes_file) if notes_file else pathlib.Path(__file__).with_name("corpus.jsonl")
    for line in corpus.read_text(encoding="utf-8").splitlines():
        note = json.loads(line)
        if not note["id"].startswith(prefix):
            continue
        run = subprocess.run([binary, "privacy", "scan"], input=note["text"].encode(),
                             capture_output=True, check=False)
        findings = json.loads(run.stdout)["findings"] if run.stdout.strip() else []
        raw = note["text"].encode()
        if not note["identifiers"]:
            clean += 1
            if findings:
                flagged += 1
                if verbose:
                    print(f"  flagged {note['id']}: {findings[0]['kind']} '{findings[0]['text']}'")
            continue
        for ident in note["identifiers"]:
            start = first_occurrence(raw, ident["text"].encode())
            end = start + len(ident["text"].encode())
            hit = any(f["kind"] == ident["kind"] and f["start"] < end and start < f["end"]
                      for f in findings)
            planted += 1
            found += hit
            if not hit and verbose:
                print(f"  missed {ident['kind']} '{ident['text']}' in {note['id']}")
    print(f"{prefix or 'all'}: found {found}/{planted} ({100 * found / max(planted, 1):.1f} %), "
          f"clean flagged {flagged}/{clean} ({100 * flagged / max(clean, 1):.1f} %)")


if __name__ == "__main__":
    main()
