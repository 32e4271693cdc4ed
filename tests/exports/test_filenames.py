from urllib.parse import unquote

from ficarchive.exports.services import ascii_filename


def test_the_file_is_an_attachment_named_after_the_title(client, work, fetch):
    response, _ = fetch(client, work, "epub")
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert 'filename="Moonrise_Uber_Alles.epub"' in disposition
    encoded = disposition.split("filename*=UTF-8''")[1]
    assert unquote(encoded) == "Moonrise — Über Alles.epub"


def test_a_title_without_latin_letters_gets_a_plain_name(author, make_work):
    work = make_work(author, title="月亮")
    assert ascii_filename(work) == f"Work_{work.pk}"


def test_a_title_cannot_smuggle_a_path_or_header_into_the_name(client, author, make_work, fetch):
    work = make_work(author, title='../../etc/"passwd"\r\nX-Evil: 1')
    response, _ = fetch(client, work, "txt")
    disposition = response["Content-Disposition"]
    assert "\n" not in disposition and "\r" not in disposition
    assert 'filename="etc_passwd_X_Evil_1.txt"' in disposition
    assert "/" not in unquote(disposition.split("filename*=UTF-8''")[1])
