"""One view per page type. Every page in a language lives under its prefix: /en/, /pl/, …

Each view gathers everything its page shows and hands it to the template, which only lays it
out: to know what is on a page, read its view.
"""

from __future__ import annotations

import mimetypes
from urllib.parse import quote
from dataclasses import dataclass, replace

from flask import Blueprint, Response, abort, current_app, render_template, request, url_for
from markupsafe import Markup, escape

from ..content import markdown
from ..content.document import Document
from ..content.library import Library
from ..content.model import CrimeType
from ..content.structure import OPEN_DATA_PAGE, WHAT_YOU_CAN_DO_NOW
from . import opendata, security, structured
from .cards import address, drawn
from .languages import attributes_of, begin_page, current_language, language_of, page_language
from .languages import gettext as _
from .search import digest, search_index

RESULTS = 20  # most search results shown: the best come first

root = Blueprint("root", __name__)
site = Blueprint("site", __name__)


def library() -> Library | None:
    """The content the app serves, in the language of the page (None in the preview while the
    content has errors)."""
    content = current_app.extensions["forvictims"]
    lang = current_language()
    if content is None or lang is None:
        return content
    return content.in_language(lang)


def found(documents: dict[str, Document], slug: str) -> Document:
    document = documents.get(slug)
    if document is None:
        abort(404)
    return document


def crumbs(*trail: tuple[str | Document, str]) -> list[dict]:
    """Breadcrumbs from the home page of this language to the parent of the current page: each
    a text and its address, or a document (named by its title) and its address."""
    items = [{"text": _("Home"), "href": address("site.home")}]
    for text, href in trail:
        if isinstance(text, Document):
            marked = attributes_of(text)
            items.append({"text": text.meta.title, "href": href, **({"attributes": marked} if marked else {})})
        else:
            items.append({"text": text, "href": href})
    return items


def body(document: Document, text: str | None = None) -> Markup:
    """A document's text (or `text`, a part of it) as HTML for this page: links to the site's
    pages in this language, and marked with its own language when it is not the page's
    (English where a translation is missing)."""
    lang = page_language()
    html = markdown.render_linked(document.body if text is None else text, f"{request.script_root}/{lang}")
    attributes = language_of(document)
    return Markup("<div{}>{}</div>").format(attributes, html) if attributes else html


@dataclass(frozen=True)
class CrimeText:
    """A crime type's text in two: "What you can do now", shown near the top, and the rest."""

    now: Markup | None
    rest: Markup


def crime_text(crime: Document[CrimeType]) -> CrimeText:
    """Drawn once per crime type and language: every area's page for a crime shows its "What
    you can do now". A translation that lacks the part, or has parts that do not match the
    English ones, shows the English part (marked as English) instead."""
    return drawn("crime text", crime, lambda: _split(crime))


def _split(crime: Document[CrimeType]) -> CrimeText:
    english = current_app.extensions["forvictims"].crime_types[crime.slug]
    titles = [title for title, _, _ in markdown.sections(english.body)]
    if WHAT_YOU_CAN_DO_NOW not in titles:  # the checks say so; the page shows the whole text
        return CrimeText(None, body(crime))
    number = titles.index(WHAT_YOU_CAN_DO_NOW)
    matches = len(markdown.sections(crime.body)) == len(titles)
    now_from = crime if matches else english
    now = markdown.split_section(now_from.body, number)[0]
    rest = markdown.split_section(crime.body, number)[1] if matches else crime.body
    return CrimeText(body(now_from, now), body(crime, rest))


# ---------------------------------------------------------------------------------------------
# Pages outside a language


@root.get("/")
def landing():
    return render_template("landing.html")


@root.get("/404.html")
def not_found_page():
    # Static hosts serve this file for any missing page; the status comes from the host.
    return render_template("404.html", breadcrumbs=crumbs())


@root.app_errorhandler(404)
def not_found(error):
    return render_template("404.html", breadcrumbs=crumbs()), 404


@root.get("/sitemap.xml")
def sitemap():
    # An index of one sitemap for each language: a sitemap may list 50,000 addresses, and the
    # site in seven languages at national scale comes near that.
    site_url = current_app.config["SITE_ORIGIN"] or ""
    sitemaps = [site_url + url_for("root.language_sitemap", lang=lang) for lang in library().languages]
    return Response(render_template("sitemap_index.xml", sitemaps=sitemaps),
                    mimetype=mimetypes.guess_type("sitemap.xml")[0])


