"""The Flask application: one Library in, pages out, in every language of the site."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import flask_babel
from babel import Locale
from flask import Flask, current_app, g, render_template, request, url_for
from flask_babel import Babel
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader, Undefined
from markupsafe import Markup

from . import formatting, markdown, security, views
from .library import Library
from .loading import INTERFACE_TRANSLATIONS, PROJECT_ROOT, load_library
from .problems import ContentError
from .model import tel_href



class StrictTextUndefined(Undefined):
    """A misspelt variable fails when printed, instead of leaving a hole a visitor would see.

    Tests like `{% if params.classes %}` still work, as GOV.UK Frontend's macros rely on them.
    """

    def __str__(self) -> str:
        self._fail_with_undefined_error()
        return ""  # unreachable: the line above raises


def create_app(library: Library | None = None, content_dir: Path | str | None = None,
               translations_dir: Path | str | None = None, preview: bool = False) -> Flask:
    """Build the app from a loaded Library, or load one from `content_dir`."""
    app = Flask(__name__)
    app.config["CONTENT_DIR"] = Path(content_dir or PROJECT_ROOT / "content")
    app.config["SITE_ORIGIN"] = None  # like https://www.example.org.uk, when known (sitemap.xml)
    translations = Path(translations_dir or INTERFACE_TRANSLATIONS)
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = str(translations)
    app.config["BABEL_DEFAULT_LOCALE"] = "en"

    # Content: loaded once, or by the preview server whenever a file changes.
    if preview:
        app.extensions["forvictims"] = None
        preview_content = _PreviewContent(app.config["CONTENT_DIR"])
        # URL value preprocessors run before anything else, so content is fresh for every view.
        app.url_value_preprocessor(preview_content.reload)
        app.before_request(preview_content.show_problems)
    else:
        app.extensions["forvictims"] = library or load_library(app.config["CONTENT_DIR"])

    # Templates: ours first, then GOV.UK Frontend's macros under their own prefix.
    app.jinja_loader = ChoiceLoader([
        PackageLoader("forvictims"),
        PrefixLoader({"govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja")}),
    ])
    app.jinja_env.undefined = StrictTextUndefined
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    app.jinja_env.filters.update(
        tel=tel_href,
        opening_hours=formatting.opening_hours,
        long_date=formatting.long_date,
        language_name=formatting.language_name,
        web_label=formatting.web_label,
    )

    # Interface language: taken from the URL prefix, reset after every page (see PITFALLS.md).
    Babel(app, locale_selector=lambda: g.get("lang") or "en")
    app.teardown_request(_forget_language)

    app.register_blueprint(views.root)
    app.register_blueprint(views.site, url_prefix="/<lang>")
    app.context_processor(_template_globals)
    app.after_request(_security_headers)
    return app


class _PreviewContent:
    """Reloads content when any file in it changes; shows content errors as a page."""

    def __init__(self, content_dir: Path):
        self.content_dir = content_dir
        self.snapshot: tuple | None = None
        self.error: ContentError | None = None

    def _files(self) -> tuple:
        stats = ((path, path.stat()) for path in self.content_dir.rglob("*") if path.is_file())
        return tuple(sorted((str(path), stat.st_mtime_ns, stat.st_size) for path, stat in stats))

    def reload(self, endpoint, values) -> None:
        snapshot = self._files()
        if snapshot != self.snapshot:
            self.snapshot = snapshot
            try:
                current_app.extensions["forvictims"] = load_library(self.content_dir, drafts=True)
                self.error = None
            except ContentError as error:
                self.error = error

    def show_problems(self):
        if self.error is not None and request.endpoint != "static":
            return render_template("content_error.html", problems=self.error.problems), 500
        return None


def _in_language(html: Markup, language: str, page_language: str) -> Markup:
    """Text in another language than the page's is marked so, for screen readers."""
    return html if language == page_language else Markup('<div lang="{}">{}</div>').format(language, html)


def _forget_language(error) -> None:
    # Frozen-Flask renders every page in one app context, so `g` outlives a request: without
    # this, /404.html would come out in whichever language was frozen last.
    g.pop("lang", None)
    flask_babel.refresh()


@functools.lru_cache(maxsize=None)
def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()[:10]


def static_url(filename: str) -> str:
    """The URL of a static file, with a digest of its contents so caches never serve an old one."""
    digest = _digest(Path(current_app.static_folder) / filename)
    return url_for("static", filename=filename, v=digest)


def _template_globals() -> dict:
    library = views.library()
    if library is None:  # the preview's content error page
        return {}
    lang = g.get("lang") or library.languages[0]
    locale = Locale.parse(lang)

    def internal(path: str) -> str:
        return f"{request.script_root}/{lang}{path}"

    return {
        "library": library,
        "site": library.site,
        "lang": lang,
        "text_direction": locale.text_direction,
        "static_url": static_url,
        "csp": security.CONTENT_SECURITY_POLICY,
        "inline_script": security.INLINE_SCRIPT,
        "render_markdown": lambda document: _in_language(markdown.render(document.body, internal),
                                                         document.language, lang),
    }


def _security_headers(response):
    # Static hosts get these from the meta tags and _headers; the preview sends them for real.
    response.headers.update(security.HEADERS)
    return response
