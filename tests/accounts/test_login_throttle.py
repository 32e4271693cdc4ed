import pytest

pytestmark = pytest.mark.django_db


def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, author):
    for _ in range(5):
        client.post("/login", {"username": "author", "password": "guess"})
    response = client.post(
        "/login", {"username": "author", "password": "correct horse battery staple"}
    )
    assert response.status_code == 429
    assert "Too many failed log-ins" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_few_wrong_passwords_do_not_lock_the_account(client, author):
    for _ in range(3):
        client.post("/login", {"username": "author", "password": "guess"})
    response = client.post(
        "/login", {"username": "author", "password": "correct horse battery staple"}
    )
    assert response.status_code == 302