@root.get("/sitemap-<lang>.xml")
def language_sitemap(lang):
    # The pages in `lang` (and the language chooser, in the first language's), each with the
    # same page in every language (its alternates), when there are several.
    content = library()
    if lang not in content.languages:
        abort(404)
    site_url = escape(current_app.config["SITE_ORIGIN"] or "") + escape(request.script_root)
    versions: dict[tuple, list[tuple[str, str]]] = {}
    for path, endpoint, values in all_pages(content):
        if (endpoint.startswith("site.") and endpoint != "site.search_data") or endpoint == "root.landing":
            same = (endpoint, tuple(sorted((key, value) for key, value in values.items() if key != "lang")))
            versions.setdefault(same, []).append((values.get("lang", content.languages[0]), escape(quote(path))))
    urls = []
    for pages in versions.values():
        href = next((href for language, href in pages if language == lang), None)
        if href is not None:
            alternates = "".join(f'<xhtml:link rel="alternate" hreflang="{language}" href="{site_url}{link}"/>'
                                 for language, link in pages) if len(pages) > 1 else ""
            urls.append((Markup(site_url + href), Markup(alternates)))
    return Response(render_template("sitemap.xml", urls=urls), mimetype=mimetypes.guess_type("sitemap.xml")[0])


@root.get("/robots.txt")
def robots():
    origin = current_app.config["SITE_ORIGIN"]
    sitemap_url = origin + url_for("root.sitemap") if origin else None
    return Response(render_template("robots.txt", sitemap_url=sitemap_url), mimetype="text/plain")


@root.get("/favicon.ico")
def favicon():
    return current_app.send_static_file("favicon.ico")


# The list of services as open data: one address for every language, like the files themselves.


def open_data_addresses() -> opendata.Addresses:
    """Where the data says each service and crime type is on the site (in English, the language
    of the data): full addresses when the site's own address is known."""
    origin = current_app.config["SITE_ORIGIN"] or ""
    lang = library().languages[0]
    return opendata.Addresses(
        service=lambda slug: origin + url_for("site.service", lang=lang, slug=slug),
        crime_type=lambda slug: origin + url_for("site.crime", lang=lang, slug=slug),
        crime_types=origin + url_for("site.crime_index", lang=lang),
    )


@root.get(f"/{opendata.FOLDER}/{opendata.JSON_FILE}")
def open_data_json():
    return Response(opendata.services_json(library(), open_data_addresses()), mimetype="application/json")


@root.get(f"/{opendata.FOLDER}/{opendata.CSV_FILE}")
def open_data_csv():
    return Response(opendata.services_csv(library(), open_data_addresses()), mimetype="text/csv")


# ---------------------------------------------------------------------------------------------
# Pages in a language


@site.url_value_preprocessor
def pull_language(endpoint, values):
    lang = values.pop("lang")
    if library() is None:  # the preview shows the content's problems instead
        return
    if lang not in library().languages:
        abort(404)
    begin_page(lang)


@site.url_defaults
def add_language(endpoint, values):
    values.setdefault("lang", current_language() or library().languages[0])


@site.get("/")
def home():
    content = library()
    return render_template("home.html", crime_types=content.crime_types.values(),
                           areas=content.areas.values())


@site.get("/crime/")
def crime_index():
    return render_template("crime_index.html", crime_types=library().crime_types.values(),
                           breadcrumbs=crumbs())


@site.get("/crime/<slug>/")
def crime(slug):
    content = library()
    crime = found(content.crime_types, slug)
    # Every area's own services are on its page for this crime: here, those that help everywhere.
    contacts, others = replace(content.support(crime=slug), local=[]).contacts_and_others()
    return render_template(
        "crime.html",
        crime=crime,
        text=crime_text(crime),
        areas=content.areas.values(),
        contacts=contacts,
        others=others,
        reporting=content.reporting(slug),
        related=content.related(crime),
        breadcrumbs=crumbs((_("What happened"), address("site.crime_index"))),
    )


@site.get("/area/")
def area_index():
    return render_template("area_index.html", areas=library().areas.values(), breadcrumbs=crumbs())


@site.get("/area/<slug>/")
def area(slug):
    content = library()
    area = found(content.areas, slug)
    return render_template(
        "area.html",
        area=area,
        body=body(area),
        crime_types=content.crime_types.values(),
        local=content.support(area=slug).local,
        breadcrumbs=crumbs((_("Where you live"), address("site.area_index"))),
    )


@site.get("/area/<area_slug>/<crime_slug>/")
def area_crime(area_slug, crime_slug):
    content = library()
    area = found(content.areas, area_slug)
    crime = found(content.crime_types, crime_slug)
    contacts, others = content.support(crime=crime_slug, area=area_slug).contacts_and_others()
    return render_template(
        "area_crime.html",
        area=area,
        crime=crime,
        now=crime_text(crime).now,
        contacts=contacts,
        others=others,
        reporting_services=content.reporting(crime_slug),
        breadcrumbs=crumbs(
            (_("Where you live"), address("site.area_index")),
            (area, address("site.area", slug=area_slug)),
        ),
    )


