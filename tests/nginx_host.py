"""A built site served by a real nginx on 127.0.0.1, with the server block `forvictims hosting
nginx` prints: what a visitor's browser receives from a host set up as the README says. Used by
the hosting tests and by `make lighthouse`."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

from forvictims.hosting import nginx

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


class NginxError(Exception):
    """nginx is missing or did not start; the message says which, and what to do."""


@contextlib.contextmanager
def served(root: Path, path: str, folder: Path) -> Iterator[str]:
    """Serve the built site in `root` at `path` ("/" or "/for-victims/") with nginx on a free port
    of 127.0.0.1, its configuration and logs in `folder`; give the origin, stop nginx after."""
    if not os.access(NGINX, os.X_OK):
        raise NginxError("This needs nginx: install the 'nginx-light' package (make test does).")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    folder.mkdir(parents=True, exist_ok=True)
    # The main context a Debian nginx.conf gives, around the server block as shipped.
    (folder / "nginx.conf").write_text(
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"worker_processes 1;\nerror_log {folder}/error.log;\npid {folder}/nginx.pid;\n"
        + "events {}\nhttp {\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
        + f"    access_log off;\n    client_body_temp_path {folder};\n"
        + nginx(root, path, f"127.0.0.1:{port}") + "}\n", encoding="utf-8")
    process = subprocess.Popen([NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf"), "-g", "daemon off;"],
                               stderr=subprocess.PIPE)
    try:
        _wait_for(process, port)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait()
        process.stderr.close()


def _wait_for(process: subprocess.Popen, port: int) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return
        except OSError:
            if process.poll() is not None:
                raise NginxError(f"nginx did not start: {process.stderr.read().decode()}") from None
            time.sleep(0.05)
    raise NginxError("nginx did not start listening")
