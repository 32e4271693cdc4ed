"""Header fields such as "Rating: M" or "Pairing: Sasuke/Naruto" in the author's notes, in the
languages fics are commonly written in, and FanFiction.net's stats line ("Rated: Fiction T -
English - Romance/Angst - [A, B] - Words: ...")."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Field name (lower case) -> normalised field. English first, then es, fr, de, pt, it, id, pl,
# ru, uk, zh, ja, ar, ko.
FIELD_NAMES = {
    "title": "title", "fic title": "title", "story title": "title", "título": "title",
    "titre": "title", "titel": "title", "titolo": "title", "judul": "title", "tytuł": "title",
    "author": "author", "by": "author", "written by": "author", "autor": "author",
    "autora": "author", "auteur": "author", "autore": "author", "penulis": "author",
    "escrita por": "author", "escrito por": "author", "écrit par": "author",
    "écrite par": "author", "geschrieben von": "author", "scritto da": "author",
    "scritta da": "author", "ditulis oleh": "author", "napisane przez": "author",
    "autorin": "author", "autor/a": "author", "creator": "author", "creators": "author",
    "fandom": "fandom", "fandoms": "fandom", "series": "fandom", "anime": "fandom",
    "crossover": "fandom", "fandom(s)": "fandom", "canon": "fandom", "serie": "fandom",
    "categorias": "fandom", "categoria": "fandom",
    "rating": "rating", "rated": "rating", "ratings": "rating", "rate": "rating",
    "clasificación": "rating", "clasificacion": "rating", "classificação": "rating",
    "classificacao": "rating", "classement": "rating", "classificazione": "rating",
    "altersfreigabe": "rating", "bewertung": "rating", "einstufung": "rating", "altersbeschränkung": "rating", "fsk": "rating",
    "kategoria wiekowa": "rating", "ograniczenie wiekowe": "rating", "peringkat": "rating",
    "pairing": "pairing", "pairings": "pairing", "pairing(s)": "pairing", "pair": "pairing",
    "pairing and characters": "pairing", "pairings and characters": "pairing",
    "relationships and characters": "pairing", "ships and characters": "pairing",
    "relationship": "pairing", "relationships": "pairing", "relationship(s)": "pairing",
    "ship": "pairing", "ships": "pairing", "couple": "pairing", "couples": "pairing",
    "pareja": "pairing", "parejas": "pairing", "emparejamiento": "pairing", "casal": "pairing",
    "casais": "pairing", "shipp": "pairing", "coppia": "pairing", "coppie": "pairing",
    "paar": "pairing", "paring": "pairing", "parings": "pairing", "pasangan": "pairing",
    "character": "characters", "characters": "characters", "character(s)": "characters",
    "personajes": "characters", "personnages": "characters", "charaktere": "characters",
    "figuren": "characters", "personagens": "characters", "personaggi": "characters",
    "tokoh": "characters", "karakter": "characters", "postacie": "characters",
    "warning": "warnings", "warnings": "warnings", "warning(s)": "warnings",
    "archive warning": "warnings", "archive warnings": "warnings", "content warning": "warnings",
    "content warnings": "warnings", "trigger warning": "warnings", "trigger warnings": "warnings",
    "tw": "warnings", "tws": "warnings", "cw": "warnings", "cws": "warnings",
    "advertencia": "warnings", "advertencias": "warnings",
    "avertissement": "warnings", "avertissements": "warnings", "warnungen": "warnings",
    "warnung": "warnings", "avisos": "warnings", "aviso": "warnings", "avvertimenti": "warnings",
    "avvertenze": "warnings", "peringatan": "warnings", "ostrzeżenia": "warnings",
    "ostrzeżenie": "warnings",
    "category": "category", "categories": "category",
    "genre": "tags", "genres": "tags", "tags": "tags", "additional tags": "tags",
    "género": "tags", "géneros": "tags", "gênero": "tags", "gêneros": "tags",
    "genere": "tags", "generi": "tags", "gatunek": "tags", "gatunki": "tags",
    "summary": "summary", "description": "summary", "resumen": "summary", "sinopsis": "summary",
    "résumé": "summary", "zusammenfassung": "summary", "inhalt": "summary",
    "sinopse": "summary", "resumo": "summary", "trama": "summary", "ringkasan": "summary",
    "opis": "summary", "streszczenie": "summary",
    "disclaimer": "disclaimer", "descargo": "disclaimer", "aclaración": "disclaimer",
    "haftungsausschluss": "disclaimer", "zastrzeżenie": "disclaimer",
    "language": "language", "idioma": "language", "langue": "language", "sprache": "language",
    "lingua": "language", "bahasa": "language", "język": "language",
    "song": "song", "songs": "song", "song title": "song", "music": "song", "lyrics": "song",
    "song used": "song", "songs used": "song", "song(s)": "song", "soundtrack": "song",
    "canción": "song", "chanson": "song", "lied": "song", "música": "song", "canzone": "song",
    "lagu": "song", "piosenka": "song",
    # ru, uk (ficbook.net's header among them), zh, ja, ko
    "название": "title", "назва": "title", "автор": "author", "автори": "author",
    "фэндом": "fandom", "фандом": "fandom", "фэндомы": "fandom", "фандомы": "fandom",
    "фендом": "fandom", "фендоми": "fandom", "рейтинг": "rating",
    "пейринг": "pairing", "пэйринг": "pairing", "пейринги": "pairing", "пэйринги": "pairing",
    "пейринг и персонажи": "pairing", "пэйринг и персонажи": "pairing", "пара": "pairing",
    "персонажи": "characters", "персонажі": "characters", "герои": "characters",
    "предупреждения": "warnings", "предупреждение": "warnings", "попередження": "warnings",
    "направленность": "category", "жанры": "tags", "жанр": "tags", "жанри": "tags",
    "метки": "tags", "мітки": "tags", "теги": "tags", "описание": "summary",
    "аннотация": "summary", "саммари": "summary", "опис": "summary", "анотація": "summary",
    "дисклеймер": "disclaimer", "отказ от прав": "disclaimer", "язык": "language",
    "мова": "language", "песня": "song", "пісня": "song",
    "标题": "title", "標題": "title", "作者": "author", "原作": "fandom", "cp": "pairing",
    "配对": "pairing", "配對": "pairing", "分级": "rating", "分級": "rating", "警告": "warnings",
    "标签": "tags", "標籤": "tags", "简介": "summary", "簡介": "summary", "摘要": "summary",
    "文案": "summary", "タイトル": "title", "ジャンル": "tags", "カップリング": "pairing",
    "注意": "warnings", "注意事項": "warnings", "あらすじ": "summary", "レーティング": "rating",
    "العنوان": "title", "الكاتب": "author", "الكاتبة": "author", "المؤلف": "author",
    "التصنيف": "rating", "الفئة العمرية": "rating", "الثنائي": "pairing", "الشخصيات": "characters",
    "تحذيرات": "warnings", "تحذير": "warnings", "الملخص": "summary", "النوع": "tags",
    "الفاندوم": "fandom",
    "제목": "title", "작가": "author", "장르": "tags", "커플링": "pairing", "등급": "rating",
    "주의": "warnings", "경고": "warnings", "요약": "summary", "줄거리": "summary",
}  # fmt: skip
_DECOR = r"[ \t*_~=#\]\)\[\(>|•✨★☆♥❤【】「」]*"
FIELD_KEYS = "|".join(sorted((re.escape(k) for k in FIELD_NAMES), key=len, reverse=True))
FIELD_LINE = re.compile(
    r"(?im)^" + _DECOR + r"(?P<key>" + FIELD_KEYS + r")" + _DECOR
    + r"[ \t]*(?::|：|-|–|—|=)[ \t]*(?P<value>[^\n]*)$"
)  # fmt: skip
# Several fields on one line ("Pairing: A/B | Rating: T | Words: 3k"): each separator that a
# field name follows ends the field before it.
_FIELD_BREAK = re.compile(
    r"(?i)[ \t]*(?:[|•·♦◆✦/]|\s[-–—~;]|;)[ \t]*(?=(?:" + FIELD_KEYS + r"|words|word count)"
    + r"[ \t]*(?::|：))"
)  # fmt: skip


def _one_field_a_line(text: str) -> str:
    """The text with a line break (padded to the same length, so offsets hold) at each break
    between fields that share a line."""
    return _FIELD_BREAK.sub(lambda m: "\n" + " " * (len(m.group(0)) - 1), text)


# FanFiction.net: "Rated: Fiction T - English - Romance/Angst - [A, B] C - Words: 2,104 - ..."
_FFN_LINE = re.compile(
    r"(?im)^[ \t]*Rated:[ \t]*(?:Fiction|Fic)[ \t]+(?P<rating>K\+?|T|MA|M)[ \t]*-[ \t]*"
    r"(?P<language>[^\W\d_]+)[ \t]*-[ \t]*(?P<rest>[^\n]*)$"
)
_FFN_STAT = re.compile(
    r"(?i)^(?:words|chapters|reviews|favs|follows|published|updated|status|complete|id)\b"
)
_FFN_GENRES = {
    "adventure", "angst", "crime", "drama", "family", "fantasy", "friendship", "general",
    "horror", "humor", "hurt/comfort", "mystery", "parody", "poetry", "romance", "sci-fi",
    "spiritual", "supernatural", "suspense", "tragedy", "western",
}  # fmt: skip


_GENRE_SPLIT = re.compile(
    "|".join(sorted(map(re.escape, _FFN_GENRES), key=len, reverse=True)) + "|/"
)


@dataclass
class Field:
    name: str
    value: str
    start: int  # offset of value in the document text
    end: int
    joined: bool = False  # a comma-joined list that is one pairing (FFN's "[A, B]")


# Full-width list separators (Chinese, Japanese) read as commas: one character for one, so
# offsets hold.
_WIDE_SEPARATORS = str.maketrans({"，": ",", "、": ",", "；": ";", "／": "/"})


# Fields whose value is a list.
_LISTS = {"fandom", "pairing", "characters", "warnings", "category", "tags"}


def _clean_value(raw: str, name: str = "") -> tuple[str, int]:
    """The value without decoration, and where it starts in raw."""
    value = raw.strip().strip(" *_~").strip()
    at = raw.find(value) if value else 0
    return (value.translate(_WIDE_SEPARATORS) if name in _LISTS else value), at


# How far apart two paragraphs may stand and still follow each other (blank lines between).
_ADJACENT = 8
# A line that labels what follows ("Notes:", "Work Text:", "Chapter 1: Title" is no label).
_LABEL_LINE = re.compile(r"^[^\n:：]{1,30}[:：]\s*$")
# ... or a label without its colon, as AO3's downloads write them ("Notes", "Chapter Text").
_BARE_LABEL = re.compile(
    r"(?i)^\W{0,3}(?:notes?|end\s+notes?|chapter\s+(?:end\s+)?notes?|author'?s?'?\s+notes?|a/n|"
    r"work\s+text|chapter\s+text|afterword|" + FIELD_KEYS + r")\W{0,3}$"
)
SUMMARY_PARAS = 6  # paragraphs a summary set under its own "Summary:" line may run to


def find_fields(regions: list[tuple[str, int]]) -> dict[str, list[Field]]:
    """Fields by normalised name, each with the offsets of its value.

    A field with an empty value takes the next line ("Summary:" then the summary), or the
    paragraph after it when it ends its own (AO3's copied "Summary:", a blank line, the
    summary; a summary runs on over its paragraphs up to the next label or field).
    """
    out: dict[str, list[Field]] = {}
    ordered = sorted(regions, key=lambda r: r[1])
    for text, offset in regions:
        if (
            FIELD_NAMES.get(text.strip().strip(" *_~:").lower()) == "summary"
            and "summary" not in out
        ):
            found = _value_below(ordered, offset + len(text), "summary")  # AO3's "Summary" label
            if found:
                out["summary"] = [found]
            continue
        text = _one_field_a_line(text)
        for m in FIELD_LINE.finditer(text):
            name = FIELD_NAMES[m.group("key").lower()]
            raw = m.group("value")
            start = m.start("value")
            if not raw.strip(" \t*_~"):
                nxt = re.match(r"\n*[ \t]*([^\n]+)", text[m.end() :])
                if not nxt:
                    found = _value_below(ordered, offset + m.end(), name)
                    if found:
                        out.setdefault(name, []).append(found)
                    continue
                if FIELD_LINE.match(nxt.group(1)):
                    continue
                raw, start = nxt.group(1), m.end() + nxt.start(1)
                if name in _LISTS:  # AO3's copied tags: one a line under the field's name
                    for value, at in _lines_below(text, start + len(raw)):
                        out.setdefault(name, []).append(
                            Field(name, value, offset + at, offset + at + len(value))
                        )
            value, at = _clean_value(raw, name)
            if value:
                s = offset + start + at
                out.setdefault(name, []).append(Field(name, value, s, s + len(value)))
        for m in _FFN_LINE.finditer(text):
            _ffn_fields(m, offset, out)
        for m in _HASHTAG_LINE.finditer(text):
            _hashtags(m, offset, out)
    return out


# A line of hashtags under a post (Tumblr, Twitter, Wattpad): "#fluff #the long road #a x b".
# Markdown's headings put a space after the "#"; tags do not.
_HASHTAG_LINE = re.compile(r"(?m)^[ \t]*#[^\s#][^#\n]*(?:#[^\s#][^#\n]*)+$")
_HASHTAG = re.compile(r"#(?P<tag>[^\s#][^#\n]*?)[ \t,]*(?=#|$)")
# Tags about the post, not the fic.
_POST_TAGS = re.compile(
    r"(?i)^(?:my\s+(?:writing|writings|fic|fics|stuff|art|post|posts)|writeblr|writers\s+on\s+tumblr|"
    r"ask(?:\s+box)?|asks|answered|requests?|requested|anon|long\s+post|mine|fanfic(?:tion)?|fic|"
    r"fics|ao3|ficlet|reblog|queue|queued|tw|cw|original\s+post|op|sorry|idk|lol|"
    r"(?:\w+\s+)?(?:writes|fic\s+tag|fics\s+tag))$"
)
_SHIP_TAG = re.compile(r"(?i)\S\s*/\s*\S|\S\s+x\s+\S|\s&\s")


def _hashtags(m: re.Match[str], offset: int, out: dict[str, list[Field]]) -> None:
    """Each hashtag as a tag, a ship's as a pairing; the post's own tags left out."""
    for tag in _HASHTAG.finditer(m.group(0)):
        value = tag.group("tag").strip()
        if not value or _POST_TAGS.match(value):
            continue
        name = "pairing" if _SHIP_TAG.search(value) else "tags"
        s = offset + m.start() + tag.start("tag")
        out.setdefault(name, []).append(Field(name, value, s, s + len(value)))


def _lines_below(text: str, pos: int) -> list[tuple[str, int]]:
    """The further lines of a list field's values, one a line, up to the next field."""
    out = []
    for m in re.finditer(r"\n[ \t]*([^\n]+)", text[pos:]):
        line = m.group(1).rstrip()
        if FIELD_LINE.match(line) or _LABEL_LINE.match(line) or _BARE_LABEL.match(line):
            break
        value, at = _clean_value(line, "tags")
        if value:
            out.append((value, pos + m.start(1) + at))
    return out


