"""The tags of a work from its notes and story: rating, warnings, categories, fandoms,
relationships, characters, freeform tags, song credits, disclaimer and language, each with
its evidence. Names the lexicon lacks are kept and listed in `work.unmatched`; values that are
defaults rather than read are listed in `work.defaults`."""

from __future__ import annotations

from .cast import read_cast
from .field_tags import tag_field_values
from .fields import Field
from .language import detect_language, language_named
from .lexicon import Lexicon
from .metadata import find_disclaimer, find_rating, find_terms
from .model import RATING_NOT_RATED, Evidence, ParsedWork
from .pairings import is_none
from .songs import find_songs

Region = tuple[str, int]
NOTE_CHARS = 6000  # of each note read for tags: an author's note is never longer; junk may be
CATEGORY_ORDER = ("F/F", "F/M", "Gen", "M/M", "Multi", "Other")
NO_WARNINGS = "No Archive Warnings Apply"
CHOSE_NOT_TO_WARN = "Creator Chose Not To Use Archive Warnings"
_OWN_TEXT_FIELDS = ("title", "fandom", "song", "disclaimer", "language", "author", "category")


def fill_tags(
    work: ParsedWork,
    lex: Lexicon,
    notes: list[Region],
    titles: list[Region],
    story: list[Region],
    fields: dict[str, list[Field]],
) -> None:
    conf = work.confidence
    notes = [(text[:NOTE_CHARS], offset) for text, offset in notes]
    songs = find_songs(notes, fields)
    field_spans = [(f.start, f.end) for name in _OWN_TEXT_FIELDS for f in fields.get(name, [])]
    # a title line names a ship as often as the notes do ("Bakugou x Reader", "(jimin x jungkook)")
    cast = read_cast(
        lex, [*notes, *titles], story, fields, {c.title.casefold() for c, _ in songs}, field_spans
    )
    work.fandoms, work.relationships, work.characters = (
        cast.fandoms,
        cast.relationships,
        cast.characters,
    )
    work.unmatched = {k: v for k, v in cast.unmatched.items() if v}
    if cast.candidates:
        work.candidates = {"characters": [name for name, _ in cast.candidates]}
        work.add_evidence("candidates", [span for _, span in cast.candidates])
    for name in ("fandoms", "relationships", "characters"):
        if getattr(work, name):
            work.add_evidence(name, cast.evidence.get(name, []))
            conf[name] = 0.8 if not work.unmatched.get(name) else 0.6

    mask = [(s.start, s.end) for s in cast.evidence.get("fandoms", [])]
    mask += [(f.start, f.end) for f in fields.get("title", [])]
    mask += [(s.start, s.end) for _, s in songs]
    hits = find_terms(lex, notes, mask)
    _fill_rating(work, lex, find_rating(lex, [*notes, *titles], fields), hits.rating_implied)

    categories = dict(hits.categories)
    for f in fields.get("category", []):
        for part in f.value.replace(";", ",").split(","):
            name = part.strip()
            if name in CATEGORY_ORDER:
                at = f.start + f.value.find(name)
                categories.setdefault(name, []).append(Evidence(at, at + len(name), name))
    for name, spans in cast.categories.items():
        categories.setdefault(name, []).extend(spans)
    if cast.no_pairing and not any(c in categories for c in ("F/F", "F/M", "M/M", "Multi")):
        categories.setdefault("Gen", []).append(cast.no_pairing)
    work.categories = [c for c in CATEGORY_ORDER if c in categories]
    work.add_evidence("categories", [s for c in work.categories for s in categories[c][:2]])

    _fill_warnings(work, hits.warnings, fields)

    work.song_credits = [credit for credit, _ in songs]
    work.add_evidence("song_credits", [span for _, span in songs])
    freeforms = dict(hits.freeforms)
    for name, spans in tag_field_values(lex, fields).items():
        freeforms.setdefault(name, spans)
    if songs and "Songfic" not in freeforms:
        freeforms["Songfic"] = [songs[0][1]]
    work.freeform_tags = list(freeforms)
    work.add_evidence("freeform_tags", [s for spans in freeforms.values() for s in spans[:2]])
    for name in ("categories", "song_credits", "freeform_tags"):
        if getattr(work, name):
            conf[name] = 0.75

    disclaimer = find_disclaimer(notes, fields)
    if disclaimer:
        work.disclaimer = disclaimer[0]
        work.add_evidence("disclaimer", disclaimer[1])
        conf["disclaimer"] = 0.85
    _fill_language(work, story, notes, fields)


def _fill_rating(work: ParsedWork, lex: Lexicon, rating, implied) -> None:
    conf = work.confidence
    if rating:
        work.rating, work.rating_as_written = rating[0], rating[1]
        work.add_evidence("rating", [rating[2]])
        work.add_evidence("rating_as_written", [rating[2]])
        conf["rating"] = 0.9
    if implied:
        name, span = implied
        stated = lex.rating_by_name(work.rating)
        wanted = lex.rating_by_name(name)
        if wanted and (stated is None or wanted.level > stated.level):
            work.rating = name
            work.add_evidence("rating", [span])
            conf["rating"] = 0.7
    if work.rating == RATING_NOT_RATED and not rating:
        conf["rating"] = 0.5


def _fill_warnings(
    work: ParsedWork, found: dict[str, list[Evidence]], fields: dict[str, list[Field]]
) -> None:
    warnings = dict(found)
    for f in fields.get("warnings", []):
        if is_none(f.value):
            warnings.setdefault(NO_WARNINGS, []).append(Evidence(f.start, f.end, f.value))
    if len(warnings) > 1:
        warnings.pop(NO_WARNINGS, None)  # a stated warning outweighs "none apply"
    if warnings:
        work.archive_warnings = sorted(warnings)
        work.add_evidence("archive_warnings", [s for w in warnings.values() for s in w[:2]])
        work.confidence["archive_warnings"] = 0.75
    else:  # AO3 needs one; this is the honest reading when the author states none
        work.archive_warnings = [CHOSE_NOT_TO_WARN]
        work.defaults.append("archive_warnings")
        work.confidence["archive_warnings"] = 0.5


def _fill_language(
    work: ParsedWork, story: list[Region], notes: list[Region], fields: dict[str, list[Field]]
) -> None:
    for f in fields.get("language", []):
        code = language_named(f.value)
        if code:
            work.language, work.confidence["language"] = code, 0.95
            work.add_evidence("language", [Evidence(f.start, f.end, f.value)])
            return
    text = " ".join(t for t, _ in story[:60])
    if len(text) < 200:
        text = " ".join([text, *(t for t, _ in notes)])
    work.language, work.confidence["language"] = detect_language(text)
