"""For Victims: support for people harmed by crime in the West Midlands, as a static site.

Content (Markdown in content/) is loaded and checked into a Library, rendered by a Flask app,
and frozen into build/.
"""

from .app import create_app as create_app
from .freeze import build as build
from .library import Library as Library
from .loading import load_library as load_library
from .problems import ContentError as ContentError
