#!/usr/bin/env bash
# `make bench`: every benchmark, each against a reference measured in the same run.
# Results replace the marked sections of docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 bench/http_vs_nginx.py
echo "== reads under load (wrk, mixed load)"
python3 bench/load_bench.py
echo "== privacy engines"
out=$(build/vigie_privacy_bench tests/privacy/corpus.jsonl)
echo "$out"
BENCH_OUT="$out" python3 - <<'PY'
import os, re, time, pathlib
doc = pathlib.Path("docs/PERFORMANCE.md")
body = f"Run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}:\n\n" + os.environ["BENCH_OUT"].strip()
text = re.sub(r"(<!-- BENCH:privacy -->\n).*?(\n<!-- /BENCH:privacy -->)",
              lambda m: m.group(1) + body + m.group(2), doc.read_text(), flags=re.S)
doc.write_text(text)
PY
echo "== plan follow-up"
out=$(build/vigie_plan_bench)
echo "$out"
BENCH_OUT="$out" python3 - <<'PY'
import os, re, time, pathlib
doc = pathlib.Path("docs/PERFORMANCE.md")
body = f"Run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}:\n\n" + os.environ["BENCH_OUT"].strip()
text = re.sub(r"(<!-- BENCH:plan -->\n).*?(\n<!-- /BENCH:plan -->)",
              lambda m: m.group(1) + body + m.group(2), doc.read_text(), flags=re.S)
doc.write_text(text)
PY
echo "== diagnostics"
out=$(build/vigie_diagnostics_bench)
echo "$out"
BENCH_OUT="$out" python3 - <<'PY'
import os, re, time, pathlib
doc = pathlib.Path("docs/PERFORMANCE.md")
body = f"Run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}:\n\n" + os.environ["BENCH_OUT"].strip()
text = doc.read_text()
if "<!-- BENCH:diagnostics -->" not in text:
    text += "\n## Diagnostics: the divergence board and a field view\n\nTarget (issue 12): at most 3x the bare query of the same rows, and under 100 ms.\n\n<!-- BENCH:diagnostics -->\n(not run yet)\n<!-- /BENCH:diagnostics -->\n"
text = re.sub(r"(<!-- BENCH:diagnostics -->\n).*?(\n<!-- /BENCH:diagnostics -->)",
              lambda m: m.group(1) + body + m.group(2), text, flags=re.S)
doc.write_text(text)
PY
echo "== field data"
out=$(build/vigie_field_bench)
echo "$out"
BENCH_OUT="$out" python3 - <<'PY'
import os, re, time, pathlib
doc = pathlib.Path("docs/PERFORMANCE.md")
body = f"Run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}:\n\n" + os.environ["BENCH_OUT"].strip()
text = doc.read_text()
if "<!-- BENCH:field -->" not in text:
    text += "\n## Field data: the import and the dashboard's aggregate\n\nTarget (issue 13): 100,000 rows imported in under 5 s, validation and the identifier guard included.\n\n<!-- BENCH:field -->\n(not run yet)\n<!-- /BENCH:field -->\n"
text = re.sub(r"(<!-- BENCH:field -->\n).*?(\n<!-- /BENCH:field -->)",
              lambda m: m.group(1) + body + m.group(2), text, flags=re.S)
doc.write_text(text)
PY
echo "== memory of spreadsheet uploads"
out=$(python3 bench/upload_memory.py)
echo "$out"
BENCH_OUT="$out" python3 - <<'PY'
import os, re, time, pathlib
doc = pathlib.Path("docs/PERFORMANCE.md")
body = f"Run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}:\n\n" + os.environ["BENCH_OUT"].strip()
text = re.sub(r"(<!-- BENCH:uploads -->\n).*?(\n<!-- /BENCH:uploads -->)",
              lambda m: m.group(1) + body + m.group(2), doc.read_text(), flags=re.S)
doc.write_text(text)
PY
