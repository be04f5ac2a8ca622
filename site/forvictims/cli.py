"""The `forvictims` command: build the static site, or preview it while editing."""

from __future__ import annotations

from pathlib import Path

import click
from werkzeug.serving import make_server

from . import freeze
from .app import create_app

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
    result = freeze.build(content, output, base_url)
    click.echo(
        f"Built {result.pages} pages ({result.files} files) into {output}/ "
        f"in {result.seconds:.1f} seconds."
    )
    for note in result.notes:
        click.echo(f"Note: {note}")


@main.command()
@content_option
@click.option("--port", default=8000, show_default=True, help="The port to preview on.")
def serve(content: Path, port: int) -> None:
    """Preview the site on this computer while you edit.

    Open the address it prints. Content is read again whenever a file changes: save, then
    reload the page. Problems in the content show in the browser.
    """
    app = create_app(content_dir=content, preview=True)
    # If the port is taken, werkzeug says so plainly and stops.
    server = make_server("127.0.0.1", port, app, threaded=True)
    click.echo(f"Previewing on http://127.0.0.1:{port}/en/ (press Ctrl+C to stop).")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.")
