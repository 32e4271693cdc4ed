"""What demo readers left on the demo works: kudos, comments with replies, bookmarks with
notes, and the tag wrangling that merges spellings the demo authors typed differently. Data
and the few service calls that put it in place; works/demo.py calls `add_feedback` and
`wrangle` once the works exist. Each step is skipped when it was done before."""

from __future__ import annotations

from ficarchive.accounts.models import User
from ficarchive.feedback.models import Bookmark, Comment, Kudos
from ficarchive.feedback.services.bookmarks import save_bookmark
from ficarchive.feedback.services.comments import post_comment
from ficarchive.feedback.services.kudos import leave_kudos
from ficarchive.tags import wrangling
from ficarchive.tags.models import Tag, TagType
from ficarchive.tags.services import get_or_create_tag
from ficarchive.text.lexicon import load_lexicon

from .models import Work

# (work title, reader, comment, [(replier, reply), ...])
COMMENTS = [
    ("The Fog Ledger", "inkandember", "The tide tables on the floor! I laughed out loud.",
     [("quillfeather", "He would, wouldn't he. Thank you for reading!"),
      ("inkandember", "Already waiting for the next chapter.")]),
    ("Two Keepers, One Lamp", "stormpetrel", "The two cups on the stairs. That's the whole "
     "relationship in one line.", [("harbourlight", "That line was the first one I wrote.")]),
    ("The Loom at Night", "fernhollow", "Counting the suitors like rocks. Oh.", []),
    ("Seventeen Stakes", "wintergreen", "I read this with the lights on and it did not help.",
     [("stormpetrel", "Sorry (not sorry).")]),
    ("Molinos", "lanternmoth", "¡Qué final tan bonito! Sancho siempre tuvo razón.", []),
    ("The Cartographer's Daughter", "saltmarsh", "The harbourmaster knew her mother's name?! "
     "Update soon please.", [("ravenquill", "Chapter four is half written, I promise.")]),
]  # fmt: skip

# (reader, [work titles]) kudos
KUDOS = [
    ("inkandember", ["The Fog Ledger", "Two Keepers, One Lamp", "Second Star", "Tin"]),
    ("stormpetrel", ["Two Keepers, One Lamp", "The Loom at Night", "Der Brunnen"]),
    ("wintergreen", ["Seventeen Stakes", "Mossback", "The Fog Ledger", "Tide Tables"]),
    ("fernhollow", ["The Loom at Night", "Salt on the Threshold", "What the Sirens Wanted"]),
    ("moonlitmoth", ["The Cartographer's Daughter", "Jo's Attic", "Polyphony"]),
    ("paperlantern", ["The Emerald Spectacles", "Ishmael Below Decks", "The Fog Ledger"]),
]

# (reader, work title, notes, tags, rec)
BOOKMARKS = [
    ("moonlitmoth", "The Fog Ledger", "A proper puzzle, and fair.", ["casefic", "to reread"],
     True),
    ("moonlitmoth", "Seventeen Stakes", "Not for bedtime.", ["horror"], False),
    ("moonlitmoth", "Two Keepers, One Lamp", "Quiet and lovely.", ["lighthouses"], True),
    ("inkandember", "The Loom at Night", "Penelope deserved better and this gives it to her.",
     ["odyssey", "rec"], True),
    ("stormpetrel", "The Caterpillar's Question", "", ["whimsy"], False),
]  # fmt: skip

# (canonical tag, type, [spellings made its synonyms]): what a wrangler would merge
SYNONYMS = [
    ("Hurt/Comfort", TagType.FREEFORM, ["hurt and comfort", "h/c"]),
    ("Fluff", TagType.FREEFORM, ["fluffy"]),
    ("Les Misérables - Victor Hugo", TagType.FANDOM, ["Les Mis"]),
    ("Sherlock Holmes/John Watson", TagType.RELATIONSHIP, ["Holmes/Watson"]),
]


def _work(title: str) -> Work | None:
    return Work.objects.filter(title=title).first()


def _user(name: str) -> User:
    return User.objects.get(username=name)


def add_feedback() -> None:
    for title, reader, body, replies in COMMENTS:
        work = _work(title)
        if work is None or Comment.objects.filter(work=work).exists():
            continue
        chapter = work.chapters.order_by("position").first()
        parent = post_comment(work, body=body, user=_user(reader), chapter=chapter)
        for replier, reply in replies:
            parent = post_comment(work, body=reply, user=_user(replier), chapter=chapter,
                                  parent=parent)  # fmt: skip
    for reader, titles in KUDOS:
        user = _user(reader)
        for title in titles:
            work = _work(title)
            if (
                work
                and not work.is_creator(user)
                and not Kudos.objects.filter(work=work, user=user).exists()
            ):
                leave_kudos(work, user=user)
    for reader, title, notes, tags, rec in BOOKMARKS:
        user, work = _user(reader), _work(title)
        if work and not Bookmark.objects.filter(user=user, work=work).exists():
            save_bookmark(user, work=work, notes=notes, tags=tags, rec=rec)


DEMO_FANDOM_MEDIUM = "Books & Literature"


def wrangle(authors: list[str]) -> None:
    """Make each canonical tag canonical and the other spellings its synonyms, and the other
    fandoms of the demo `authors`' works canonical, unless a wrangler (or the lexicon) has
    decided about them already."""
    for name, tag_type, spellings in SYNONYMS:
        canonical = Tag.objects.named(tag_type, name).first() or get_or_create_tag(
            tag_type, name, canonical=True
        )
        if not canonical.canonical and canonical.synonym_of_id is None:
            wrangling.make_canonical(canonical)
        target = canonical.filterable or canonical
        for spelling in spellings:
            tag = Tag.objects.named(tag_type, spelling).first()
            if tag is not None and not tag.canonical and tag.synonym_of_id is None:
                wrangling.make_synonym(tag, target)
    # Every other fandom the demo authors typed is a fandom of its own: on the fandom index,
    # in the filters and the e-reader catalog.
    typed = Tag.objects.filter(type=TagType.FANDOM, canonical=False, synonym_of__isnull=True)
    demo = typed.filter(works__creatorships__pseud__user__username__in=authors)
    for tag in demo.distinct():
        wrangling.make_canonical(tag)
    # Each demo fandom listed under its medium on /tags: the lexicon's as the lexicon sorts
    # them, the demo's own (books in the public domain) under books; a wrangler's choice is kept.
    lexicon_media = {f.name: list(f.media) for f in load_lexicon().fandoms}
    unsorted = Tag.objects.filter(
        type=TagType.FANDOM, canonical=True, media=[],
        works__creatorships__pseud__user__username__in=authors,
    )  # fmt: skip
    for tag in unsorted.distinct():
        wrangling.set_media(tag, lexicon_media.get(tag.name) or [DEMO_FANDOM_MEDIUM])
