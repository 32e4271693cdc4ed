import pytest

from .production_site import start_site, stop_site


@pytest.fixture(scope="package")
def production(tmp_path_factory):
    """One live archive as production runs it, for the server and proxy tests of this folder."""
    site = start_site(tmp_path_factory.mktemp("production"), HIT_FLUSH_SECONDS="1")
    yield site
    stop_site(site)
