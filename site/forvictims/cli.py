"""The `forvictims` command: build the static site, or preview it while editing."""

from __future__ import annotations

import datetime as dt
import gc
import json
from pathlib import Path

import click
from werkzeug.serving import make_server

from . import publish
from .content.problems import ContentError, command, display_path, plural
from .content.structure import KINDS
from .editors import coverage, report, scaffold
from .editors.inspection import inspect, interface_folder, load_library, require_folder
from .preview import preview_app
from .web.app import create_app
from .web.catalogues import CATALOGUES, compile_catalogues
from .web.search import index_outside_a_page

content_option = click.option(
    "--content", default="content", show_default=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="The folder of content files.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """For Victims: support for people harmed by crime in the West Midlands."""


@main.command()
@content_option
@click.option("--output", default="build", show_default=True,
              type=click.Path(path_type=Path), help="Where to write the static site.")
@click.option("--base-url", default=None,
              help="Where the site is published, like https://www.example.org.uk/for-victims/ "
                   "[default: base_url in content/site.yaml].")
def build(content: Path, output: Path, base_url: str | None) -> None:
    """Check all content and freeze the whole site into OUTPUT.

    Nothing is written unless every page builds: the previous build stays as it was.
    """
    result = publish.build(content, output, base_url)
    gc.freeze()  # the process ends here: Python need not look through what the build made first
    click.echo(
        f"Built {result.pages} pages ({result.files} files) into {output}/ "
        f"in {result.seconds:.1f} seconds."
    )
    for note in result.notes:
        click.echo(f"Note: {note}")


@main.group()
def hosting() -> None:
    """Settings for the web server that serves the built site."""


@hosting.command("nginx")
@click.option("--root", default="build", show_default=True, type=click.Path(path_type=Path),
              help="The built site's folder, as the server will find it.")
@click.option("--base-url", default="/", show_default=True,
              help="Where the site is published, like https://www.example.org.uk/for-victims/ "
                   "(the same as for forvictims build).")
@click.option("--listen", default="80", show_default=True, help="nginx's listen: a port or address:port.")
def hosting_nginx(root: Path, base_url: str, listen: str) -> None:
    """Print an nginx server block for the built site: security headers, caching, compression
    and the 404 page."""
    from . import hosting as settings

    click.echo(settings.nginx(root, publish.split_base_url(base_url)[1], listen), nl=False)


@main.command(short_help="List every problem in the content (add --strict before publishing).")
@content_option
@click.option("--strict", is_flag=True,
              help="Count warnings as errors: use it before publishing.")
def check(content: Path, strict: bool) -> None:
    """Check all content and list every problem, with the file and line to fix.

    Errors stop the site being built. Warnings do not, but need doing soon: a review date has
    passed, a number still needs confirming, a translation is out of date. With --strict,
    warnings count as errors too.
    """
    library, problems = inspect(content)
    for problem in problems:
        click.echo(str(problem))
    errors = sum(not problem.warning for problem in problems)
    warnings = len(problems) - errors
    if errors:
        raise click.ClickException(
            f"{plural(errors, 'error')} and {plural(warnings, 'warning')}. The site cannot be built "
            "until the errors are fixed: each line above says which file, which line, and what to do."
        )
    files = 1 + sum(1 for kind in KINDS for path in (content / kind.folder).glob("*.md")
                    if not path.name.startswith("."))
    summary = f"Checked {plural(files, 'file')}: no errors, {plural(warnings, 'warning')}."
    if strict and warnings:
        raise click.ClickException(f"{summary} With --strict, warnings count as errors.")
    click.echo(summary)


@main.command(short_help="Start a new service, crime type, area, page or translation.")
@content_option
@click.argument("kind", type=click.Choice(scaffold.KINDS))
@click.argument("name")
@click.option("--language", help="For a translation: the two-letter code, like pl.")
def new(content: Path, kind: str, name: str, language: str | None) -> None:
    """Start a new file of KIND called NAME, with notes that explain every part.

    \b
    Examples:
      forvictims new service sandwell-womens-aid
      forvictims new crime-type cyber-stalking
      forvictims new translation domestic-abuse --language pl

    The file starts as a draft: the preview shows it, the published site does not.
    """
    if language and kind != "translation":
        raise click.ClickException("--language is only for a translation, like: "
                                   f"{command('new translation domestic-abuse --language pl')}")
    path = scaffold.new_file(kind, name, content, language)
    click.echo(f"Wrote {display_path(path)}.")
    if kind == "translation":
        click.echo(f"Open it, translate the words and the text, then run {command('check')}.")
    else:
        click.echo(f"Open it, write the real details where it says REPLACE THIS, then run {command('check')}.")
    click.echo(f"It is a draft: the preview ({command('serve')}) shows it, the published site does not,"
               " until you delete the line draft: true.")


@main.command("report", short_help="Show what needs checking, confirming or translating.")
@content_option
@click.option("--html", "html_path", default="content-report.html", show_default=True,
              type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the report as a web page (never inside the built site).")
def report_command(content: Path, html_path: Path) -> None:
    """Show the health of the content: for every page and service, when it was last checked,
    when its review is due, whether a fact needs confirming, and how each translation stands.

    It prints a table and writes the same as a web page, for staff only: it is never published.
    """
    target = html_path.resolve()
    if target.is_relative_to(Path("build").resolve()) or any(
            (folder / publish.MARKER).is_file() for folder in target.parents):
        raise click.ClickException(
            f"{display_path(html_path)} is inside the built site, which is published: write the "
            "report somewhere else, like --html content-report.html"
        )
    today = dt.date.today()
    library, problems = inspect(content, today, drafts=True)
    if library is None:
        raise ContentError([problem for problem in problems if not problem.warning],
                           f"Fix them ({command('check')} lists them too), then run the report again.")
    rows = report.rows(library, today)
    languages = library.languages[1:]
    click.echo(report.table(rows, languages))
    click.echo()
    for line in report.summary(rows, languages):
        click.echo(line)
    cells = coverage.cells(library)
    click.echo()
    click.echo(coverage.table(cells))
    click.echo(coverage.summary(cells))
    try:
        html_path.parent.mkdir(parents=True, exist_ok=True)
        html_path.write_text(report.html(rows, library, today), encoding="utf-8")
    except OSError as error:
        raise click.ClickException(
            f"Could not write {display_path(html_path)} ({error.strerror}): choose another place, "
            "like --html content-report.html") from None
    click.echo(f"The same report, as a web page: {display_path(html_path)}")


@main.command(short_help="Show what a visitor would find for some words.")
@content_option
@click.argument("query")
@click.option("--lang", "language", default="en", show_default=True,
              help="The language to search in, by its code in content/site.yaml.")
@click.option("--limit", default=10, show_default=True, help="How many results to show.")
@click.option("--json", "as_json", is_flag=True, help="Print the results as JSON.")
def search(content: Path, query: str, language: str, limit: int, as_json: bool) -> None:
    """Search the site as a visitor would, and print the best results: title, address and
    score. The site's search page ranks the same pages in the same order.

    Put the words in quotes: forvictims search "my ex keeps messaging me"
    """
    library = load_library(content)
    if language not in library.languages:
        raise click.ClickException(
            f'The site has no language "{language}": it has {", ".join(library.languages)}')
    compile_catalogues(interface_folder(content), CATALOGUES)  # the site's words for its pages
    results = index_outside_a_page(create_app(library=library), library, language).search(query, limit)
    if as_json:
        click.echo(json.dumps([{"title": result.title, "url": f"/{language}{result.path}",
                                "score": round(result.score, 3)} for result in results],
                              ensure_ascii=False, indent=2))
        return
    if not results:
        click.echo(f'Nothing on the site matches "{query}". Add words people use to '
                   f"content/search-words.yaml, or to a crime type's keywords.")
        return
    width = max(len(f"/{language}{result.path}") for result in results)
    for number, result in enumerate(results, 1):
        click.echo(f"{number:>2}. {f'/{language}{result.path}':<{width}}  {result.score:6.2f}  {result.title}")


@main.command()
@content_option
@click.option("--port", default=8000, show_default=True, help="The port to preview on.")
def serve(content: Path, port: int) -> None:
    """Preview the site on this computer while you edit.

    Open the address it prints. Content is read again whenever a file changes: save, then
    reload the page. Problems in the content show in the browser.
    """
    require_folder(content)
    app = preview_app(content)
    # If the port is taken, werkzeug says so plainly and stops.
    server = make_server("127.0.0.1", port, app, threaded=True)
    click.echo(f"Previewing on http://127.0.0.1:{server.server_port}/en/ (press Ctrl+C to stop).")
    click.echo("Save a file, then reload the page in your browser to see the change.")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.")
