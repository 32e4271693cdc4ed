"""Site skins: a reader's own CSS for every page they see, off until they choose it."""

from __future__ import annotations

import pytest

from ficarchive.skins.models import Skin
from ficarchive.skins.services import save_skin

pytestmark = pytest.mark.django_db

DARK_HEADER = "body { background: #111 } .site-header { background: black; color: pink }"


@pytest.fixture
def site_skin(reader):
    return save_skin(reader, kind="site", title="Night", css=DARK_HEADER)


def test_a_site_skin_is_kept_unscoped(site_skin):
    assert site_skin.compiled.startswith("body {")
    assert "#workskin" not in site_skin.compiled


def test_a_site_skin_is_off_until_its_owner_uses_it(reader, client_for, site_skin):
    client = client_for(reader)
    assert site_skin.stylesheet_url not in client.get("/works").content.decode()
    client.post(f"/skins/{site_skin.pk}/use", {"use": "on"})
    assert site_skin.stylesheet_url in client.get("/works").content.decode()
    client.post(f"/skins/{site_skin.pk}/use", {"use": "off"})
    assert site_skin.stylesheet_url not in client.get("/works").content.decode()


def test_the_skins_and_preferences_pages_never_wear_it(reader, client_for, site_skin):
    client = client_for(reader)
    client.post(f"/skins/{site_skin.pk}/use", {"use": "on"})
    for url in ("/skins", "/preferences", f"/skins/{site_skin.pk}/edit"):
        assert site_skin.stylesheet_url not in client.get(url).content.decode(), url


def test_only_one_site_skin_is_in_use(reader, client_for, site_skin):
    other = save_skin(reader, kind="site", title="Day", css="body { background: white }")
    client = client_for(reader)
    client.post(f"/skins/{site_skin.pk}/use", {"use": "on"})
    client.post(f"/skins/{other.pk}/use", {"use": "on"})
    assert list(Skin.objects.filter(in_use=True)) == [other]


def test_others_and_guests_never_get_a_readers_site_skin(
    reader, author, client_for, client, site_skin
):
    client_for(reader).post(f"/skins/{site_skin.pk}/use", {"use": "on"})
    assert site_skin.stylesheet_url not in client_for(author).get("/works").content.decode()
    assert site_skin.stylesheet_url not in client.get("/works").content.decode()
    assert client.get(site_skin.stylesheet_url).status_code == 404
    assert client_for(author).get(site_skin.stylesheet_url).status_code == 404
    own = client_for(reader).get(site_skin.stylesheet_url)
    assert own.status_code == 200 and own["Cache-Control"].startswith("private")


def test_a_site_skin_is_sanitized_the_same_way(reader, client_for):
    css = "body { background: url(http://tracker.example/p.gif) } .x { position: fixed }"
    html = client_for(reader).post("/skins/new/site", {"title": "T", "css": css}).content.decode()
    assert "url() may only load images over https" in html
    assert "position: fixed would cover the page" in html
    assert not Skin.objects.exists()


def test_a_work_skin_cannot_be_used_for_the_site(author, client_for):
    skin = save_skin(author, kind="work", title="Phone", css="p { color: red }")
    assert client_for(author).post(f"/skins/{skin.pk}/use", {"use": "on"}).status_code == 404
