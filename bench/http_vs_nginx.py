#!/usr/bin/env python3
"""HTTP throughput and latency of vigie against nginx serving the same bytes, same run.

Starts vigie (build/vigie, access log off, SQLite) and nginx (2 workers, sendfile,
open_file_cache, access_log off) on loopback, copies vigie's JSON answer and a hashed web
asset into nginx's root (with the build's precompressed .gz/.br copies, served by nginx's
gzip_static), then runs wrk (2 threads, 64 connections) on each target in interleaved rounds,
the asset also as gzip (Accept-Encoding: gzip). It also weighs a first visit of the home page
(index.html and the scripts and styles it names, without the fonts the CSS asks for later) on
the wire from each server: brotli from vigie, gzip from both. Writes the medians and the vigie/nginx ratios into docs/PERFORMANCE.md
between the BENCH:http markers. The machine is shared and noisy: read the ratios, not the
absolute numbers.
"""
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
import urllib.request

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from common import wait_for  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parent.parent
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
DURATION = os.environ.get("BENCH_DURATION", "10s")
VIGIE_PORT, NGINX_PORT = 18090, 18091



def wrk(url, headers=()):
    extra = [x for h in headers for x in ("-H", h)]
    out = subprocess.run(["wrk", "-t2", "-c64", f"-d{DURATION}", "--latency", *extra, url],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    m = re.search(r"99%\s+([\d.]+)(us|ms|s)\b", out)
    p99 = float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} error responses\n{out}")
    return rps, p99


