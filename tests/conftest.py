"""Shared fixtures: the real content, the app, one frozen build served over HTTP, a browser."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from forvictims.web.app import create_app
from forvictims.publish import build
from forvictims.editors import load_library

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"


def declared_languages() -> list[str]:
    """The languages content/site.yaml declares, English first, read from the file itself."""
    import yaml

    return list(yaml.safe_load((CONTENT / "site.yaml").read_text(encoding="utf-8"))["languages"])


@pytest.fixture(scope="session")
def library():
    """The site's real content, loaded and checked."""
    return load_library(CONTENT)


@pytest.fixture
def app(library):
    """The Flask app over the real content."""
    return create_app(library=library)


@pytest.fixture
def client(app):
    """A test client for the app."""
    return app.test_client()


@pytest.fixture
def runner():
    """Runs `forvictims` commands as a terminal would."""
    return CliRunner()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real content frozen once into a folder, as `make site` does."""
    destination = tmp_path_factory.mktemp("site") / "build"
    build(CONTENT, destination)
    return destination


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    """The frozen site served over HTTP on 127.0.0.1, as a static host would serve it."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, driven by Playwright, with no background traffic of its own."""
    from playwright.sync_api import sync_playwright

    executable = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(executable).exists():
        pytest.fail("The browser tests need Chromium: run `make test`, which installs it.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()
