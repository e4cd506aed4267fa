"""The browser and the static server shared by the benchmark and the browser test suite (dev tools).

``CHROMIUM=<path>`` picks the browser (default: Debian's ``/usr/bin/chromium``); it is the one
variable both tools read.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import socket
import threading
from pathlib import Path
from typing import ClassVar

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# No background traffic to any other host (the machine has no network but the package registries).
# The bench and the browser test suite launch Chromium with the same arguments.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CHROMIUM_FLAGS = ["--headless=new", *CHROMIUM_ARGS]  # for Lighthouse, which starts Chromium itself
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """http.server, plus gzip for text files when the client accepts it (as static hosts do)."""

    _cache: ClassVar[dict[Path, bytes]] = {}

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().do_GET()
        if path not in self._cache:
            self._cache[path] = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        body = self._cache[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.end_headers()
        self.wfile.write(body)
        return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, site: Path, port: int):
        handler = functools.partial(GzipHandler, directory=str(site))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
        self.origin = f"http://127.0.0.1:{port}"

    def __enter__(self):
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
