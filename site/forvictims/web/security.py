"""What keeps a visitor's visit private: no other origin, no referrer, no framing.

The same policy is sent three ways: as meta tags in every page (works on any host), as HTTP
headers from the preview server, and by the hosts that serve the built site (hosting.py: a
`_headers` file for Netlify and Cloudflare Pages, an nginx server block).
"""

from __future__ import annotations

import base64
import hashlib

# Lets GOV.UK Frontend's CSS know JavaScript runs before the page is painted (no layout jump).
INLINE_SCRIPT = (
    "document.body.className += ' js-enabled' + "
    "('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '') + "
    "(location.hash.indexOf('#q=') === 0 ? ' fv-searching' : '');"
)


def _hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy(*scripts: str) -> str:
    """The Content-Security-Policy that allows the inline `scripts` by their hashes. Every fetch
    is limited to this site's own origin. `frame-ancestors` only works as a header (browsers
    ignore it, with a console error, in a meta tag), so it is added to headers only."""
    return "; ".join([
        "default-src 'none'",
        " ".join(["script-src 'self'", *map(_hash, scripts)]),
        "style-src 'self'",
        "img-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
    ])


CONTENT_SECURITY_POLICY = policy(INLINE_SCRIPT)


def policy_with(data_block: str) -> str:
    """The policy for a page that also carries `data_block`, the text of a script block browsers
    never run (JSON-LD): its hash is allowed too, so that checkers of the page find nothing
    the policy blocks."""
    return policy(INLINE_SCRIPT, data_block)


HEADERS = {
    "Content-Security-Policy": f"{CONTENT_SECURITY_POLICY}; frame-ancestors 'none'",
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}
