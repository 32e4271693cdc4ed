import pytest

pytestmark = pytest.mark.django_db


def links(*pairs, extra=2):
    data = {"links-TOTAL_FORMS": str(len(pairs) + extra), "links-INITIAL_FORMS": "0",
            "links-MIN_NUM_FORMS": "0", "links-MAX_NUM_FORMS": "20"}  # fmt: skip
    for i, (title, url) in enumerate(pairs):
        data[f"links-{i}-title"] = title
        data[f"links-{i}-url"] = url
    return data


def test_the_bio_is_sanitized_and_links_are_listed(author, client_for, client):
    response = client_for(author).post(
        "/profile/edit",
        {"bio": '<p onclick="steal()">I write <em>angst</em><script>alert(1)</script></p>',
         **links(("My other archive", "https://example.org/me"))},
    )  # fmt: skip
    assert response.status_code == 302
    page = client.get("/users/author").content.decode()
    assert "I write <em>angst</em>" in page
    assert "<script>alert(1)" not in page and "onclick" not in page
    assert 'href="https://example.org/me"' in page and "My other archive" in page


def test_a_javascript_link_is_refused_and_nothing_is_saved(author, client_for):
    response = client_for(author).post(
        "/profile/edit", {"bio": "new bio", **links(("Click", "javascript:alert(1)"))}
    )
    assert response.status_code == 200
    author.refresh_from_db()
    assert author.bio == ""
    assert not author.links.exists()


def test_an_unknown_profile_is_not_found(client):
    assert client.get("/users/nobody").status_code == 404


def test_the_profile_lists_series_only_through_works_the_visitor_may_see(author, client):
    from ficarchive.works.models import Series
    from ficarchive.works.services import post_work

    open_series = Series.objects.create(title="Open Road", owner=author)
    hidden_series = Series.objects.create(title="Secret Road", owner=author)
    post_work(pseuds=[author.default_pseud], title="Seen", fandoms=["F"], series=open_series)
    post_work(pseuds=[author.default_pseud], title="Draft", fandoms=["F"], series=hidden_series,
              draft=True)  # fmt: skip
    page = client.get("/users/author").content.decode()
    assert "Open Road" in page
    assert "Secret Road" not in page
