"""The sidebar counts what the page would show."""

from .helpers import make_canonical, post, tag, titles


def facet_counts(response) -> dict[str, int]:
    return {f.tag.name: f.count for group in response.context["facets"] for f in group.facets}


def test_facet_counts_are_the_number_of_results_a_click_would_show(client, author):
    post(author, "One", fandoms=["Naruto"], freeforms=["Angst", "Fluff"])
    post(author, "Two", fandoms=["Naruto"], freeforms=["Angst"])
    post(author, "Three", fandoms=["Bleach"], freeforms=["Fluff"])
    post(author, "Draft", fandoms=["Naruto"], freeforms=["Angst"], draft=True)
    make_canonical("Naruto", "Bleach", "Angst", "Fluff")
    response = client.get("/works", {"include": "Naruto"})
    counts = facet_counts(response)
    assert counts["Angst"] == 2 and counts["Fluff"] == 1 and counts["Naruto"] == 2
    for name, count in counts.items():
        narrowed = client.get("/works", {"include": "Naruto", "include_ids": tag(name).pk})
        assert narrowed.context["page"].total == count, name


def test_facets_are_grouped_by_type_as_checkboxes(client, author):
    post(author, "One", fandoms=["Naruto"], characters=["Uzumaki Naruto"], freeforms=["Angst"])
    make_canonical("Naruto", "Uzumaki Naruto", "Angst")
    response = client.get("/works")
    labels = [g.label for g in response.context["facets"]]
    assert labels[:3] == ["Rating", "Archive Warning", "Fandom"]
    body = response.content.decode()
    assert f'name="include_ids" value="{tag("Angst").pk}"' in body
    assert f'name="exclude_ids" value="{tag("Angst").pk}"' in body


def test_a_checked_facet_stays_checked_on_the_filtered_page(client, author):
    post(author, "One", freeforms=["Angst"])
    make_canonical("Angst")
    angst = tag("Angst").pk
    response = client.get("/works", {"include_ids": angst})
    assert titles(response) == ["One"]
    assert f'name="include_ids" value="{angst}" checked' in response.content.decode()
