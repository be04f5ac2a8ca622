"""What comes back to comms staff, and is never published: the checks of the content, the
report on its health, and the files `forvictims new` starts. Imports the content, never the web.
"""

from .inspection import inspect as inspect
from .inspection import load_library as load_library
