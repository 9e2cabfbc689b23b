"""The memory of spreadsheet imports (issue 10, item 2): peak RSS of `vigie serve` under eight
concurrent maximal XLSX uploads, against its own idle RSS measured in the same run.

Starts vigie (VIGIE_BIN, default build/vigie; SQLite, demo data), logs in as the demo
coordination (allowed to import the plan), and posts to POST /api/v1/plan/import, eight at
once: (1) the issue's file, 300,000 rows (beyond the route's 200,000-cell cap), then (2) a file
exactly at the cap, the plan export's columns, as large as the route accepts. A request refused
503 (the parse slots are taken) is sent again after its Retry-After, until all eight are
answered. VmRSS is sampled from /proc/<pid>/status every 10 ms; VmHWM is read at the end.
Prints a Markdown table; bench/run.sh puts it into docs/PERFORMANCE.md."""
import base64
import hashlib
import hmac
import http.cookiejar
import json
import os
import pathlib
import re
import struct
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from common import wait_for  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
VIGIE = pathlib.Path(os.environ.get("VIGIE_BIN", ROOT / "build/vigie"))
PORT = int(os.environ.get("BENCH_PORT", "18093"))
BASE = f"http://127.0.0.1:{PORT}"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CELL_CAP = 200_000  # the plan import's (src/modules/plan/referential_routes.cpp)
UPLOADS = 8


def status_kib(pid, field):
    text = pathlib.Path(f"/proc/{pid}/status").read_text()
    return int(re.search(rf"^{field}:\s+(\d+) kB", text, re.M).group(1))



def totp(secret):
    """RFC 6238 (30 s, 6 digits, SHA-1), as the demo accounts' authenticator would."""
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(time.time()) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return f"{(struct.unpack('>I', digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000:06d}"


class Session:
    def __init__(self, email, password, secret):
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        login = {"email": email, "password": password, "totp": totp(secret)}
        r = self.call("POST", "/api/v1/auth/login", json.dumps(login).encode(), "application/json")
        if r[0] != 200:
            raise SystemExit(f"login {email}: {r}")
        self.csrf = json.loads(r[2])["csrf_token"]

    def call(self, method, path, body=None, content_type=None):
        req = urllib.request.Request(BASE + path, data=body, method=method)
        if content_type:
            req.add_header("Content-Type", content_type)
        if getattr(self, "csrf", None):
            req.add_header("X-CSRF-Token", self.csrf)
        try:
            with self.opener.open(req, timeout=120) as r:
                return r.status, dict(r.headers), r.read()
        except urllib.error.HTTPError as e:
            return e.code, dict(e.headers), e.read()


def make_xlsx(path, rows, cols):
    subprocess.run([sys.executable, str(ROOT / "bench/make_xlsx.py"), str(path), str(rows), str(cols)],
                   check=True)
    return path.read_bytes()


def upload_all(session, body, pid, count):
    """`count` at once, each resent after Retry-After on 503; returns (peak VmRSS KiB, statuses, s)."""
    peak = [status_kib(pid, "VmRSS")]
    done = threading.Event()

    def sample():
        while not done.is_set():
            peak[0] = max(peak[0], status_kib(pid, "VmRSS"))
            time.sleep(0.01)

    statuses, retries = [], [0]
    lock = threading.Lock()

    def one():
        while True:
            status, headers, _ = session.call("POST", "/api/v1/plan/import", body, XLSX)
            if status != 503:
                with lock:
                    statuses.append(status)
                return
            with lock:
                retries[0] += 1
            time.sleep(int(headers.get("Retry-After", "1")))

    sampler = threading.Thread(target=sample)
    sampler.start()
    start = time.time()
    workers = [threading.Thread(target=one) for _ in range(count)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    seconds = time.time() - start
    done.set()
    sampler.join()
    return peak[0], sorted(statuses), retries[0], seconds


def main():
    work = pathlib.Path(tempfile.mkdtemp(prefix="vigie-upload-mem-"))
    vigie = None
    try:
        subprocess.run([str(VIGIE), "keys", "init", "--data-dir", str(work)], check=True,
                       stdout=subprocess.DEVNULL)
        log = open(work / "stdout.txt", "w")
        vigie = subprocess.Popen(
            [str(VIGIE), "serve", "--demo", "--listen", f"127.0.0.1:{PORT}", "--data-dir", str(work),
             "--web-root", str(work / "no-web"), "--access-log", "off"],
            stdout=log, stderr=subprocess.DEVNULL)
        wait_for(f"{BASE}/api/v1/version", timeout=30)
        banner = (work / "stdout.txt").read_text()
        password = re.search(r"password for all: (\S+)", banner).group(1)
        secret = re.search(r"coordination@miprof\.demo .* TOTP secret (\S+)", banner).group(1)
        session = Session("coordination@miprof.demo", password, secret)
        export = session.call("GET", "/api/v1/plan/export.csv?lang=fr")[2].decode("utf-8-sig")
        cols = max(len(export.splitlines()[0].split(";")), len(export.splitlines()[0].split(",")))

        # A few requests first, so that the idle reference includes the threads' first arenas.
        for _ in range(20):
            session.call("GET", "/api/v1/plan")
        time.sleep(0.5)
        idle_rss, idle_hwm = status_kib(vigie.pid, "VmRSS"), status_kib(vigie.pid, "VmHWM")

        issue = make_xlsx(work / "issue.xlsx", 300_000, 1)
        at_cap = make_xlsx(work / "at-cap.xlsx", CELL_CAP // cols, cols)
        rows = []
        at_cap_name = f"{CELL_CAP // cols:,} rows x {cols} columns (at the cap)"
        for count, name, body in ((1, "300,000 rows x 1 column (beyond the cap)", issue),
                                  (UPLOADS, "300,000 rows x 1 column (beyond the cap)", issue),
                                  (UPLOADS, at_cap_name, at_cap)):
            peak, statuses, retries, seconds = upload_all(session, body, vigie.pid, count)
            rows.append((count, name, len(body), peak, statuses, retries, seconds))
        hwm = status_kib(vigie.pid, "VmHWM")
    finally:
        if vigie:
            vigie.terminate()
            vigie.wait()

    mib = lambda kib: f"{kib / 1024:.0f} MiB"
    out = [f"vigie serve on SQLite with the demo data; one, then {UPLOADS} concurrent uploads to "
           f"`POST /api/v1/plan/import` as the demo coordination, each resent after its Retry-After "
           f"when refused 503 (parse slots taken). Target: peak RSS under 150 MB.", "",
           "| Uploads | File | Peak VmRSS | Answers | 503 then resent | Time |",
           "|---|---:|---:|---|---:|---:|",
           f"| none (idle reference) | | {mib(idle_rss)} (VmHWM {mib(idle_hwm)}) | | | |"]
    for count, name, size, peak, statuses, retries, seconds in rows:
        answers = ", ".join(f"{statuses.count(s)}x {s}" for s in sorted(set(statuses)))
        out.append(f"| {count} x {name} | {size / 1e6:.1f} MB | {mib(peak)} | {answers} | {retries} | "
                   f"{seconds:.1f} s |")
    out += ["", f"VmHWM over the whole run: {mib(hwm)} ({'under' if hwm * 1024 < 150e6 else 'OVER'} "
                f"the 150 MB target)."]
    print("\n".join(out))


if __name__ == "__main__":
    main()