def _value_below(ordered: list[tuple[str, int]], end: int, name: str) -> Field | None:
    """The value of a field whose line ends its paragraph: the paragraphs just below it."""
    parts: list[tuple[str, int]] = []
    for text, offset in ordered:
        if offset <= end:
            continue
        last = parts[-1][1] + len(parts[-1][0]) if parts else end
        if offset - last > _ADJACENT or len(parts) >= (SUMMARY_PARAS if name == "summary" else 1):
            break
        first = text.strip().split("\n", 1)[0]
        if FIELD_LINE.match(first) or _LABEL_LINE.match(first) or _BARE_LABEL.match(first):
            break
        parts.append((text, offset))
    if not parts:
        return None
    value, at = _clean_value(parts[0][0], name)
    if len(parts) > 1:
        value = "\n\n".join(t.strip() for t, _ in parts).strip().strip(" *_~").strip()
    if not value:
        return None
    s = parts[0][1] + at
    return Field(name, value, s, s + len(value))


def _ffn_fields(m: re.Match[str], offset: int, out: dict[str, list[Field]]) -> None:
    """The rating, language, genres, characters and [pairings] of FFN's stats line."""

    def add(name: str, value: str, start: int, joined: bool = False) -> None:
        s = offset + start
        out.setdefault(name, []).append(Field(name, value, s, s + len(value), joined))

    add("rating", m.group("rating"), m.start("rating"))
    add("language", m.group("language"), m.start("language"))
    base = m.start("rest")
    for part in list(re.finditer(r"[^-]+(?:-(?=\w)[^-]*)*", m.group("rest")[:600]))[:12]:
        value, at = _clean_value(part.group(0))
        start = base + part.start() + at
        if not value or _FFN_STAT.match(value):
            continue
        if not _GENRE_SPLIT.sub("", value.lower().replace("hurt/comfort", "")).strip("/"):
            add("tags", value, start)
            continue
        for bracket in re.finditer(r"\[([^\]]+)\]", value):  # [A, B] is a pairing
            add("pairing", bracket.group(1), start + bracket.start(1), joined=True)
        names = re.sub(r"\[[^\]]*\]", ",", value)
        for name in re.finditer(r"[^,]+", names):
            text, at2 = _clean_value(name.group(0))
            if text:
                add("characters", text, start + name.start() + at2)
