"""How a web server should serve build/: the site's security headers and HSTS on every response,
CSS and JavaScript cached for a year (pages fetch them with ?v= and a fingerprint of the file,
so a change is a new address), pages for five minutes (so a corrected phone number reaches
visitors soon), text compressed, and 404.html for addresses that do not exist. The open data
in /open-data/ may be fetched by other websites' scripts too, and its CSV says it is UTF-8.

`headers_file()` writes these as the `_headers` file the build puts in build/ for Netlify and
Cloudflare Pages; `nginx()` as an nginx server block, which `forvictims hosting nginx` prints.
"""

from __future__ import annotations

from pathlib import Path

from .web import opendata, security

STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains"
PAGE_CACHE = "public, max-age=300"
ASSET_CACHE = "public, max-age=31536000, immutable"
# Everything of the site's that is text; the icons are small and images are already compressed.
COMPRESSED = ("text/css", "application/javascript", "application/json", "image/svg+xml", "text/xml",
              "text/plain", "text/csv", "image/x-icon")
OPEN_DATA = f"{opendata.FOLDER}/"
# Open data is public and carries no cookies: any website may fetch it, in a visitor's browser too.
OPEN_DATA_HEADERS = {"Access-Control-Allow-Origin": "*"}
# RFC 4180 makes text/csv US-ASCII unless the type says otherwise: the file is UTF-8.
CSV_TYPE = "text/csv; charset=utf-8"


def headers() -> dict[str, str]:
    """The headers every response carries, whatever it is."""
    return {**security.HEADERS, "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY}


def headers_file() -> str:
    """The `_headers` file: every header on every path, and a year's caching for /static/. The
    hosts' own caching of pages (revalidated each visit) is short already, and a Cache-Control
    on /* would be joined to the one on /static/*."""
    lines = ["/*"] + [f"  {name}: {value}" for name, value in headers().items()]
    lines += ["/static/*", f"  Cache-Control: {ASSET_CACHE}"]
    lines += [f"/{OPEN_DATA}*"] + [f"  {name}: {value}" for name, value in OPEN_DATA_HEADERS.items()]
    lines += [f"/{OPEN_DATA}{opendata.CSV_FILE}", f"  Content-Type: {CSV_TYPE}"]
    return "\n".join(lines) + "\n"


def nginx(root: Path, path: str = "/", listen: str = "80") -> str:
    """An nginx server block serving the built site in `root` at `path` (the folder part of
    base_url, like "/" or "/for-victims/"), listening on `listen`. Behind HTTPS in production:
    put TLS in front of it or add it to the block."""
    root = Path(root).resolve()
    path = "/" + path.strip("/") + "/" if path.strip("/") else "/"

    def add_headers(cache: str, more: dict[str, str] | None = None) -> str:
        # nginx drops a server's add_header lines in a location that has its own, so each
        # location gives every header.
        lines = [*headers().items(), ("Cache-Control", cache), *(more or {}).items()]
        return "\n".join(f'        add_header {name} "{value}" always;' for name, value in lines)

    return f"""# For Victims: the static site in {root}, at {path}.
# Made by `forvictims hosting nginx`; put it in /etc/nginx/sites-enabled/ or include it in http {{ }}.
server {{
    listen {listen};
    server_name _;
    server_tokens off;
    charset utf-8;
    charset_types text/css application/javascript application/json image/svg+xml text/xml text/plain text/csv;

    gzip on;
    gzip_vary on;
    gzip_comp_level 6;
    gzip_min_length 256;
    gzip_types {" ".join(COMPRESSED)};

    location {path} {{
        alias "{root}/";
        index index.html;
{add_headers(PAGE_CACHE)}
    }}

    location {path}static/ {{
        alias "{root}/static/";
{add_headers(ASSET_CACHE)}
    }}

    location {path}{OPEN_DATA} {{
        alias "{root}/{OPEN_DATA}";
        # Only JSON and CSV live here; a types block replaces nginx's list, which lacks CSV.
        types {{
            application/json json;
            text/csv csv;
        }}
{add_headers(PAGE_CACHE, OPEN_DATA_HEADERS)}
    }}

    error_page 404 {path}404.html;
}}
"""
