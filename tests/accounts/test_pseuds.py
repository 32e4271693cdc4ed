import pytest

from ficarchive.accounts.models import Pseud

pytestmark = pytest.mark.django_db


def test_an_author_adds_a_second_pseud(author, client_for):
    client = client_for(author)
    response = client.post("/pseuds", {"name": "Night Owl", "description": "Late stories"})
    assert response.status_code == 302
    assert sorted(p.name for p in author.pseuds.all()) == ["Night Owl", "author"]
    assert author.default_pseud.name == "author"


def test_pseud_names_are_unique_per_user_ignoring_case(author, reader, client_for):
    Pseud.objects.create(user=author, name="Night Owl")
    response = client_for(author).post("/pseuds", {"name": "night owl"})
    assert "You have a pseud of that name already." in response.content.decode()
    assert author.pseuds.count() == 2
    # another user may use the same pen name
    assert client_for(reader).post("/pseuds", {"name": "Night Owl"}).status_code == 302


def test_a_pseud_name_with_markup_is_refused(author, client_for):
    response = client_for(author).post("/pseuds", {"name": "<script>x</script>"})
    assert "A pseud is letters" in response.content.decode()
    assert author.pseuds.count() == 1


def test_making_another_pseud_default_leaves_exactly_one_default(author, client_for):
    owl = Pseud.objects.create(user=author, name="Owl")
    client_for(author).post(f"/pseuds/{owl.pk}/default")
    assert list(author.pseuds.filter(is_default=True)) == [owl]


def test_the_default_pseud_cannot_be_deleted(author, client_for):
    default = author.default_pseud
    response = client_for(author).post(f"/pseuds/{default.pk}/delete", follow=True)
    assert "delete your default pseud" in response.content.decode()
    assert Pseud.objects.filter(pk=default.pk).exists()


def test_nobody_edits_another_users_pseud(author, reader, client_for):
    pseud = author.default_pseud
    response = client_for(reader).post(f"/pseuds/{pseud.pk}/edit", {"name": "stolen"})
    assert response.status_code == 404
    pseud.refresh_from_db()
    assert pseud.name == "author"
