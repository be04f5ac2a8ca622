"""Build the site: check the content, freeze every page into a fresh folder, and swap it in
for the last build only when every page is written. A failed build never touches the last one.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import io
import shutil
import sys
import tempfile
import time
import traceback
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit

import click
from flask import Flask
from flask.testing import FlaskClient
from flask_frozen import Freezer, FrozenFlaskWarning, MissingURLGeneratorWarning
from werkzeug.wrappers import Response

from . import hosting, parallel
from .content.library import Library
from .content.problems import Problem, command, display_path, plural
from .editors import inspection
from .editors.checks import LongChecks
from .editors.inspection import interface_folder
from .web.app import create_app
from .web.catalogues import CATALOGUES, compile_catalogues
from .web.search import helplines_in
from .web.views import all_pages


class BuildError(click.ClickException):
    """The site could not be built; the message says why and what to do."""


# Every build carries this file, so a later build only ever replaces a folder it made itself.
MARKER = ".forvictims-build"
MARKER_TEXT = (
    "This folder is made by `forvictims build` and replaced whole by the next build.\n"
    "Do not keep anything else in it.\n"
)


@dataclass(frozen=True)
class BuildResult:
    pages: int
    files: int
    seconds: float
    destination: Path
    notes: tuple[str, ...] = ()  # things to do before publishing


def split_base_url(base_url: str) -> tuple[str | None, str]:
    """"https://example.org/help/" → ("https://example.org", "/help/"); "/help" → (None, "/help/")."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("", "http", "https") or (parts.scheme and not parts.netloc):
        raise BuildError(
            f'The base address "{base_url}" is not an address: write it like '
            "https://www.example.org.uk/ or /for-victims/"
        )
    if not parts.scheme and not base_url.startswith("/"):
        raise BuildError(f'The base address "{base_url}" must start with https:// or with /')
    origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme else None
    return origin, parts.path.rstrip("/") + "/"


def build(content_dir: Path | str, destination: Path | str, base_url: str | None = None,
          catalogues: Path = CATALOGUES, jobs: int | None = None) -> BuildResult:
    """Check all content, freeze every page into a fresh folder, then swap it in.

    The translations of the buttons and menus (translations/, beside the content folder) are
    compiled into `catalogues` first: the package's own folder, unless told otherwise. The
    pages are shared among `jobs` processes: one for each processor, unless told otherwise.
    The quick checks come first, and no page is drawn from content they find wrong; the long
    ones run beside the pages, and the new folder is swapped in only if they pass too.
    """
    started = time.perf_counter()
    destination = Path(destination).resolve()
    check_destination(destination, Path(content_dir).resolve())
    try:
        with _kept_whole():
            content = inspection.start(content_dir)  # raises ContentError before anything is written
        return _build(content, content_dir, destination, base_url, catalogues, jobs, started)
    finally:
        gc.unfreeze()


def _build(content: inspection.Started, content_dir: Path | str, destination: Path, base_url: str | None,
           catalogues: Path, jobs: int | None, started: float) -> BuildResult:
    library = content.library
    compile_catalogues(interface_folder(content_dir), catalogues)
    origin, path = split_base_url(base_url or library.site.base_url)
    destination.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f"{destination.name}.staging-", dir=destination.parent))
    staging.chmod(0o755)
    try:
        app = create_app(library=library, catalogues=catalogues)
        checks = content.long_checks(helplines=functools.partial(helplines_in, app))  # the site's own words
        urls, found = freeze(app, library, staging, origin, path, jobs, checks)
        warnings_found = inspection.finish([*content.problems, *found])  # raises ContentError
        extras = {"_headers": hosting.headers_file(), MARKER: MARKER_TEXT}
        for name, text in extras.items():
            (staging / name).write_text(text, encoding="utf-8")
        _swap(staging, destination)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return BuildResult(
        pages=sum(1 for url in urls if url.endswith(("/", ".html"))),
        files=len(urls) + len(extras),  # a file for each URL: walking the folder costs seconds
        seconds=time.perf_counter() - started,
        destination=destination,
        notes=_notes(len(warnings_found), origin),
    )


