"""A static server for the built site that sends security headers, as a host would."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Callable
from pathlib import Path

# The policy the issue asks every page to run under: no inline allowances, no hashes.
STRICT_CSP = ("default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
              "form-action 'self'; frame-ancestors 'none'")


class HeaderHandler(http.server.SimpleHTTPRequestHandler):
    headers_to_send: dict[str, list[str]] = {}

    def log_message(self, format: str, *args: object) -> None:
        pass

    def end_headers(self) -> None:
        for name, values in self.headers_to_send.items():
            for value in values:
                self.send_header(name, value)
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # Like a static host: a missing path answers with the site's own 404.html.
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def serve_with_headers(folder: Path, headers: dict[str, list[str]]) -> tuple[str, Callable[[], None]]:
    """(base URL, stop) of a server on 127.0.0.1 adding `headers` to every response."""
    handler_class = type("Handler", (HeaderHandler,), {"headers_to_send": headers})
    handler = functools.partial(handler_class, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server.shutdown


# Records every CSP violation the document sees, before any page script runs.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
}, true);
"""
