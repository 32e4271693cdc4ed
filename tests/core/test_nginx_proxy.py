"""The nginx site of docs/nginx/ficarchive.conf, run as it is (only its names, paths and ports
replaced) in front of a live archive: static files from disk, gzipped and kept for a year;
a signed-in reader's pages never kept; a guest's kept exactly when the archive allows it."""

from __future__ import annotations

import gzip
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from .production_site import Browser, free_port

ROOT = Path(__file__).resolve().parents[2]
SITE_FILE = ROOT / "docs" / "nginx" / "ficarchive.conf"
STATIC_SOURCE = ROOT / "src" / "ficarchive" / "static"
DEMO_PASSWORD = "demo password 123"

pytestmark = [
    pytest.mark.skipif(connection.vendor != "sqlite", reason="the archive runs on SQLite"),
    pytest.mark.skipif(
        shutil.which("nginx") is None and os.environ.get("CI") != "true",
        reason="nginx is not installed (scripts/test.sh installs Debian's nginx)",
    ),
]

MAIN_CONF = """user root;
daemon off;
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 256; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    include {tmp}/site.conf;
}}
"""


def site_conf(tmp: Path, port: int, upstream: str, data_dir: Path) -> str:
    text = SITE_FILE.read_text()
    for placeholder, value in [
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{port} ssl http2;"),
        ("/etc/letsencrypt/live/fics.example.org/fullchain.pem", str(tmp / "cert.pem")),
        ("/etc/letsencrypt/live/fics.example.org/privkey.pem", str(tmp / "key.pem")),
        ("fics.example.org", "localhost"),
        ("/var/cache/nginx/ficarchive", str(tmp / "cache")),
        ("127.0.0.1:8000", upstream),
        ("/srv/ficarchive/var", str(data_dir)),
    ]:
        assert placeholder in text, f"{SITE_FILE.name} no longer has {placeholder!r}"
        text = text.replace(placeholder, value)
    return text


@pytest.fixture(scope="module")
def proxy(production, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("nginx")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-keyout", str(tmp / "key.pem"), "-out", str(tmp / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    port = free_port()
    upstream = urllib.parse.urlsplit(production.url).netloc
    (tmp / "site.conf").write_text(site_conf(tmp, port, upstream, production.data_dir))
    (tmp / "nginx.conf").write_text(MAIN_CONF.format(tmp=tmp))
    nginx = subprocess.Popen(
        ["nginx", "-p", str(tmp), "-c", str(tmp / "nginx.conf")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True,
    )  # fmt: skip
    base = f"https://localhost:{port}"
    try:
        deadline = time.monotonic() + 120  # generous: a busy machine starts it slowly
        while True:
            if nginx.poll() is not None:
                raise RuntimeError(nginx.stderr.read().decode())
            try:
                Browser(base).get("/static/css/site.css")
                break
            except (OSError, urllib.error.URLError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield base
    finally:
        os.killpg(nginx.pid, signal.SIGTERM)
        nginx.wait(timeout=20)


def menu_of(body: bytes) -> str | None:
    found = re.search(rb'<span class="menu-name">([^<]+)</span>', body)
    return found.group(1).decode() if found else None


def first_work(browser: Browser) -> str:
    _, _, body = browser.get("/works")
    return re.search(rb'href="(/works/\d+)"', body).group(1).decode()


def test_static_files_come_from_disk_gzipped_and_kept_for_a_year(proxy):
    browser = Browser(proxy)
    _, _, home = browser.get("/")
    css = re.search(rb'href="(/static/css/site\.[0-9a-f]{12}\.css)"', home).group(1).decode()
    status, headers, body = browser.get(css, {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert headers["Cache-Control"] == "public, max-age=315360000, immutable"
    assert "X-Cache-Status" not in headers  # nginx read it from disk: the archive never saw it
    assert gzip.decompress(body) == (STATIC_SOURCE / "css" / "site.css").read_bytes()


def test_a_signed_in_readers_pages_never_come_from_the_proxys_cache(proxy):
    reader, guest = Browser(proxy), Browser(proxy)
    reader.sign_in("quillfeather", DEMO_PASSWORD)
    work = first_work(reader) + "?view_adult=true"
    for _ in range(3):
        status, headers, body = reader.get(work)
        assert status == 200
        assert headers["X-Cache-Status"] == "BYPASS"
        assert menu_of(body) == "quillfeather"
    for _ in range(2):
        status, headers, body = guest.get(work)
        assert status == 200
        assert menu_of(body) is None


def _allows_shared_cache(headers) -> bool:
    directives = {}
    for part in (headers.get("Cache-Control") or "").split(","):
        name, _, value = part.strip().partition("=")
        directives[name.lower()] = value
    if {"private", "no-store", "no-cache"} & directives.keys() or headers.get("Set-Cookie"):
        return False
    seconds = directives.get("s-maxage") or directives.get("max-age") or "0"
    return seconds.isdigit() and int(seconds) > 0


def test_a_guests_page_is_kept_exactly_when_the_archive_allows_it(proxy):
    path = "/works?sort_column=title"  # a page no other test asked through the proxy
    _, first, _ = Browser(proxy).get(path)
    status, second, _ = Browser(proxy).get(path)
    assert status == 200
    assert first["X-Cache-Status"] == "MISS"
    assert (second["X-Cache-Status"] == "HIT") == _allows_shared_cache(first)