@contextlib.contextmanager
def _kept_whole():
    """Python's garbage collector paused while the content is read, then told to leave what was
    read alone until the build is done (gc.unfreeze): all of it is kept, yet the collector would
    look through it again and again, most of a second at scale."""
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def freeze(app: Flask, library: Library, folder: Path, origin: str | None, path: str,
           jobs: int | None = None, checks: LongChecks | None = None) -> tuple[list[str], list[Problem]]:
    """Write every page of the app over `library` into `folder`, as served from `origin` (None
    when not known) under `path`, and run the content's long `checks` beside them; return the
    URLs written and the problems the checks found.

    The work is shared among `jobs` processes (one for each processor, by default: see
    parallel.py), each a Frozen-Flask freezer of its own taking work as it is free and writing
    pages into the same folder. No page depends on another, so the files are the same whichever
    process writes them. Once a check finds an error, no more pages are drawn: the build fails.
    """
    app.config.update(
        SITE_ORIGIN=origin,
        FREEZER_DESTINATION=str(folder),
        FREEZER_BASE_URL=f"{origin or 'http://localhost'}{path}",
        FREEZER_REDIRECT_POLICY="error",
        FREEZER_IGNORE_404_NOT_FOUND=False,
        FREEZER_REMOVE_EXTRA_FILES=False,
    )
    with app.app_context():
        pages = all_pages(library)
    _check_every_endpoint(app, pages)
    pile = parallel.Pile(_work(*_groups(pages, library.languages), checks))
    done = parallel.run([functools.partial(_freeze_share, app, pile, with_static_files=number == 0)
                         for number in range(jobs or parallel.ways(len(pages)))])
    found = [problem for share in done for problem in share.problems]
    failed = next((share.failed for share in done if share.failed is not None), None)
    if failed is not None and not any(not problem.warning for problem in found):
        raise failed  # a page could not be drawn, and not for a problem the checks found
    return [url for share in done for url in share.urls], found


@dataclass
class _Work:
    """What a process takes from the pile: a check to run, then pages to freeze (a language's
    search pages come with the search check, which builds the index they need)."""

    pages: list[str]
    check: Callable[[], list[Problem]] | None = None


def _work(searching: dict[str, list[str]], others: list[list[str]], checks: LongChecks | None) -> list[_Work]:
    """The pile, the longest work first: each language's search check with its search pages
    (the check builds the index they need), the other checks (so that all have run, whatever
    comes next), then the other pages (see _groups)."""
    if checks is None:
        return [_Work(group) for group in (*searching.values(), *others)]
    search = [_Work(searching.get(language, []), check) for language, check in checks.search.items()]
    unchecked = [_Work(group) for language, group in searching.items() if language not in checks.search]
    return [*search, *unchecked, *(_Work([], check) for check in checks.texts), *(_Work(group) for group in others)]


@dataclass
class _Share:
    """What one process did: the URLs it wrote, the problems its checks found, and the error
    that stopped it, if any (its traceback in the error's notes)."""

    urls: list[str]
    problems: list[Problem]
    failed: BaseException | None = None


def _freeze_share(app: Flask, pile: parallel.Pile[_Work], with_static_files: bool) -> _Share:
    """Take work from `pile` until none is left: run its check, freeze its pages into the
    app's FREEZER_DESTINATION."""
    found: list[Problem] = []

    def pages():
        for work in pile:
            if work.check is not None:
                problems = work.check()
                found.extend(problems)
                if any(not problem.warning for problem in problems):
                    pile.stop()  # the build fails: the other checks run, but no more pages
            if not pile.stopped:
                yield from work.pages

    freezer = Freezer(app, with_static_files=with_static_files, with_no_argument_rules=False,
                      log_url_for=False)  # every page is listed: url_for logging misses languages
    freezer.register_generator(pages)
    client, app.test_client_class = app.test_client_class, _Fetch
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", FrozenFlaskWarning)
            # Each process builds some endpoints only: _check_every_endpoint has seen to the whole site.
            warnings.simplefilter("ignore", MissingURLGeneratorWarning)
            return _Share(sorted(freezer.freeze()), found)
    except Exception as error:  # kept until every check has run: a content error explains it better
        error.add_note(traceback.format_exc())
        pile.stop()
        for work in pile:  # the checks left: no process draws pages any more
            if work.check is not None:
                found.extend(work.check())
        return _Share([], found, error)
    finally:
        app.test_client_class = client


