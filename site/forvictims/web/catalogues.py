"""The translations of the site's buttons and menus (the interface), compiled into the package.

Translators edit translations/<language>/LC_MESSAGES/messages.po; the build compiles each into
this package's translations/ folder, where the app reads them. A compiled catalogue is only
rewritten when it would change, and is swapped in whole, so a page never reads half of one.
"""

from __future__ import annotations

import hashlib
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
        text = po.read_bytes()
        mo = destination / language / CATALOGUE.with_suffix(".mo")
        compiled_from = mo.with_name(mo.name + ".sha256")  # the .po the .mo was compiled from
        digest = hashlib.sha256(text).hexdigest()
        if not (mo.is_file() and compiled_from.is_file() and compiled_from.read_text() == digest):
            # Reading a catalogue takes a moment: only one that changed is compiled again.
            compiled = io.BytesIO()
            write_mo(compiled, read_po(io.BytesIO(text), locale=language))
            _write(mo, compiled.getvalue())
            _write(compiled_from, digest.encode("ascii"))
        languages.append(language)
    return languages


def _write(path: Path, data: bytes) -> None:
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".messages-", suffix=path.suffix)
    with os.fdopen(handle, "wb") as file:
        file.write(data)
    os.replace(temporary, path)
