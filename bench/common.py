"""What the benchmark scripts share: waiting for a server to answer."""
import time
import urllib.request


def wait_for(url, timeout=20):
    """The body of the first successful GET of `url` (polled every 0.1 s until `timeout`)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url) as r:
                return r.read()
        except Exception:
            time.sleep(0.1)
    raise SystemExit(f"{url} did not answer")
