"""The built site behind a real nginx, configured with the server block `forvictims hosting nginx`
prints: what a visitor's browser receives from a host set up as the README says."""

from __future__ import annotations

import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from conftest import declared_languages
from content_tree import write_tree
from forvictims.hosting import ASSET_CACHE, PAGE_CACHE, headers, headers_file, nginx
from forvictims.publish import build
from nginx_host import served

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def at_the_root(built_site, tmp_path_factory):
    with served(built_site, "/", tmp_path_factory.mktemp("nginx")) as origin:
        yield origin


@pytest.fixture(scope="module")
def in_a_folder(tmp_path_factory):
    """A small site built for https://www.example.org.uk/for-victims/, served from that folder."""
    root = tmp_path_factory.mktemp("hosted-in-a-folder")
    build(write_tree(root), root / "build", base_url="https://www.example.org.uk/for-victims/")
    with served(root / "build", "/for-victims/", root / "nginx") as origin:
        yield origin + "/for-victims"


def fetch(url: str, gzip: bool = False):
    """(status, headers, body) of a GET, asking for gzip when `gzip`."""
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"} if gzip else {})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def stylesheet(origin: str, page: str = "/en/") -> str:
    """The stylesheet's address as a page links to it, fingerprint included."""
    import re

    html = fetch(origin + page)[2].decode("utf-8")
    return re.search(r'href="([^"]+forvictims\.css\?v=[^"]+)"', html)[1]


def test_every_response_carries_the_security_headers(at_the_root):
    for path in ("/", "/en/", "/ar/crime/domestic-abuse/", stylesheet(at_the_root), "/en/search/index.json",
                 "/open-data/services.json", "/open-data/services.csv", "/no-such-page/"):
        received = fetch(at_the_root + path)[1]
        for name, value in headers().items():
            assert received[name] == value, (path, name)
        assert "nginx/" not in (received["Server"] or "")  # no version for anyone to look up


def test_fingerprinted_files_are_kept_a_year_and_pages_five_minutes(at_the_root):
    assert fetch(at_the_root + stylesheet(at_the_root))[1]["Cache-Control"] == ASSET_CACHE
    assert fetch(at_the_root + "/en/crime/")[1]["Cache-Control"] == PAGE_CACHE
    assert fetch(at_the_root + "/en/search/index.json")[1]["Cache-Control"] == PAGE_CACHE


@pytest.mark.parametrize("path, kind", [("/en/", "text/html"), ("css", "text/css"),
                                        ("/en/search/index.json", "application/json"),
                                        ("/sitemap.xml", "text/xml"), ("/sitemap-ar.xml", "text/xml"),
                                        ("/open-data/services.json", "application/json"),
                                        ("/open-data/services.csv", "text/csv")])
def test_text_is_sent_compressed_with_its_type(at_the_root, path, kind):
    path = stylesheet(at_the_root) if path == "css" else path
    status, received, body = fetch(at_the_root + path, gzip=True)
    assert status == 200
    assert received["Content-Type"].split(";")[0] == kind
    assert received["Content-Encoding"] == "gzip"
    assert len(body) < int(len(fetch(at_the_root + path)[2]) * 0.6)


@pytest.mark.parametrize("site", ["at_the_root", "in_a_folder"])
def test_the_open_data_is_utf8_that_other_websites_may_fetch(request, site):
    origin = request.getfixturevalue(site)
    for name, kind in (("services.json", "application/json"), ("services.csv", "text/csv")):
        status, received, body = fetch(f"{origin}/open-data/{name}")
        assert status == 200 and received["Content-Type"] == f"{kind}; charset=utf-8", name
        assert received["Access-Control-Allow-Origin"] == "*"
        assert received["Cache-Control"] == PAGE_CACHE
    assert body.startswith("\ufeffID,Name,Organisation,".encode("utf-8"))
    # Pages are for this site alone.
    assert fetch(f"{origin}/en/")[1]["Access-Control-Allow-Origin"] is None


def test_hosts_that_read_headers_files_send_the_csv_as_utf8_and_let_anyone_fetch_the_data():
    rules = headers_file().strip().split("\n/")
    assert "open-data/*\n  Access-Control-Allow-Origin: *" in rules
    assert "open-data/services.csv\n  Content-Type: text/csv; charset=utf-8" in rules


