"""Serve the built site on a local network, with its "page not found" page for unknown addresses.

Shipped with the site as ``serve.py`` (the build hook copies it into ``site/``), so a classroom
needs only Python 3.7 or newer and this folder: ``python3 site/serve.py`` (``--port``, ``--bind``,
``--directory``). ``python3 -m http.server`` would answer an unknown address with its own bare
error page and list folders that have no ``index.html``; this server answers both with the
site's ``404.html`` and status 404. Standard library only.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import sys
from http import HTTPStatus

NOT_FOUND_PAGE = "404.html"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; a missing file or a folder without ``index.html`` gets the site's 404 page."""

    def list_directory(self, path):
        self.send_error(HTTPStatus.NOT_FOUND, "File not found")
        return None

    def send_error(self, code, message=None, explain=None):
        page = os.path.join(self.directory, NOT_FOUND_PAGE)
        if code != HTTPStatus.NOT_FOUND or not os.path.isfile(page):
            super().send_error(code, message, explain)
            return
        with open(page, "rb") as f:
            body = f.read()
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def make_server(directory: str, port: int = 8000, bind: str = "") -> http.server.ThreadingHTTPServer:
    """A server for ``directory`` (not yet serving); it must hold the built site's ``404.html``."""
    if not os.path.isfile(os.path.join(directory, NOT_FOUND_PAGE)):
        raise FileNotFoundError(f"{directory} has no {NOT_FOUND_PAGE}: point --directory at the built site")
    handler = functools.partial(SiteHandler, directory=directory)
    return http.server.ThreadingHTTPServer((bind, port), handler)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--directory", default=here, help="the built site (default: this file's folder)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--bind", default="", help="address to listen on (default: every interface)")
    args = parser.parse_args(argv)
    try:
        server = make_server(args.directory, args.port, args.bind)
    except (FileNotFoundError, OSError) as exc:
        print(f"serve.py: {exc}", file=sys.stderr)
        return 1
    host, port = server.server_address[:2]
    print(f"Serving {args.directory} on http://{host or 'localhost'}:{port}/ (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
