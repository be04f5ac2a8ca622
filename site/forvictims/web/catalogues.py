"""The translations of the site's buttons and menus (the interface), compiled into the package.

Translators edit translations/<language>/LC_MESSAGES/messages.po; the build compiles each into
this package's translations/ folder, where the app reads them. A compiled catalogue is only
rewritten when it would change, and is swapped in whole, so a page never reads half of one.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

CATALOGUES = Path(__file__).parent / "translations"
"""Where the app reads the compiled catalogues: <language>/LC_MESSAGES/messages.mo."""

CATALOGUE = Path("LC_MESSAGES") / "messages.po"


def compile_catalogues(source: Path, destination: Path = CATALOGUES) -> list[str]:
    """Compile every <language>/LC_MESSAGES/messages.po in `source` into `destination`, and
    return the languages compiled. Untranslated and fuzzy strings stay in English."""
    languages = []
    for po in sorted(source.glob(f"*/{CATALOGUE.as_posix()}")):
        language = po.parents[1].name
        with po.open("rb") as file:
            catalog = read_po(file, locale=language)
        compiled = io.BytesIO()
        write_mo(compiled, catalog)
        _write(destination / language / CATALOGUE.with_suffix(".mo"), compiled.getvalue())
        languages.append(language)
    return languages


def _write(path: Path, data: bytes) -> None:
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".messages-", suffix=".mo")
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    os.replace(temporary, path)
