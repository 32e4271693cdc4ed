"""Form help is the archive's own words, but help can name user text (the co-creators' help
names the invited pseuds): both form templates escape help unless it is marked safe, as
Django's password rules are."""

from django import forms
from django.template.loader import render_to_string

from ficarchive.accounts.models import Pseud
from ficarchive.works.invitations import invite

HOSTILE = '<img src=x id="hostile-pseud">'


def test_an_invited_pseuds_name_is_escaped_on_the_edit_form(make_work, author, reader, client_for):
    work = make_work(author)
    pseud = Pseud.objects.create(user=reader, name=HOSTILE)  # as the Django admin allows
    invite(work, [pseud], inviter=author)
    page = client_for(author).get(f"/works/{work.pk}/edit").content.decode()
    assert "Invited, waiting for an answer" in page
    assert HOSTILE not in page


def test_the_shared_form_template_escapes_help_not_marked_safe(db):
    class Named(forms.Form):
        name = forms.CharField(help_text="Asked of " + HOSTILE)

    html = render_to_string("includes/form.html", {"form": Named()})
    assert HOSTILE not in html
    assert "Asked of &lt;img" in html


def test_the_password_rules_keep_their_list(reader, client_for):
    page = client_for(reader).get("/password/change").content.decode()
    assert "<ul><li>" in page.replace("\n", "")
