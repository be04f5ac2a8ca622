"""The same English pages as a Hugo site, to measure our build against Hugo's (tests/scale.py).

For every page our build writes in English, Hugo gets a content file at the same address with
the same Markdown (a service's text, an area's, a crime type's "What you can do now" on each of
its area pages) and the same lists of services, named in front matter the way our library works
them out. Hugo's templates draw the parts every page has (skip link, header, exit button,
breadcrumbs, emergency numbers, footer) and each service's card, once a card (partialCached), as
ours are. The lists are worked out here, before Hugo starts: Hugo's time is its templates,
Markdown and files alone, so the comparison flatters Hugo if anything.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from forvictims.content.loading import gather, read
from forvictims.content.markdown import sections, split_section
from forvictims.content.structure import WHAT_YOU_CAN_DO_NOW

CONFIG = """\
baseURL = "http://localhost/"
languageCode = "en-gb"
title = "{name}"
disableKinds = ["taxonomy", "term", "RSS"]
[markup.goldmark.renderer]
unsafe = false
"""

BASEOF = """\
<!DOCTYPE html>
<html lang="en" dir="ltr" class="govuk-template">
<head>
  <meta charset="utf-8">
  <meta name="referrer" content="no-referrer">
  <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
  <title>{{ .Title }} – {{ site.Title }}</title>
  {{ with .Params.summary }}<meta name="description" content="{{ . }}">{{ end }}
  <link rel="stylesheet" href="/static/forvictims.css">
  <script type="module" src="/static/forvictims.js"></script>
</head>
<body class="govuk-template__body">
  {{ partialCached "top.html" . }}
  <div class="govuk-width-container">
    {{ partialCached "exit.html" . }}
    {{ with .Parent }}<nav class="govuk-breadcrumbs" aria-label="Breadcrumb"><ol class="govuk-breadcrumbs__list">
      {{ range .Ancestors.Reverse }}<li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}
      <li class="govuk-breadcrumbs__list-item"><a class="govuk-breadcrumbs__link" href="{{ .RelPermalink }}">{{ .Title }}</a></li>
    </ol></nav>{{ end }}
    <main class="govuk-main-wrapper" id="main-content"><div class="govuk-grid-row"><div class="govuk-grid-column-two-thirds">
      <h1 class="govuk-heading-xl">{{ .Title }}</h1>
      {{ block "main" . }}{{ end }}
    </div></div></main>
    {{ partialCached "emergency.html" . }}
  </div>
  {{ partialCached "footer.html" . }}
</body>
</html>
"""

PAGE = """\
{{ define "main" }}
{{ with .Params.contacts }}<section class="fv-contact-now"><h2 class="fv-contact-now__title">Who to contact now</h2>
{{ range . }}{{ partialCached "card.html" (site.GetPage (printf "/en/services/%s" .)) . }}{{ end }}
<p class="govuk-body-s">You can get support whether or not you report it to the police.</p></section>{{ end }}
{{ with .Params.lead }}<p class="fv-lead">{{ . }}</p>{{ end }}
{{ .Content }}
{{ with .Params.others }}<h2 class="govuk-heading-l">More support</h2>
{{ range . }}{{ partialCached "card.html" (site.GetPage (printf "/en/services/%s" .)) . }}{{ end }}{{ end }}
{{ with .Params.reporting }}<h2 class="govuk-heading-l">Report it</h2>
{{ range . }}{{ partialCached "card.html" (site.GetPage (printf "/en/services/%s" .)) . }}{{ end }}{{ end }}
{{ with .Params.links }}<ul class="govuk-list">{{ range . }}<li><a class="govuk-link" href="{{ .href }}">{{ .text }}</a></li>{{ end }}</ul>{{ end }}
{{ end }}
"""

SERVICE = """\
{{ define "main" }}
<p class="fv-lead">{{ .Params.summary }}</p>
{{ partial "phones.html" . }}
{{ with .Params.hours }}<h2 class="govuk-heading-m">Opening hours</h2><p class="govuk-body">{{ . }}</p>{{ end }}
{{ .Content }}
<h2 class="govuk-heading-m">Who it is for</h2><p class="govuk-body">{{ .Params.eligibility }}</p>
<p class="govuk-body-s">Checked on {{ .Params.last_checked }}. <a class="govuk-link" href="{{ .Params.source }}" rel="noopener noreferrer">Source</a></p>
{{ end }}
"""

CARD = """\
<div class="fv-card">
  <h3 class="govuk-heading-s"><a class="govuk-link" href="{{ .RelPermalink }}">{{ .Params.name }}</a></h3>
  <p class="govuk-body">{{ .Params.summary }}</p>
  {{ partial "phones.html" . }}
  {{ with .Params.hours }}<p class="govuk-body-s">{{ . }}</p>{{ end }}
  {{ with .Params.web }}<p class="govuk-body-s"><a class="govuk-link" href="{{ . }}" rel="noopener noreferrer">Website</a></p>{{ end }}
</div>
"""

PHONES = """\
{{ with .Params.phones }}<ul class="govuk-list">{{ range . }}<li><a class="govuk-button fv-call" href="tel:{{ replace .number " " "" }}">Call {{ .number }}</a>{{ if .free }} <span class="govuk-body-s">Free to call</span>{{ end }}</li>{{ end }}</ul>{{ end }}
"""

TOP = """\
<a href="#main-content" class="govuk-skip-link">Skip to main content</a>
<header class="fv-header"><div class="govuk-width-container fv-header__inner">
  <a class="fv-header__name" href="/en/">{{ site.Title }}</a>
  <a class="fv-header__call" href="tel:999">In danger? Call 999</a>
  <a class="fv-header__search-link" href="/en/search/">Search</a>