class _Fetch(FlaskClient):
    """What Frozen-Flask fetches each page with (it asks the app for its test client): the
    page's request made straight to the app. Flask's test client also builds requests for
    testing forms, keeps cookies and follows redirects, which a build never needs, and that
    took a fifth of the time of a page. Frozen-Flask asks for a new one for every page."""

    def __init__(self, application: Flask, *_, **__):
        self.application = application

    def open(self, path: str, base_url: str = "http://localhost/", **_) -> Response:
        base = urlsplit(base_url)
        environ = {
            "REQUEST_METHOD": "GET", "SCRIPT_NAME": base.path.rstrip("/"),
            "PATH_INFO": path.encode("utf-8").decode("latin-1"), "QUERY_STRING": "",
            "SERVER_NAME": base.hostname, "SERVER_PORT": str(base.port or (443 if base.scheme == "https" else 80)),
            "HTTP_HOST": base.netloc, "SERVER_PROTOCOL": "HTTP/1.1", "wsgi.version": (1, 0),
            "wsgi.url_scheme": base.scheme, "wsgi.input": io.BytesIO(), "wsgi.errors": sys.stderr,
            "wsgi.multithread": False, "wsgi.multiprocess": False, "wsgi.run_once": False,
        }
        started = []
        body = self.application(environ, lambda status, headers, exc_info=None: started.append((status, headers)))
        try:
            data = b"".join(body)
        finally:
            getattr(body, "close", lambda: None)()
        status, headers = started[0]
        return Response(data, status=status, headers=headers)


def _check_every_endpoint(app: Flask, pages: list[tuple[str, str, dict]]) -> None:
    """A page type the site has but never builds is a mistake in all_pages, not in the content."""
    listed = {endpoint for _, endpoint, _ in pages} | {"static"}
    missing = sorted(rule.endpoint for rule in app.url_map.iter_rules()
                     if "GET" in rule.methods and rule.endpoint not in listed)
    if missing:
        raise RuntimeError(f"all_pages() lists no page for {', '.join(missing)}")


GROUP = 25  # pages taken at a time: few enough that the processes end together


def _groups(pages: list[tuple[str, str, dict]], languages: list[str]) -> tuple[dict[str, list[str]], list[list[str]]]:
    """The paths of `pages` (see all_pages) in groups for the processes to take: each language's
    search page with its index, as both need that language's search index; then, longest work
    first so that no process is left with a long one at the end, the pages that list the whole
    site (the sitemaps, the open data, the directory of helplines), each alone, and the other
    pages in order, so that a process writes pages that sit in one folder. Frozen-Flask is
    given the paths, which spares it working each one out again."""
    searching = {language: [path for path, endpoint, values in pages
                            if endpoint in SEARCHING and values["lang"] == language] for language in languages}
    alone = [[path] for path, endpoint, _ in pages if endpoint in WHOLE_SITE]
    others = [path for path, endpoint, _ in pages if endpoint not in SEARCHING and endpoint not in WHOLE_SITE]
    return searching, alone + [others[start:start + GROUP] for start in range(0, len(others), GROUP)]


SEARCHING = ("site.search", "site.search_data")  # the pages that need a language's search index
WHOLE_SITE = ("root.language_sitemap", "root.open_data_json", "root.open_data_csv", "site.helplines")


def _notes(warnings_found: int, origin: str | None) -> tuple[str, ...]:
    """Things to do before publishing."""
    notes = []
    if warnings_found:
        notes.append(f"{plural(warnings_found, 'warning')} about the content: "
                     f"run {command('check')} to see what needs doing.")
    if not origin:
        notes.append(
            "sitemap.xml and robots.txt give page addresses without the site's domain, because "
            "base_url in content/site.yaml has none. Set it to the address the site is published "
            "at before it goes live."
        )
    return tuple(notes)


def check_destination(destination: Path, content_dir: Path) -> None:
    """Refuse to replace anything but an earlier build: a typo in --output must never cost files."""
    name = display_path(destination)
    if destination.exists() and not destination.is_dir():
        raise BuildError(f"{name} is a file, not a folder: choose another --output")
    if Path.cwd().is_relative_to(destination) or content_dir.is_relative_to(destination):
        raise BuildError(
            f"{name} holds your content or the folder you are working in: the site is built into "
            "a folder of its own, like --output build"
        )
    if destination.is_dir() and any(destination.iterdir()) and not (destination / MARKER).is_file():
        raise BuildError(
            f"{name} already has files in it that were not made by forvictims build, and a build "
            "replaces the whole folder: choose an empty or new folder, like --output build"
        )


def _swap(staging: Path, destination: Path) -> None:
    """Put the new build in place of the old one; if that fails, put the old one back."""
    old = None
    if destination.exists():
        old = Path(tempfile.mkdtemp(prefix=f"{destination.name}.old-", dir=destination.parent))
        destination.rename(old / destination.name)
    try:
        staging.rename(destination)
    except BaseException:
        if old is not None:
            (old / destination.name).rename(destination)
            old.rmdir()
        raise
    if old is not None:
        shutil.rmtree(old)
