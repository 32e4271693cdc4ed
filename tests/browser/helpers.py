"""Steps that several browser walks take the same way."""

from ficarchive.works.models import Work


def post_work_in_browser(page, title, *, fandom="Original Work", body=None, **fields):
    """Post a one-chapter General Audiences work through the posting form; `fields` fill
    the form's other inputs by id (collections, gift_to, ...); source_kind is a select."""
    page.goto("/works/new")
    page.select_option("#id_rating", "General Audiences")
    page.check("input[name=warnings][value='No Archive Warnings Apply']")
    page.fill("#id_fandoms", fandom)
    page.fill("#id_title", title)
    page.fill("#id_chapters_expected", "1")
    page.fill("#id_chapter-body", body or f"The story of {title}.")
    for field, value in fields.items():
        if field == "source_kind":
            page.select_option("#id_source_kind", value)
        else:
            page.fill(f"#id_{field}", value)
    page.get_by_role("button", name="Post", exact=True).click()
    page.wait_for_url("**/works/*")
    return Work.objects.get(title=title)


def switch_to(page, login_page, user):
    """Sign out whoever is signed in, and sign `user` in."""
    page.context.clear_cookies()
    return login_page(user)