@site.get("/services/<slug>/")
def service(slug):
    content = library()
    service = found(content.services, slug)
    meta = service.meta
    areas = None if meta.is_national() or meta.is_regional() else content.areas_of(service)
    origin = current_app.config["SITE_ORIGIN"]
    described = structured.script(structured.service(
        meta, areas and [area.meta.title for area in areas], origin + request.path if origin else None))
    return render_template(
        "service.html",
        service=service,
        body=body(service),
        areas=areas,
        structured=described,
        csp=security.policy_with(described),
        crime_types=None if meta.crime_types == "all" else content.crime_types_of(service),
        breadcrumbs=crumbs((_("Helplines and services"), address("site.helplines"))),
    )


@site.get("/helplines/")
def helplines():
    content = library()
    everything = content.support().ranked()
    return render_template(
        "helplines.html",
        by_crime=[(crime, [document for document in content.support(crime=crime.slug).ranked()
                           if document.meta.crime_types != "all"])
                  for crime in content.crime_types.values()],
        any_crime=[document for document in everything if document.meta.crime_types == "all"],
        reporting=content.reporting(),
        breadcrumbs=crumbs(),
    )


@site.get("/search/")
def search():
    content = library()
    index = search_index(content, page_language())
    query = request.args.get("q", "").strip() if current_app.config["PREVIEW"] else ""
    results = index.search(query) if query else None
    return render_template(
        "search.html",
        index_url=url_for("site.search_data", v=digest(index)),
        query=query,
        found=len(results or ()),
        results=results[:RESULTS] if query else None,
        crime_types=content.crime_types.values(),
        areas=content.areas.values(),
        services=content.services.values(),
        breadcrumbs=crumbs(),
    )


@site.get("/search/index.json")
def search_data():
    # The whole index, the same bytes whatever anyone searches for: the words stay in the browser.
    return Response(search_index(library(), page_language()).exported, mimetype="application/json")


@site.get("/<slug>/")
def page(slug):
    content = library()
    page = found(content.pages, slug)
    return render_template("page.html", page=page, body=body(page), breadcrumbs=crumbs(),
                           contacts=[content.services[slug] for slug in page.meta.contacts],
                           open_data=open_data_summary(content) if slug == OPEN_DATA_PAGE else None)


def open_data_summary(content: Library) -> dict:
    """What the about page says of the open data: where the files are, their licence, and the
    earliest and latest dates a service was checked (None without services)."""
    return {
        "json": url_for("root.open_data_json"),
        "csv": url_for("root.open_data_csv"),
        "licence": content.site.open_data_licence,
        "checked": opendata.last_checked(content),
    }


PAGES = "forvictims.pages"
"""Where the app keeps all_pages, for the Library it was worked out for."""


def all_pages(library) -> list[tuple[str, str, dict]]:
    """Every page of the site as (path, endpoint, values), like ("/en/crime/x/", "site.crime",
    {"lang": "en", "slug": "x"}): worked out once for each Library.

    The pages are the Library's site paths in every language; matching each against the URL map
    keeps one list of pages for link checks, the freezer and the sitemap. A page has the same
    endpoint in every language, so each is matched once.
    """
    kept = current_app.extensions.get(PAGES)
    if kept is not None and kept[0] is library:
        return kept[1]
    adapter = current_app.url_map.bind("localhost")
    languages = library.languages
    site = sorted(library.site_paths())
    matched = [adapter.match(f"/{languages[0]}{path}") for path in site]
    search_endpoint, search_values = adapter.match(f"/{languages[0]}/search/index.json")
    pages = [("/", *adapter.match("/"))]
    for lang in languages:
        pages += [(f"/{lang}{path}", endpoint, {**values, "lang": lang})
                  for path, (endpoint, values) in zip(site, matched)]
    pages += [(f"/{lang}/search/index.json", search_endpoint, {**search_values, "lang": lang}) for lang in languages]
    pages += [(path, *adapter.match(path)) for path in (
        "/404.html", "/sitemap.xml", *(f"/sitemap-{lang}.xml" for lang in languages), "/robots.txt", "/favicon.ico",
        *(f"/{opendata.FOLDER}/{name}" for name in (opendata.JSON_FILE, opendata.CSV_FILE)))]
    current_app.extensions[PAGES] = (library, pages)
    return pages
