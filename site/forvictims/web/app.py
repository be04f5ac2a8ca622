"""The Flask application: a Library in, pages out, in every language of the site.

The app imports the content, never the editors' tools: the preview is handed a way to load
checked content (see `Preview`), so the web layer knows nothing of how content is checked.
"""

from __future__ import annotations

import hashlib
import threading
from pathlib import Path
from urllib.parse import quote
from typing import Callable

import flask_babel
from flask import Flask, current_app, render_template, request, url_for
from flask_babel import Babel
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader, Undefined

from ..content.library import Library
from ..content.model import tel_href
from ..content.problems import ContentError
from . import formatting, security, views
from .cards import address, component, contact_card, once, reporting, service_card, service_row, trail
from .catalogues import CATALOGUES
from .search import INDEXES
from .languages import (KEPT, current_language, direction, end_page, in_its_language,
                        in_source_language, language_of, page_language, template_gettext, translations)


COMPONENTS = {  # macros that pages call by name (see cards.component), by template
    "components/service.html": ("contact_now", "more_support", "report_it", "service_contacts"),
    "components/notices.html": ("page_notices",),
    "components/choices.html": ("choice",),
    "components/emergency.html": ("emergency_line",),
}


class StrictTextUndefined(Undefined):
    """A misspelt variable fails when printed, instead of leaving a hole a visitor would see.

    Tests like `{% if params.classes %}` still work, as GOV.UK Frontend's macros rely on them.
    """

    def __str__(self) -> str:
        self._fail_with_undefined_error()
        return ""  # unreachable: the line above raises


class Preview:
    """Content for the preview server: loaded again whenever a file in `folder` changes, with
    `load` (which raises ContentError); while it has errors, every page shows them.

    A browser asks for a page, its stylesheet and its icon at once, and the server answers them
    in threads: one request reads the content again while the others wait for it, so none is
    drawn from the content a saved file has replaced."""

    def __init__(self, folder: Path, load: Callable[[], Library]):
        self.folder = Path(folder)
        self.load = load
        self.snapshot: tuple | None = None
        self.error: ContentError | None = None
        self.reading = threading.Lock()

    def _files(self) -> tuple:
        stats = ((path, path.stat()) for path in self.folder.rglob("*") if path.is_file())
        return tuple(sorted((str(path), stat.st_mtime_ns, stat.st_size) for path, stat in stats))

    def reload(self, endpoint, values) -> None:
        with self.reading:
            snapshot = self._files()
            if snapshot != self.snapshot:
                self.snapshot = snapshot
                try:
                    current_app.extensions["forvictims"] = self.load()
                    current_app.extensions.pop(KEPT, None)  # drawn from the content it replaces
                    current_app.extensions.pop(INDEXES, None)
                    self.error = None
                except ContentError as error:
                    self.error = error

    def show_problems(self):
        if self.error is not None and request.endpoint != "static":
            return render_template("content_error.html", problems=self.error.problems), 500
        return None


