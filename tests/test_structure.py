"""The code keeps its shape: each layer imports only what it may, and every list that lives in
one place agrees with the places that depend on it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from jinja2 import Environment, nodes

from conftest import CONTENT
from forvictims.content import ranking
from forvictims.content.model import Service
from forvictims.content.structure import RESERVED_PAGES, REQUIRED_PAGES
from forvictims.content.validation import bounds, nested_model, union_tags
from forvictims.web.app import create_app

PACKAGE = Path(__file__).resolve().parents[1] / "site" / "forvictims"
TEMPLATES = PACKAGE / "web" / "templates"

# What each layer must never import: the content knows nothing of the web or the editors'
# tools, the editors' tools nothing of the web, the web nothing of the editors' tools.
FORBIDDEN = {
    "content": ("flask", "flask_babel", "flask_frozen", "forvictims.editors", "forvictims.web",
                "forvictims.publish", "forvictims.cli", "forvictims.preview"),
    "editors": ("flask", "flask_babel", "flask_frozen", "forvictims.web", "forvictims.publish",
                "forvictims.cli", "forvictims.preview"),
    "web": ("forvictims.editors", "forvictims.publish", "forvictims.cli", "forvictims.preview"),
}


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) for every import in a module of the package, relative ones made whole:
    `from ..content import markdown` in web/app.py gives forvictims.content.markdown."""
    package = list(path.relative_to(PACKAGE.parent).parts[:-1])  # forvictims/web/app.py: forvictims.web
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
    return found


@pytest.mark.parametrize("layer", FORBIDDEN)
def test_each_layer_imports_only_what_it_may(layer):
    wrong = [f"{path.relative_to(PACKAGE)}:{line} imports {module}"
             for path in sorted((PACKAGE / layer).rglob("*.py"))
             for line, module in imports(path)
             if any(module == name or module.startswith(name + ".") for name in FORBIDDEN[layer])]
    assert wrong == []


def test_the_import_check_sees_relative_imports():
    modules = {module for _, module in imports(PACKAGE / "web" / "app.py")}
    assert {"forvictims.content.library.Library", "forvictims.web.views", "flask.Flask"} <= modules


def pages_linked_from_templates() -> set[str]:
    """Every general page a template links to, as url_for('site.page', slug=…)."""
    environment = Environment(extensions=["jinja2.ext.i18n"])
    linked = set()
    for path in TEMPLATES.rglob("*.html"):
        for call in environment.parse(path.read_text(encoding="utf-8")).find_all(nodes.Call):
            if (isinstance(call.node, nodes.Name) and call.node.name == "url_for" and call.args
                    and isinstance(call.args[0], nodes.Const) and call.args[0].value == "site.page"):
                linked |= {keyword.value.value for keyword in call.kwargs if keyword.key == "slug"}
    return linked


def test_every_page_the_templates_link_to_must_exist_in_the_content():
    linked = pages_linked_from_templates()
    assert "get-help-now" in linked and "about" in linked  # the reading above works
    assert linked <= set(REQUIRED_PAGES)


def test_every_required_page_is_linked_from_a_template_or_the_content():
    linked = pages_linked_from_templates()
    in_content = {page for page in REQUIRED_PAGES
                  if any(f"](/{page}/" in path.read_text(encoding="utf-8") for path in CONTENT.rglob("*.md"))}
    assert set(REQUIRED_PAGES) <= linked | in_content


def test_no_general_page_can_take_an_address_the_site_uses(library):
    app = create_app(library=library)
    first_parts = set()
    for rule in app.url_map.iter_rules():
        parts = rule.rule.strip("/").split("/")
        if rule.endpoint.startswith("site."):
            parts = parts[1:]  # after /<lang>/
        if parts and parts[0] and not parts[0].startswith("<"):
            first_parts.add(parts[0])
    first_parts -= {"404.html", "sitemap.xml", "sitemap-<lang>.xml", "robots.txt", "favicon.ico"}  # files, not folders
    assert first_parts and first_parts <= set(RESERVED_PAGES)


def test_what_messages_say_of_a_model_is_read_from_the_model():
    assert union_tags(Service) >= {"always", "schedule", "everywhere", "list", "all", "some"}
    assert nested_model(Service, "phones").__name__ == "Phone"
    assert nested_model(Service, "hours").__name__ == "OpeningTime"
    assert bounds(Service, "minimum_age") == (0, 120)


# ---------------------------------------------------------------------------------------------
# The Library's index gives what reading every service would


def services_by_reading_every_one(library, crime, area, reporting=False):
    chosen = [doc for doc in library.services.values()
              if doc.meta.reporting is reporting
              and (crime is None or doc.meta.covers_crime(crime))
              and (area is None or doc.meta.covers_area(area))]
    return ranking.ranked(chosen, crime)


def test_the_index_finds_what_reading_every_service_finds(library):
    assert library.support(crime="domestic-abuse", area="birmingham").local  # a real local service
    for crime in [None, *library.crime_types]:
        for area in [None, *library.areas]:
            expected = services_by_reading_every_one(library, crime, area)
            support = library.support(crime=crime, area=area)
            assert support.local == [doc for doc in expected if not doc.meta.is_national() and not doc.meta.is_regional()]
            assert support.regional == [doc for doc in expected if doc.meta.is_regional()]
            assert support.national == [doc for doc in expected if doc.meta.is_national()]
        assert library.reporting(crime) == services_by_reading_every_one(library, crime, None, reporting=True)
    for service in library.services.values():
        assert [doc.slug for doc in library.areas_of(service)] == [
            slug for slug in library.areas if service.meta.covers_area(slug)]
        assert [doc.slug for doc in library.crime_types_of(service)] == [
            slug for slug in library.crime_types if service.meta.covers_crime(slug)]
