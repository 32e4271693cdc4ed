"""A live archive as production runs it: `ficarchive serve` (two processes) on a fresh SQLite
archive with the demo content, in a folder of its own, on a free loopback port."""

from __future__ import annotations

import http.cookiejar
import os
import re
import secrets
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

# The test run's own settings stay out: the server reads production's defaults.
DROPPED = {"FICARCHIVE_TESTING", "TASKS_BACKEND", "EMAIL_URL", "DOWNLOAD_BUILD_THREADS",
           "DATABASE_URL", "REDIS_URL", "DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE",
           "DJANGO_SETTINGS_MODULE"}  # fmt: skip


@dataclass
class Site:
    url: str
    data_dir: Path
    process: subprocess.Popen

    def get(self, path: str, headers: dict | None = None):
        """(status, headers, body) of a GET, redirects not followed."""
        return fetch(self.url + path, headers)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url: str, headers: dict | None = None):
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(urllib.request.Request(url, headers=headers or {}), timeout=30) as r:
            return r.status, r.headers, r.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(data_dir: Path, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in DROPPED}
    env.update(
        SECRET_KEY=secrets.token_hex(32), FICARCHIVE_DATA_DIR=str(data_dir),
        SECURE_SSL_REDIRECT="false", SECURE_COOKIES="false", ALLOWED_HOSTS="127.0.0.1,localhost",
        LOG_LEVEL="ERROR", **extra,
    )  # fmt: skip
    return env


def start_site(data_dir: Path, **extra: str) -> Site:
    """A migrated archive with the demo content, served; the content loads while the server
    starts (it needs only the tables)."""
    env = production_env(data_dir, **extra)
    subprocess.run([sys.executable, "-m", "ficarchive", "migrate", "--noinput", "-v", "0"],
                   env=env, check=True, capture_output=True, timeout=600)  # fmt: skip
    demo = subprocess.Popen([sys.executable, "-m", "ficarchive", "load_demo"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)  # fmt: skip
    try:
        site = serve_site(data_dir, **extra)
    finally:
        output, _ = demo.communicate(timeout=600)
    if demo.returncode:
        stop_site(site)
        raise RuntimeError(f"load_demo failed: {output.decode(errors='replace')}")
    return site


def serve_site(data_dir: Path, log_file: Path | None = None, **extra: str) -> Site:
    """`ficarchive serve` on the archive in data_dir as it is (migrated already), its output
    in log_file (data_dir/serve.log by default)."""
    env = production_env(data_dir, **extra)
    port = free_port()
    log_file = log_file or data_dir / "serve.log"
    log = log_file.open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "ficarchive", "serve", "--port", str(port), "--workers", "2",
         "--no-worker", "--no-periodic"],
        env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    site = Site(f"http://127.0.0.1:{port}", data_dir, process)
    deadline = time.monotonic() + 300  # generous: a busy machine starts it slowly
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(log_file.read_text())
        try:
            if site.get("/")[0] == 200:
                return site
        except OSError:
            pass
        time.sleep(0.3)
    stop_site(site)
    raise RuntimeError("ficarchive serve did not answer: " + log_file.read_text())


def stop_site(site: Site) -> None:
    if site.process.poll() is None:
        os.killpg(site.process.pid, signal.SIGTERM)
        try:
            site.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(site.process.pid, signal.SIGKILL)
            site.process.wait()


class Browser:
    """A client of a live site with its own cookies (over HTTPS with any certificate)."""

    def __init__(self, base: str):
        self.base = base
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        self.cookies = http.cookiejar.CookieJar()
        handlers = (urllib.request.HTTPSHandler(context=context),
                    urllib.request.HTTPCookieProcessor(self.cookies))  # fmt: skip
        self.opener = urllib.request.build_opener(*handlers)
        self.staying = urllib.request.build_opener(*handlers, _NoRedirect)

    def get(self, path: str, headers: dict | None = None, data: bytes | None = None,
            follow: bool = True):  # fmt: skip
        request = urllib.request.Request(self.base + path, data=data, headers=headers or {})
        try:
            with (self.opener if follow else self.staying).open(request, timeout=30) as response:
                return response.status, response.headers, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read()

    def sign_in(self, username: str, password: str) -> None:
        # A guest's form carries no CSRF token: the browser says where the POST comes from
        # (core/csrf.py).
        data = urllib.parse.urlencode({"username": username, "password": password}).encode()
        status, _, body = self.get("/login", {"Sec-Fetch-Site": "same-origin"}, data)
        assert status == 200 and b'class="menu-name"' in body, "signing in failed"

    def post_form(self, page: str, action: str, fields: dict, follow: bool = True):
        """Send a form from `page` to `action` as a signed-in reader's browser does: with the
        page's CSRF token. (status, headers, body), redirects followed unless not `follow`."""
        _, _, body = self.get(page)
        found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        token = {"csrfmiddlewaretoken": found.group(1).decode()} if found else {}
        data = urllib.parse.urlencode({**token, **fields}).encode()
        headers = {"Sec-Fetch-Site": "same-origin", "Referer": self.base + page}
        return self.get(action, headers, data, follow=follow)