def create_app(library: Library | None = None, preview: Preview | None = None,
               catalogues: Path | str = CATALOGUES) -> Flask:
    """The site over a loaded Library, or over the content a Preview keeps loading.

    `catalogues` holds the compiled translations of the buttons and menus, by language.
    """
    app = Flask(__name__)
    app.config["SITE_ORIGIN"] = None  # like https://www.example.org.uk, when known (sitemap.xml)
    app.config["PREVIEW"] = preview is not None  # the search page answers ?q= in the preview only
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(catalogues)
    app.config["BABEL_DEFAULT_LOCALE"] = "en"

    # Content: loaded once, or by the preview whenever a file changes.
    app.extensions["forvictims"] = library
    if preview is not None:
        # URL value preprocessors run before anything else, so content is fresh for every view.
        app.url_value_preprocessor(preview.reload)
        app.before_request(preview.show_problems)
        app.after_request(_security_headers)
    elif library is None:
        raise ValueError("create_app needs a Library, or a Preview to load one")

    # Templates: ours first, then GOV.UK Frontend's macros under their own prefix.
    app.jinja_loader = ChoiceLoader([
        PackageLoader(__package__),
        PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
    ])
    app.jinja_env.undefined = StrictTextUndefined
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.filters.update(
        tel=tel_href,
        opening_hours=formatting.opening_hours,
        schedule=formatting.schedule,
        long_date=formatting.long_date,
        language_name=formatting.language_name,
        web_label=formatting.web_label,
        in_its_language=in_its_language,
        in_source_language=in_source_language,
    )
    app.jinja_env.globals.update(url_for=address, language_of=language_of, service_card=service_card,
                                 contact_card=contact_card, service_row=service_row, reporting=reporting,
                                 once=once, trail=trail)
    app.jinja_env.globals.update(
        {name: component(app.jinja_env, template, name) for template, names in COMPONENTS.items() for name in names})

    # Interface language: taken from the URL prefix, reset after every page (see PITFALLS.md).
    Babel(app, locale_selector=lambda: current_language() or "en")
    app.jinja_env.install_gettext_callables(  # Flask-Babel's, with its catalogue found once a page
        gettext=lambda string: translations().ugettext(string),
        ngettext=lambda singular, plural, n: translations().ungettext(singular, plural, n),
        pgettext=lambda context, string: translations().upgettext(context, string),
        npgettext=lambda context, singular, plural, n: translations().unpgettext(context, singular, plural, n),
        newstyle=True,
    )
    app.jinja_env.globals.update(gettext=template_gettext, _=template_gettext)  # dozens on a page
    app.teardown_request(_forget_language)

    app.register_blueprint(views.root)
    app.register_blueprint(views.site, url_prefix="/<lang>")
    app.context_processor(_frame)
    return app


def _forget_language(error) -> None:
    # Frozen-Flask renders every page in one thread and one app context, so the page's language
    # would outlive its request: without this, /404.html would come out in whichever language
    # was frozen last.
    end_page()
    flask_babel.refresh()


# ---------------------------------------------------------------------------------------------
# What every page has around its own content: the site's settings and the page's language.


def static_url(filename: str) -> str:
    """The URL of a static file, with a digest of its contents so caches never serve an old one.
    Worked out once for each file: it is the same on every page."""
    urls = current_app.extensions.setdefault("forvictims.static", {})
    if filename not in urls:
        digest = hashlib.sha256((Path(current_app.static_folder) / filename).read_bytes()).hexdigest()[:10]
        urls[filename] = url_for("static", filename=filename, v=digest)
    return urls[filename]


def search_url(lang: str) -> str:
    """The search page of a language: the same on every page, so worked out once."""
    urls = current_app.extensions.setdefault("forvictims.search_urls", {})
    key = (lang, request.script_root)
    if key not in urls:
        urls[key] = url_for("site.search", lang=lang)
    return urls[key]


def alternates(languages: dict[str, str]) -> list[dict]:
    """This page in every language of the site, the source language first: each with its
    code, its name in its own script and its address (none for pages outside a language).
    A page's address in another language differs only in its language prefix."""
    if not (request.endpoint or "").startswith("site."):
        return []
    rest = quote(request.path.split("/", 2)[2])  # "/en/area/x/" → "area/x/"
    return [{"lang": code, "name": name, "dir": direction(code), "href": f"{request.script_root}/{code}/{rest}"}
            for code, name in languages.items()]


def _frame() -> dict:
    library = views.library()
    if library is None:  # the preview's content error page
        return {}
    lang = page_language()
    source_language = library.languages[0]
    english_url = None
    translations = alternates(library.site.languages)
    if translations and lang != source_language:
        english_url = translations[0]["href"]
    return {
        "site": library.site,
        "lang": lang,
        "text_direction": direction(lang),
        "source_language": source_language,
        "english_url": english_url,
        "static_url": static_url,
        "search_url": search_url(lang),
        "alternates": translations,
        "site_origin": current_app.config["SITE_ORIGIN"],
        "csp": security.CONTENT_SECURITY_POLICY,
        "inline_script": security.INLINE_SCRIPT,
    }


def _security_headers(response):
    # Static hosts get these from the meta tags and _headers; the preview sends them for real.
    # (A build keeps only the pages, so it does not spend time on them.)
    response.headers.update(security.HEADERS)
    return response
