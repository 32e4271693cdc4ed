import pytest

from ficarchive.accounts.models import Pseud, User

pytestmark = pytest.mark.django_db

GOOD = {
    "username": "newwriter",
    "email": "new@example.org",
    "password1": "a long and unusual passphrase",
    "password2": "a long and unusual passphrase",
}


def test_signing_up_creates_the_account_with_a_default_pseud_and_logs_in(client):
    response = client.post("/signup", GOOD, follow=True)
    assert response.redirect_chain[-1][0] == "/users/newwriter"
    user = User.objects.get(username="newwriter")
    assert [p.name for p in user.pseuds.all()] == ["newwriter"]
    assert user.pseuds.get().is_default
    assert response.context["user"] == user
    assert user.password.startswith(("argon2", "md5"))  # hashed, never plain


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"password2": "something else entirely"}, "The two passwords differ."),
        ({"password1": "short", "password2": "short"}, "too short"),
        ({"username": "has space"}, "no spaces"),
        ({"email": "not-an-address"}, "valid email"),
    ],
)
def test_bad_sign_up_explains_itself_and_creates_nothing(client, change, message):
    response = client.post("/signup", {**GOOD, **change})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not User.objects.exists()
    assert not Pseud.objects.exists()


def test_a_taken_username_is_refused_whatever_its_case(client, author):
    response = client.post("/signup", {**GOOD, "username": "AUTHOR"})
    assert "That username is taken." in response.content.decode()
    assert User.objects.count() == 1


def test_an_email_address_can_hold_only_one_account(client, author):
    response = client.post("/signup", {**GOOD, "email": "Author@example.org"})
    assert "exists already" in response.content.decode()
    assert User.objects.count() == 1


def test_a_reader_can_log_in_with_the_email_address(client, author):
    response = client.post(
        "/login", {"username": "author@example.org", "password": "correct horse battery staple"}
    )
    assert response.status_code == 302
    assert client.get("/").context["user"] == author
