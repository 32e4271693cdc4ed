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


def _saved_name(disposition: str) -> str:
    """The name a browser saves the file under, read by Python's RFC 2231 parameter parser:
    filename* when there is one (RFC 6266), else filename."""
    from email.message import Message
    from email.utils import collapse_rfc2231_value

    message = Message()
    message["Content-Disposition"] = disposition
    params = [v for k, v in message.get_params(header="content-disposition") if k == "filename"]
    encoded = [v for v in params if isinstance(v, tuple)]
    return collapse_rfc2231_value(encoded[0] if encoded else params[0])


def test_a_long_non_latin_title_gives_a_name_a_file_system_can_hold(client, author, make_work,
                                                                  fetch):  # fmt: skip
    title = "שלום עולם " + "月が綺麗ですね" * 30
    response, _ = fetch(client, make_work(author, title=title), "epub")
    name = _saved_name(response["Content-Disposition"])
    assert name.startswith("שלום עולם 月が綺麗ですね") and name.endswith(".epub")
    assert len(name.encode("utf-8")) <= 255


def test_bidi_controls_cannot_turn_the_extension_around(client, author, make_work, fetch):
    response, _ = fetch(client, make_work(author, title="Notes \u202ecod.exe"), "txt")
    name = _saved_name(response["Content-Disposition"])
    assert name == "Notes cod.exe.txt"