</div></header>
"""

EXIT = """\
<div class="govuk-exit-this-page" data-module="govuk-exit-this-page"><a href="https://www.bbc.co.uk/weather" role="button" class="govuk-button govuk-button--warning govuk-exit-this-page__button" rel="nofollow noopener noreferrer"><span class="govuk-visually-hidden">Emergency</span> Exit this page</a></div>
"""

EMERGENCY = """\
<section class="fv-emergency"><h2 class="fv-emergency__title">In an emergency</h2><ul class="fv-emergency__list">
<li>If you are in danger now, call <a href="tel:999">999</a>.</li>
<li>If you cannot speak, call <a href="tel:999">999</a> from a mobile, listen, then press 55 when asked.</li>
<li>Textphone: <a href="tel:18000">18000</a>.</li>
<li>Not an emergency? Call <a href="tel:101">101</a> to talk to the police.</li></ul></section>
"""

FOOTER = """\
<footer class="fv-footer"><div class="govuk-width-container"><ul class="fv-footer__links">
{{ range slice "get-help-now" "helplines" "staying-safe-online" "your-rights" "accessibility" "privacy" "about" }}<li><a class="govuk-link" href="/en/{{ . }}/">{{ . | humanize }}</a></li>{{ end }}
</ul><p class="fv-footer__text">Published by the {{ site.Title }}.</p></div></footer>
"""


def _front(path: Path, front: dict, body: str = "") -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    # JSON is YAML, and Hugo reads JSON front matter as it is.
    path.write_text(json.dumps(front, ensure_ascii=False, indent=1) + "\n\n" + body + "\n", encoding="utf-8")


def _now(body: str) -> str:
    titles = [title for title, _, _ in sections(body)]
    if WHAT_YOU_CAN_DO_NOW not in titles:
        return body
    return split_section(body, titles.index(WHAT_YOU_CAN_DO_NOW))[0]


def write(content: Path, destination: Path) -> int:
    """Write a Hugo project with the English pages of `content` into `destination`; return the
    number of pages."""
    library = gather(read(content)).in_language("en")
    if destination.exists():
        shutil.rmtree(destination)
    pages = destination / "content" / "en"
    for name, text in {"baseof.html": BASEOF, "page.html": PAGE, "section.html": PAGE, "home.html": PAGE,
                       "service.html": SERVICE, "_partials/card.html": CARD, "_partials/phones.html": PHONES,
                       "_partials/top.html": TOP, "_partials/exit.html": EXIT,
                       "_partials/emergency.html": EMERGENCY, "_partials/footer.html": FOOTER}.items():
        (destination / "layouts" / name).parent.mkdir(parents=True, exist_ok=True)
        (destination / "layouts" / name).write_text(text, encoding="utf-8")
    (destination / "hugo.toml").write_text(CONFIG.format(name=library.site.name), encoding="utf-8")
    slugs = lambda documents: [document.slug for document in documents]  # noqa: E731
    links = lambda kind, documents: [{"href": f"/en/{kind}/{d.slug}/", "text": d.meta.title} for d in documents]  # noqa: E731
    crimes, areas = list(library.crime_types.values()), list(library.areas.values())
    count = 0

    def page(path: str, front: dict, body: str = "") -> None:
        nonlocal count
        count += 1
        _front(pages / path, front, body)

    page("_index.md", {"title": library.site.name, "links": links("crime", crimes) + links("area", areas)})
    page("crime/_index.md", {"title": "What happened", "links": links("crime", crimes)})
    page("area/_index.md", {"title": "Where you live", "links": links("area", areas)})
    page("services/_index.md", {"title": "Helplines and services",
                                "others": slugs(library.support().ranked())})
    for crime in crimes:
        contacts, others = library.support(crime=crime.slug).contacts_and_others()
        contacts = [service for service in contacts if service.meta.is_national() or service.meta.is_regional()]
        page(f"crime/{crime.slug}.md", {"title": crime.meta.title, "lead": crime.meta.summary,
                                         "contacts": slugs(contacts), "reporting": slugs(library.reporting(crime.slug)),
                                         "links": links("area", areas)}, crime.body)
    for area in areas:
        page(f"area/{area.slug}/_index.md", {"title": area.meta.title, "others": slugs(library.support(area=area.slug).local),
                                              "links": [{"href": f"/en/area/{area.slug}/{c.slug}/", "text": c.meta.title} for c in crimes]},
             area.body)
        for crime in crimes:
            contacts, others = library.support(crime=crime.slug, area=area.slug).contacts_and_others()
            page(f"area/{area.slug}/{crime.slug}.md", {
                "title": f"{crime.meta.title}: support in {area.meta.title}", "lead": crime.meta.summary,
                "contacts": slugs(contacts), "others": slugs(others), "reporting": slugs(library.reporting(crime.slug)),
                "links": [{"href": f"/en/crime/{crime.slug}/", "text": crime.meta.title}]}, _now(crime.body))
    for service in library.services.values():
        meta = service.meta
        page(f"services/{service.slug}.md", {
            "title": meta.name, "layout": "service", "name": meta.name, "summary": meta.summary,
            "phones": [{"number": phone.number, "free": phone.free} for phone in meta.phones],
            "hours": str(meta.hours) if meta.hours else "", "web": meta.web or "",
            "eligibility": meta.eligibility, "source": meta.source, "last_checked": str(meta.last_checked)},
            service.body)
    for document in library.pages.values():
        page(f"{document.slug}.md", {"title": document.meta.title, "lead": document.meta.summary,
                                     "contacts": list(document.meta.contacts)}, document.body)
    page("search.md", {"title": "Search"})
    return count


if __name__ == "__main__":
    print(write(Path(sys.argv[1]), Path(sys.argv[2])), "pages")
