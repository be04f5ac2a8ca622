"""For Victims: support for people harmed by crime in the West Midlands, as a static site.

Content (Markdown in content/) is read and checked into a Library, rendered by a Flask app,
and frozen into build/. The package is in layers, each importing only those above it here:

- `content/`: what the content is, read from files (no Flask);
- `editors/`: the checks, the report and new files, for comms staff (never published);
- `web/`: the public site, a Library in and HTML out;
- `publish.py` (the build) and `cli.py` (the `forvictims` command) on top.
"""

from .content.library import Library as Library
from .content.problems import ContentError as ContentError
from .editors.inspection import load_library as load_library
from .publish import build as build
from .web.app import create_app as create_app
