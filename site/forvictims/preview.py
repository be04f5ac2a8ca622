"""The preview editors use (`forvictims serve`): the site over the content as it is on disk,
read again whenever a file changes, drafts included, with any problem shown as a page."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from .editors.inspection import interface_folder, load_library
from .web.app import Preview, create_app
from .web.catalogues import CATALOGUES, compile_catalogues


def preview_app(content_dir: Path | str, catalogues: Path = CATALOGUES) -> Flask:
    """The preview of `content_dir`, with the translations of the buttons and menus beside it
    compiled into `catalogues` (the package's own folder, unless told otherwise)."""
    content_dir = Path(content_dir)
    compile_catalogues(interface_folder(content_dir), catalogues)
    return create_app(preview=Preview(content_dir, lambda: load_library(content_dir, drafts=True)),
                      catalogues=catalogues)
