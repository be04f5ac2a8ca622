"""What `forvictims new` writes where an editor has details still to write.

A new file is a draft, so these never reach the site; once a file is no longer a draft, any of
them left in it is an error naming the line.
"""

from __future__ import annotations

import re

PLACEHOLDER = "REPLACE THIS"
PLACEHOLDER_SLUG = "replace-this"  # where a list of crime types or areas is still to be written
EXAMPLE_ADDRESS = re.compile(r"(https?://(www\.)?|[\w.+-]+@)example\.(org|com)(?![.\w])[^\s#]*")
EXAMPLE_NUMBER = "020 7946 0000"  # an Ofcom number for drama: it never connects
EXAMPLE_CODE = "E08000000"  # no local authority has it


def placeholders(text: str, body_line: int) -> list[tuple[int, str]]:
    """(line, message) for what in a file's text is still as forvictims new wrote it. Notes for
    editors (front matter lines starting with #) are left alone: they are never published."""
    if not (PLACEHOLDER in text or EXAMPLE_CODE in text or EXAMPLE_NUMBER in text
            or ("example." in text and EXAMPLE_ADDRESS.search(text))):
        return []  # as nearly every file: said at once, not line by line
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        if number < body_line and line.lstrip().startswith("#"):
            continue
        field = re.match(r"^\s*(?:- )?(\w+):", line)
        found += [(number, f"{field[1]}: {message}" if field else message) for message in _messages(line)]
    return found


def _messages(line: str) -> list[str]:
    found = []
    if PLACEHOLDER in line:
        found.append(f"{PLACEHOLDER} marks words from forvictims new that still need writing: "
                     "write the real details here (or put back the line draft: true until they are ready)")
    if (address := EXAMPLE_ADDRESS.search(line)):
        found.append(f"{address[0]} is the example address from forvictims new: write the real one")
    if EXAMPLE_CODE in line:
        found.append(f"{EXAMPLE_CODE} is the example code from forvictims new: write the area's real ONS code")
    if EXAMPLE_NUMBER in line:
        found.append(f"{EXAMPLE_NUMBER} is the example number from forvictims new, and it never "
                     "connects: write the service's real number")
    return found
