"""The security headers every response carries, and the Content-Security-Policy of each kind of
page: the upload page runs only its own script file, a report view runs its inline script in a
sandbox with no network access, and /docs runs the Swagger UI shipped in a package (no CDN).
"""

from __future__ import annotations

from typing import Any

PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; frame-src 'self'; form-action 'self'; base-uri 'none'; "
            "frame-ancestors 'none'")
# A report is one self-contained page with inline style and script (render/html.py); it may be
# framed by our page only, and the sandbox keeps its script out of our origin.
REPORT_CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
              "img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'; "
              "sandbox allow-scripts allow-popups")
DOCS_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' "
            "'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; "
            "frame-ancestors 'none'")
API_CSP = "default-src 'none'; frame-ancestors 'none'"

COMMON = {
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"no-referrer",
    b"cross-origin-opener-policy": b"same-origin",
    b"permissions-policy": b"camera=(), microphone=(), geolocation=()",
}


def _policy(path: str) -> tuple[bytes, bytes]:
    """(CSP, X-Frame-Options) for a request path."""
    if path.startswith("/web/reports/"):
        return REPORT_CSP.encode(), b"SAMEORIGIN"
    if path.startswith("/docs"):
        return DOCS_CSP.encode(), b"DENY"
    if path in ("/", "/web/app.js", "/web/app.css"):
        return PAGE_CSP.encode(), b"DENY"
    return API_CSP.encode(), b"DENY"


class SecurityHeaders:
    """ASGI middleware adding COMMON, a CSP and X-Frame-Options to every response that does not
    set its own."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp, frame = _policy(scope.get("path", ""))
        extra = dict(COMMON)
        extra[b"content-security-policy"] = csp
        extra[b"x-frame-options"] = frame

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", ()))
                present = {name.lower() for name, _ in headers}
                headers.extend((k, v) for k, v in extra.items() if k not in present)
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