def main():
    work = pathlib.Path(tempfile.mkdtemp(prefix="vigie-bench-"))
    work.chmod(0o755)  # nginx workers run as www-data and must read the site
    procs = []
    try:
        subprocess.run([str(ROOT / "build/vigie"), "keys", "init", "--data-dir", str(work / "data")],
                       check=True, stdout=subprocess.DEVNULL)
        vigie = subprocess.Popen(
            [str(ROOT / "build/vigie"), "serve", "--listen", f"127.0.0.1:{VIGIE_PORT}",
             "--data-dir", str(work / "data"), "--web-root", str(ROOT / "web/dist"),
             "--access-log", "off"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(vigie)
        json_body = wait_for(f"http://127.0.0.1:{VIGIE_PORT}/api/v1/version")

        assets = sorted((ROOT / "web/dist/assets").glob("index-*.js"))
        asset = assets[0].name
        site = work / "site"
        (site / "api/v1").mkdir(parents=True)
        (site / "assets").mkdir()
        (site / "api/v1/version").write_bytes(json_body)
        shutil.copy(assets[0], site / "assets" / asset)
        # The whole built site, with its precompressed copies, for the first-visit weight.
        dist = ROOT / "web/dist"
        for f in dist.rglob("*"):
            if f.is_file() and not (site / f.relative_to(dist)).exists():
                (site / f.relative_to(dist)).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy(f, site / f.relative_to(dist))
        conf = work / "nginx.conf"
        conf.write_text(f"""
worker_processes 2;
pid {work}/nginx.pid;
error_log {work}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
  access_log off;
  sendfile on; tcp_nopush on; tcp_nodelay on;
  open_file_cache max=100 inactive=60s;
  keepalive_requests 1000000;
  types {{ text/javascript js; text/css css; text/html html; }}
  gzip_static on;
  default_type application/json;
  client_body_temp_path {work}/tmp; proxy_temp_path {work}/tmp; fastcgi_temp_path {work}/tmp;
  uwsgi_temp_path {work}/tmp; scgi_temp_path {work}/tmp;
  server {{ listen 127.0.0.1:{NGINX_PORT}; root {site}; }}
}}
""")
        (work / "tmp").mkdir()
        nginx = subprocess.Popen(["nginx", "-c", str(conf), "-g", "daemon off;"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        procs.append(nginx)
        wait_for(f"http://127.0.0.1:{NGINX_PORT}/api/v1/version")

        targets = {
            ("json", "nginx"): f"http://127.0.0.1:{NGINX_PORT}/api/v1/version",
            ("json", "vigie"): f"http://127.0.0.1:{VIGIE_PORT}/api/v1/version",
            ("asset", "nginx"): f"http://127.0.0.1:{NGINX_PORT}/assets/{asset}",
            ("asset", "vigie"): f"http://127.0.0.1:{VIGIE_PORT}/assets/{asset}",
            ("asset-gz", "nginx"): f"http://127.0.0.1:{NGINX_PORT}/assets/{asset}",
            ("asset-gz", "vigie"): f"http://127.0.0.1:{VIGIE_PORT}/assets/{asset}",
        }
        results = {k: [] for k in targets}
        for r in range(ROUNDS):
            for key, url in targets.items():
                results[key].append(wrk(url, ("Accept-Encoding: gzip",) if key[0] == "asset-gz" else ()))
                print(f"round {r + 1}/{ROUNDS} {key[0]:5} {key[1]:5} "
                      f"{results[key][-1][0]:>10.0f} req/s  p99 {results[key][-1][1]:.2f} ms",
                      flush=True)

        def med(key, i):
            return statistics.median(x[i] for x in results[key])

        def rng(key):
            v = [x[0] for x in results[key]]
            return f"{min(v) / 1000:.1f}–{max(v) / 1000:.1f}k"

        rows = []
        for what, label in (("json", f"`GET /api/v1/version` ({len(json_body)} B JSON)"),
                            ("asset", f"`GET /assets/{asset}` ({(site / 'assets' / asset).stat().st_size // 1024} KiB)"),
                            ("asset-gz", f"the same, gzip ({(site / 'assets' / (asset + '.gz')).stat().st_size // 1024} KiB)")):
            n_rps, v_rps = med((what, "nginx"), 0), med((what, "vigie"), 0)
            rows.append(f"| {label} | {n_rps / 1000:.1f}k ({rng((what, 'nginx'))}) | "
                        f"{med((what, 'nginx'), 1):.2f} ms | {v_rps / 1000:.1f}k ({rng((what, 'vigie'))}) | "
                        f"{med((what, 'vigie'), 1):.2f} ms | **{100 * v_rps / n_rps:.0f} %** |")
        def first_visit(port, encoding):
            """Bytes on the wire (headers aside) for index.html and the assets it names."""
            def get(path):
                req = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                             headers={"Accept-Encoding": encoding})
                with urllib.request.urlopen(req) as r:
                    return r.read()
            html = get("/")
            total = len(html)
            page = html.decode("utf-8", "replace") if html[:1] == b"<" else (dist / "index.html").read_text()
            for path in re.findall(r'(?:src|href)="(/assets/[^"]+)"', page):
                body = get(path)
                total += len(body)
                if path.endswith(".css"):
                    # The faces the home page draws with (as a browser fetches them, measured
                    # in tests/e2e/first-use.test.ts): the Latin subsets of three weights.
                    css = (dist / path.lstrip("/")).read_text()
                    for font in re.findall(r"url\((/assets/Marianne-(?:Regular|Medium|Bold)-latin-[\w-]+\.woff2)\)", css):
                        total += len(get(font))
            return total
        weights = {("vigie", "br"): first_visit(VIGIE_PORT, "br, gzip"),
                   ("vigie", "gzip"): first_visit(VIGIE_PORT, "gzip"),
                   ("nginx", "gzip"): first_visit(NGINX_PORT, "gzip"),
                   ("vigie", "none"): first_visit(VIGIE_PORT, "identity")}
        cpu = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
        table = "\n".join([
            f"Run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {cpu} cores: "
            f"`wrk -t2 -c64 -d{DURATION} --latency`, {ROUNDS} interleaved rounds, medians "
            "(range of req/s in brackets). nginx serves the same bytes from files.",
            "",
            "| target | nginx req/s | nginx p99 | vigie req/s | vigie p99 | vigie / nginx |",
            "|---|---|---|---|---|---|",
            *rows,
            "",
            "First visit of the home page (index.html, its script, its styles and the Latin "
            "subsets of the three Marianne weights it uses; the page's data comes on top): "
            f"vigie brotli **{weights[('vigie', 'br')] / 1024:.0f} KiB**, "
            f"vigie gzip {weights[('vigie', 'gzip')] / 1024:.0f} KiB, "
            f"nginx gzip_static {weights[('nginx', 'gzip')] / 1024:.0f} KiB, "
            f"uncompressed {weights[('vigie', 'none')] / 1024:.0f} KiB (target: under 200 KiB).",
        ])
        print("\n" + table)
        doc = ROOT / "docs/PERFORMANCE.md"
        text = doc.read_text()
        new = re.sub(r"(<!-- BENCH:http -->\n).*?(\n<!-- /BENCH:http -->)",
                     lambda m: m.group(1) + table + m.group(2), text, flags=re.S)
        doc.write_text(new)
    finally:
        for p in procs:
            p.send_signal(signal.SIGTERM)
            p.wait(timeout=15)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
