"""`forvictims new`: start a content file that explains itself and already passes the checks.

Every new file starts as a draft, with REPLACE THIS where words are still to be written, so
nothing half-written can reach the published site.
"""

from __future__ import annotations

import datetime as dt
from importlib import resources
from pathlib import Path
from string import Template

import click
import yaml

from ..content.loading import other_languages, read_one
from ..content.model import SLUG, TRANSLATABLE, english_name
from ..content.problems import display_path
from ..content.structure import KINDS as CONTENT_KINDS
from ..content.structure import RESERVED_PAGES
from ..content.translation import source_version
from ..content.validation import suggest_slug
from .checks.reviews import add_months
from .inspection import require_folder

FOLDERS = {kind.command: kind.folder for kind in CONTENT_KINDS}
"""What `forvictims new` calls each kind of file, and the folder it goes in."""
KINDS = (*FOLDERS, "translation")


def template(kind: str) -> Template:
    return Template(resources.files(__package__).joinpath("scaffolds", f"{kind}.md").read_text("utf-8"))


def new_file(kind: str, name: str, content_dir: Path, language: str | None = None) -> Path:
    """Write the new file and return its path, or raise a ClickException saying what to do.

    A translation's `name` is its English file's, with its folder when two folders have one
    of that name: domestic-abuse, or crime-types/domestic-abuse.
    """
    folder, _, slug = name.rpartition("/") if kind == "translation" else ("", "", name)
    if not SLUG.match(slug):
        raise click.ClickException(
            f'"{slug}" cannot be a file name: the name becomes the web address, so use lower-case '
            f"words joined by -, like {suggest_slug(slug)}"
        )
    require_folder(content_dir)
    if kind == "translation":
        path, text = _translation(folder, slug, content_dir, language)
    else:
        if kind == "page" and slug in RESERVED_PAGES:
            raise click.ClickException(
                f'"{slug}" is already the address of one of the site\'s own pages: choose another name')
        today = dt.date.today()
        path = content_dir / FOLDERS[kind] / f"{slug}.md"
        title = slug.replace("-", " ").capitalize()
        text = template(kind).substitute(
            slug=slug, title=title, title_yaml=_yaml_text(title),
            today=today.isoformat(), review_by=add_months(today, 6).isoformat(),
        )
    if path.exists():
        raise click.ClickException(f"{display_path(path)} already exists: open it to edit it, or choose another name")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def _translation(folder: str, slug: str, content_dir: Path, language: str | None) -> tuple[Path, str]:
    if not language:
        raise click.ClickException("Say which language to translate into, like: --language pl")
    if language == "en":
        raise click.ClickException("English is the language every page is written in first: "
                                   "choose the language to translate into, like --language pl")
    matches = [kind for kind in FOLDERS.values() if (content_dir / kind / f"{slug}.md").is_file()
               and folder in ("", kind)]
    if not matches:
        raise click.ClickException(
            f"There is no file called {slug}.md in {display_path(content_dir)} to translate: use the "
            "name of an English file without .md, like domestic-abuse"
        )
    if len(matches) > 1:
        raise click.ClickException(
            f"More than one file is called {slug}.md: say which to translate, like "
            + " or ".join(f"{kind}/{slug}" for kind in matches))
    site, english, problems = read_one(content_dir, matches[0], slug)
    if site is None or english is None or problems:  # never translate words still being fixed
        raise click.ClickException("Fix these first, then try again:\n" + "\n".join(map(str, problems)))
    if language not in site.languages:
        raise click.ClickException(
            f'"{language}" is not one of the site\'s languages yet ({other_languages(site)}). '
            "Adding a language is a job for the developers, because the site's buttons and menus "
            "need translating too: ask them"
        )
    fields = []
    for name in TRANSLATABLE[type(english.meta)]:
        value = getattr(english.meta, name)
        if value is not None:
            fields.append(yaml.dump({name: value}, Dumper=_Dumper, allow_unicode=True,
                                    sort_keys=False, width=10_000, default_flow_style=False).strip())
    path = Path(english.source).with_name(f"{slug}.{language}.md")
    text = template("translation").substitute(
        language=language, language_name=english_name(language),
        english=english.source, version=source_version(english),
        fields="\n".join(fields), body=english.body.strip() + "\n",
    )
    return content_dir / english.folder / path.name, text


def _yaml_text(text: str) -> str:
    """Text as a YAML value that stays text: Yes, 2024 or null are quoted."""
    return yaml.safe_dump(text, allow_unicode=True, width=10_000).removesuffix("...\n").strip()


class _Dumper(yaml.SafeDumper):
    """Lists indented under their name, as the editors' guide shows them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)