@pytest.mark.parametrize("language", declared_languages())
def test_each_language_is_served(at_the_root, language):
    status, received, body = fetch(f"{at_the_root}/{language}/crime/domestic-abuse/")
    assert status == 200 and received["Content-Type"] == "text/html; charset=utf-8"
    assert f'<html lang="{language}"' in body.decode("utf-8")


@pytest.mark.parametrize("site", ["at_the_root", "in_a_folder"])
def test_a_missing_page_is_a_404_with_the_sites_own_page(request, site):
    origin = request.getfixturevalue(site)
    status, _, body = fetch(origin + "/en/no-such-page/")
    assert status == 404
    assert "Exit this page" in body.decode("utf-8")


@pytest.mark.browser
def test_the_site_works_from_a_folder_in_chromium(browser, in_a_folder):
    context = browser.new_context()
    outside, problems = [], []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(in_a_folder)
                  else (outside.append(route.request.url), route.abort()))
    page = context.new_page()
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.goto(in_a_folder + "/en/", wait_until="networkidle")
    # The stylesheet applied (GOV.UK's template sets this font size) and the script ran.
    assert page.evaluate("getComputedStyle(document.querySelector('.govuk-exit-this-page__button')).display") != "inline"
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
    page.get_by_role("link", name="Domestic abuse", exact=True).first.click()
    page.wait_for_url(in_a_folder + "/en/crime/domestic-abuse/")
    page.goto(in_a_folder + "/en/search/#q=domestic%20abuse", wait_until="networkidle")
    page.locator("#search-results a").first.wait_for()
    assert page.locator("#search-results a").first.get_attribute("href").startswith("/for-victims/en/")
    assert outside == [] and problems == []
    context.close()


def test_the_command_prints_the_server_block_for_a_folder(runner, tmp_path):
    from forvictims.cli import main

    result = runner.invoke(main, ["hosting", "nginx", "--root", str(tmp_path),
                                  "--base-url", "https://www.example.org.uk/for-victims/", "--listen", "8080"])
    assert result.exit_code == 0, result.output
    assert result.output == nginx(tmp_path, "/for-victims/", "8080")
    assert f'    location /for-victims/ {{\n        alias "{tmp_path.resolve()}/";' in result.output



def test_netlify_builds_with_make_site_and_publishes_the_build():
    import tomllib

    settings = tomllib.loads((ROOT / "netlify.toml").read_text(encoding="utf-8"))["build"]
    assert (settings["command"], settings["publish"]) == ("make site", "build")


def test_github_pages_builds_the_site_for_its_folder():
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    run = next(step["run"] for step in steps if "run" in step)
    assert run == 'make site BASE_URL="${{ steps.pages.outputs.base_url }}/"'
    assert next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact"))["with"] \
        == {"path": "build"}
    # make passes the folder on to the build, which then starts every link with it.
    planned = subprocess.run(["make", "-n", "site", "BASE_URL=https://owner.github.io/repository/"], cwd=ROOT,
                             capture_output=True, text=True, check=True).stdout
    assert 'forvictims build --base-url "https://owner.github.io/repository/"' in planned


VNU = ROOT / "site" / "assets" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_every_page_in_every_language_is_valid_html(built_site, at_the_root):
    """The Nu HTML Checker finds no error and no warning on any page, fetched from nginx."""
    import json

    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail("The HTML check needs Java and vnu-jar: run `make test`, which installs both.")
    pages = sorted(built_site.rglob("*.html"))
    urls = [at_the_root + "/" + str(page.relative_to(built_site)).removesuffix("index.html") for page in pages]
    assert len(urls) > 1400 and f"{at_the_root}/ar/crime/domestic-abuse/" in urls
    # The checker refuses addresses on this machine unless told they are allowed.
    result = subprocess.run([java, "-Dnu.validator.servlet.allow-forbidden-hosts=true", "-jar", str(VNU),
                             "--format", "json", *urls], capture_output=True, text=True)
    messages = json.loads(result.stderr)["messages"]
    problems = [f'{message.get("url", "")}: {message["message"]}' for message in messages
                if message["type"] != "info" or message.get("subType") == "warning"]
    assert problems == []
