#!/usr/bin/env python3
"""Read latency under load: the public plan against the version route, same run.

Starts vigie (VIGIE_BIN, default build/vigie; access log off; SQLite) with the demo data, then:
1. wrk, 16 connections, on `GET /api/v1/public/plan` (the plan tree with roll-ups: one read
   transaction) and on `GET /api/v1/version` (no database: the reference), in interleaved
   rounds; medians of p99 and max. Target (issue 9): the plan's p99 within 5x the version's.
2. A mixed load (bench/mixed_load.mjs, bounded request counts): 16 connections, 90 % reads of
   the public plan and 10 % progress reports by the demo DGT referent; the same mix with the
   reads on the version route, run afterwards, is the reference. Target: no read above 50 ms.
Writes the figures between the BENCH:load markers of docs/PERFORMANCE.md. 127.0.0.1 only.
"""
import json
import os
import pathlib
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from common import wait_for  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
VIGIE = pathlib.Path(os.environ.get("VIGIE_BIN", ROOT / "build/vigie"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
DURATION = os.environ.get("BENCH_DURATION", "10s")
MIXED_REQUESTS = int(os.environ.get("BENCH_MIXED_REQUESTS", "500"))  # per connection
PORT = 18092
PILOT = "referent@dgt.demo"



def ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url):
    out = subprocess.run(["wrk", "-t2", "-c16", f"-d{DURATION}", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    if re.search(r"Non-2xx or 3xx responses: (\d+)", out) or "Socket errors" in out:
        raise SystemExit(f"{url}: errors under load\n{out}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = ms(*re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out).groups())
    # "Latency   avg   stdev   max   +/- stdev"
    lat = re.search(r"Latency\s+[\d.]+\w+\s+[\d.]+\w+\s+([\d.]+)(us|ms|s)\b", out)
    return rps, p99, ms(*lat.groups())


def mixed(read_path, password):
    out = subprocess.run(["node", str(ROOT / "bench/mixed_load.mjs"), "--port", str(PORT),
                          "--email", PILOT, "--password", password, "--pilot", "DGT",
                          "--read", read_path, "--requests", str(MIXED_REQUESTS)],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit(f"mixed load on {read_path} failed:\n{out.stdout}{out.stderr}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main():
    work = pathlib.Path(tempfile.mkdtemp(prefix="vigie-load-"))
    vigie = None
    try:
        subprocess.run([str(VIGIE), "keys", "init", "--data-dir", str(work)], check=True,
                       stdout=subprocess.DEVNULL)
        log = open(work / "stdout.txt", "w")
        vigie = subprocess.Popen(
            [str(VIGIE), "serve", "--demo", "--listen", f"127.0.0.1:{PORT}", "--data-dir",
             str(work), "--web-root", str(work / "no-web"), "--access-log", "off"],
            stdout=log, stderr=subprocess.DEVNULL)
        wait_for(f"http://127.0.0.1:{PORT}/api/v1/version")
        banner = (work / "stdout.txt").read_text()
        password = re.search(r"password for all: (\S+)", banner).group(1)
        plan_bytes = len(wait_for(f"http://127.0.0.1:{PORT}/api/v1/public/plan"))

        load_before = pathlib.Path("/proc/loadavg").read_text().split()[0]
        targets = {"plan": f"http://127.0.0.1:{PORT}/api/v1/public/plan",
                   "version": f"http://127.0.0.1:{PORT}/api/v1/version"}
        results = {k: [] for k in targets}
        for r in range(ROUNDS):
            for key, url in targets.items():
                results[key].append(wrk(url))
                rps, p99, mx = results[key][-1]
                print(f"round {r + 1}/{ROUNDS} {key:8} {rps:>9.0f} req/s  p99 {p99:.2f} ms  "
                      f"max {mx:.2f} ms", flush=True)
        med = {k: [statistics.median(x[i] for x in v) for i in range(3)] for k, v in results.items()}

        # The plan mix first: every progress report adds a row that later plan reads walk
        # through, and the reference mix's reports must not weigh on the plan's reads.
        mix = mixed("/api/v1/public/plan", password)
        ref = mixed("/api/v1/version", password)
        action = mix["action"]
        for name, m in (("version mix", ref), ("plan mix", mix)):
            print(f"{name}: reads {m['read']}  writes {m['write']}  {m['seconds']:.1f} s", flush=True)

        load_after = pathlib.Path("/proc/loadavg").read_text().split()[0]
        p99_ratio = med["plan"][1] / med["version"][1]
        cpu = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
        ok = lambda cond: "yes" if cond else "**no**"
        n = 16 * MIXED_REQUESTS
        table = "\n".join([
            f"Run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {cpu} cores, "
            f"SQLite, demo data (public plan {plan_bytes // 1024} KiB); load average {load_before} "
            f"before, {load_after} after (the machine is shared: above 2, read the ratios only).",
            "",
            f"Reads alone: `wrk -t2 -c16 -d{DURATION} --latency`, {ROUNDS} interleaved rounds, "
            "medians.",
            "",
            "| route | req/s | p99 | max | p99 × version's |",
            "|---|---|---|---|---|",
            f"| `GET /api/v1/version` (reference, no database) | {med['version'][0] / 1000:.1f}k | "
            f"{med['version'][1]:.2f} ms | {med['version'][2]:.1f} ms | 1 |",
            f"| `GET /api/v1/public/plan` | {med['plan'][0] / 1000:.1f}k | {med['plan'][1]:.2f} ms | "
            f"{med['plan'][2]:.1f} ms | **{p99_ratio:.1f}×** (target ≤ 5×: {ok(p99_ratio <= 5)}) |",
            "",
            f"Mixed load: `bench/mixed_load.mjs`, 16 keep-alive connections, {n} requests, 90 % "
            f"reads and 10 % progress reports by `{PILOT}` (`POST /api/v1/actions/{action}/updates`); "
            "latencies measured by the Node client (its own queueing included). The reference mix, "
            "run after it, reads the version route instead. Each mix adds "
            f"{n // 10} reports on one action.",
            "",
            "| mix | reads: median | p99 | max | writes: median | p99 | max |",
            "|---|---|---|---|---|---|---|",
            *[f"| {label} | {m['read']['median']:.1f} ms | {m['read']['p99']:.1f} ms | "
              f"{m['read']['max']:.1f} ms | {m['write']['median']:.1f} ms | "
              f"{m['write']['p99']:.1f} ms | {m['write']['max']:.1f} ms |"
              for label, m in (("reads of the version route (reference)", ref),
                               ("reads of the public plan", mix))],
            "",
            f"Slowest public-plan read under the mix: **{mix['read']['max']:.1f} ms** "
            f"(target ≤ 50 ms: {ok(mix['read']['max'] <= 50)}), "
            f"**{mix['read']['max'] / ref['read']['max']:.1f}×** the slowest version read of the "
            "reference mix; public-plan read p99 "
            f"**{mix['read']['p99'] / ref['read']['p99']:.1f}×** the reference's.",
        ])
        print("\n" + table)
        doc = ROOT / "docs/PERFORMANCE.md"
        doc.write_text(re.sub(r"(<!-- BENCH:load -->\n).*?(\n<!-- /BENCH:load -->)",
                              lambda m: m.group(1) + table + m.group(2), doc.read_text(),
                              flags=re.S))
    finally:
        if vigie:
            vigie.send_signal(signal.SIGTERM)
            vigie.wait(timeout=15)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
