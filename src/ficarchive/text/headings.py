"""Chapter headings in every form and language: "Chapter 3: The Fall", "~Chapter 3~",
"=== Part Three ===", "Ch. 7 - Signal", "Capítulo 9", "Rozdział 4", "Prologue", "1. Title".

A label keeps the author's word for it (Capítulo, Kapitel, Part) with its number written in
digits, so "Part Three" reads as "Part 3" and "CHAPTER IV" as "Chapter 4"; abbreviations are
spelled out ("Ch. 7" is "Chapter 7")."""

from __future__ import annotations

import re

# Numbered kinds, each word with the spelling a label uses (abbreviations spelled out).
_NUMBERED = {
    "chapter": "Chapter", "chap": "Chapter", "ch": "Chapter", "chp": "Chapter",
    "chpt": "Chapter", "chptr": "Chapter",
    "capítulo": "Capítulo", "capitulo": "Capítulo", "cap": "Capítulo", "capitolo": "Capitolo",
    "chapitre": "Chapitre", "kapitel": "Kapitel", "kap": "Kapitel", "rozdział": "Rozdział",
    "rozdzial": "Rozdział", "rozdz": "Rozdział", "bab": "Bab", "hoofdstuk": "Hoofdstuk",
    "part": "Part", "parte": "Parte", "partie": "Partie", "teil": "Teil", "część": "Część",
    "book": "Book", "libro": "Libro", "livre": "Livre", "buch": "Buch", "act": "Act",
    "acto": "Acto", "volume": "Volume", "vol": "Volume", "tome": "Tome", "tomo": "Tomo",
    "глава": "Глава", "часть": "Часть", "розділ": "Розділ", "частина": "Частина",
    "kapitola": "Kapitola", "bölüm": "Bölüm", "chương": "Chương", "kabanata": "Kabanata",
    "luku": "Luku", "ตอนที่": "ตอนที่", "บทที่": "บทที่", "פרק": "פרק", "الفصل": "الفصل",
}  # fmt: skip
# Kinds without a number.
_SPECIAL = {
    "prologue": "Prologue", "prólogo": "Prólogo", "prologo": "Prólogo", "prolog": "Prolog",
    "epilogue": "Epilogue", "épilogue": "Épilogue", "epílogo": "Epílogo", "epilogo": "Epílogo",
    "epilog": "Epilog", "interlude": "Interlude", "interludio": "Interludio",
    "intermède": "Intermède", "intermezzo": "Intermezzo", "preface": "Preface",
    "préface": "Préface", "prefacio": "Prefacio", "afterword": "Afterword", "foreword": "Foreword",
    "omake": "Omake", "coda": "Coda", "finale": "Finale", "vorwort": "Vorwort",
    "nachwort": "Nachwort", "пролог": "Пролог", "эпилог": "Эпилог", "епілог": "Епілог",
    "интерлюдия": "Интерлюдия", "序章": "序章", "楔子": "楔子", "尾声": "尾声", "尾聲": "尾聲",
    "番外": "番外", "プロローグ": "プロローグ", "エピローグ": "エピローグ", "프롤로그": "프롤로그",
    "에필로그": "에필로그",
}  # fmt: skip
_NUMBER_WORDS = {
    word: n
    for n, words in enumerate(
        [
            "zero cero zéro null", "one uno un une eins um uma jeden satu first",
            "two dos deux zwei dois duas due dwa dua second",
            "three tres trois drei três tre trzy tiga third",
            "four cuatro quatre vier quatro quattro cztery empat fourth",
            "five cinco cinq fünf cinque pięć lima fifth", "six seis sechs sei sześć enam sixth",
            "seven siete sept sieben sete sette siedem tujuh seventh",
            "eight ocho huit acht oito otto osiem delapan eighth",
            "nine nueve neuf neun nove dziewięć sembilan ninth",
            "ten diez dix zehn dez dieci dziesięć sepuluh tenth",
            "eleven once onze elf undici eleventh", "twelve doce douze zwölf dodici twelfth",
            "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
            "twenty",
        ]
    )
    for word in words.split()
}  # fmt: skip
# Ordinals after the chapter word in Spanish, Italian, Portuguese, French and Polish
# ("Capitolo primo", "Capítulo segundo", "Chapitre premier", "Rozdział pierwszy").
_NUMBER_WORDS.update(
    {
        word: n
        for n, words in enumerate(
            [
                "primero primera primer primo prima primeiro primeira premier première "
                "pierwszy pierwsza",
                "segundo segunda secondo seconda deuxième seconde drugi druga",
                "tercero tercera terzo terza terceiro terceira troisième trzeci trzecia",
                "cuarto cuarta quarto quarta quatrième czwarty czwarta",
                "quinto quinta cinquième piąty piąta",
                "sexto sexta sesto sesta sixième szósty szósta",
                "séptimo séptima settimo settima sétimo sétima septième siódmy siódma",
                "octavo octava ottavo ottava oitavo oitava huitième ósmy ósma",
                "noveno novena nono nona neuvième dziewiąty dziewiąta",
                "décimo décima decimo decima dixième dziesiąty dziesiąta",
            ],
            1,
        )
        for word in words.split()
    }
)
# Arabic ordinals as chapter headings write them ("الفصل الأول").
_NUMBER_WORDS.update(
    {
        word: n
        for n, word in enumerate(
            "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر".split(), 1
        )
    }
)
# Russian and Ukrainian numbers as chapter headings write them ("Глава первая", "Частина друга").
_NUMBER_WORDS.update(
    {
        word: n
        for n, words in enumerate(
            [
                "ноль",
                "один одна первая первый перша перший",
                "два две вторая второй друга другий",
                "три третья третий третя",
                "четыре четвёртая четвертая четвёртый четвертий",
                "пять пятая пятый п'ята",
                "шесть шестая шестой шоста",
                "семь седьмая седьмой сьома",
                "восемь восьмая восьмой восьма",
                "девять девятая девятый дев'ята",
                "десять десятая десятый десята",
            ]
        )
        for word in words.split()
    }
)
_CJK_DIGITS = {c: n for n, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2, "兩": 2}
# "第三章 标题", "第12話", "제3장": the number between the two, in digits or Chinese numerals.
_CJK_HEADING = re.compile(
    r"^[\s【\[「『（(]*(?:第|제)\s*(?P<num>[0-9０-９]{1,4}|[零〇一二两兩三四五六七八九十百]{1,6})\s*"
    r"(?P<kw>章|回|話|话|节|節|幕|卷|部|장|화)[\s【】\[\]「」『』（）():：.、,，\-–—~]*(?P<title>.{0,60}?)[\s】\]」』]*$"
)
_KOREAN_HEADING = re.compile(
    r"^\s*(?P<num>\d{1,4})\s*(?P<kw>장|화)(?:[\s.:\-–—]+(?P<title>.{1,60}?))?\s*$"
)


def _cjk_number(num: str) -> int | None:
    """The value of "12", "１２", "十二", "二十三", "一百零五"."""
    if num.isdigit():
        return int(num)
    total, current = 0, 0
    for ch in num:
        if ch == "百":
            total, current = total + (current or 1) * 100, 0
        elif ch == "十":
            total, current = total + (current or 1) * 10, 0
        elif ch in _CJK_DIGITS:
            current = _CJK_DIGITS[ch]
        else:
            return None
    return (total + current) or None


def _match_cjk(text: str) -> tuple[str, str | None] | None:
    m = _CJK_HEADING.match(text) or _KOREAN_HEADING.match(text)
    if not m:
        return None
    value = _cjk_number(m.group("num"))
    if value is None:
        return None
    title = _title(m.group("title"))
    if title and ("。" in title or "，" in title or len(title) > 30):
        return None  # "第一章写得最好，我很喜欢。" is a sentence about the first chapter
    kw = m.group("kw")
    label = (
        f"제{value}{kw}"
        if kw in "장화" and text.lstrip().startswith("제")
        else (f"{value}{kw}" if kw in "장화" else f"第{value}{kw}")
    )
    return label, title


_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_ROMAN = re.compile(r"(?i)^(?=[ivxlc])c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}

_KW = "|".join(sorted(map(re.escape, _NUMBERED), key=len, reverse=True))
_SP = "|".join(sorted(map(re.escape, _SPECIAL), key=len, reverse=True))
_WORDS = "|".join(sorted([*_NUMBER_WORDS, *_TENS], key=len, reverse=True))
_DECOR = r"[\s~*=\-#_+•·.:|\[\](){}<>«»\"“”'’]*"
_NUM = rf"(?:\d{{1,4}}|[ivxlc]{{1,7}}|(?:{_WORDS})(?:[-\s](?:{_WORDS}))?)"
_SEP = r"(?:\s*[:.,\-–—~|)\]>/]+\s*|\s+(?=[\"“'«(\w]))"
_NUMBERED_HEADING = re.compile(
    rf"(?ix)^{_DECOR}(?P<kw>{_KW})\.?\s*\#?\s*(?P<num>{_NUM}(?:\.\d{{1,2}})?)(?![\w'’])"
    rf"(?:\s*(?:/|of)\s*(?:\d{{1,4}}|\?)(?!\w))?(?:{_SEP}(?P<title>.*?))?{_DECOR}$"
)
_SPECIAL_HEADING = re.compile(
    rf"(?ix)^{_DECOR}(?P<kw>{_SP})(?![\w'’])(?:{_SEP}(?P<title>.*?))?{_DECOR}$"
)
# "1. The Beginning" as FanFiction.net and FanFicFare number their chapters.
_NUMBER_TITLE = re.compile(r"^(?P<num>\d{1,4})[.:)]\s+(?P<title>\S.{0,80})$")
_SENTENCES = re.compile(r"[.!?…]\s+[A-Z\"“]|[.!?…][\"”]?$")


def number_value(num: str) -> int | None:
    """The value of "12", "XII", "Twelve", "twenty-one", "Drei"."""
    n = num.lower().strip()
    if n.isdigit():
        return int(n)
    if n in _NUMBER_WORDS:
        return _NUMBER_WORDS[n]
    parts = re.split(r"[-\s]+", n)
    if len(parts) == 2 and parts[0] in _TENS and _NUMBER_WORDS.get(parts[1], 10) < 10:
        return _TENS[parts[0]] + _NUMBER_WORDS[parts[1]]
    if n in _TENS:
        return _TENS[n]
    if _ROMAN.match(n):
        total = 0
        for i, ch in enumerate(n):
            value = _ROMAN_VALUES[ch]
            nxt = _ROMAN_VALUES[n[i + 1]] if i + 1 < len(n) else 0
            total += -value if value < nxt else value
        return total or None
    return None


def _title(raw: str | None) -> str | None:
    title = (raw or "").strip(" \"“”'«»*_~=-–—#:|")
    if title.startswith("(") and title.count("(") > title.count(")"):
        title = title[1:]
    elif title.endswith(")") and title.count(")") > title.count("("):
        title = title[:-1]
    elif title.startswith("(") and title.endswith(")"):
        title = title[1:-1]
    elif title.count("(") > title.count(")"):
        title += ")"
    return title or None


def _plausible_title(title: str | None, line: str = "") -> bool:
    if not title:
        return True
    if title[0].islower() and line.rstrip().endswith((".", "!", "?", "…")):
        return False  # "Chapter 12 was the worst."
    words = title.split()
    if len(words) > 14 or title.endswith((",", ";")):
        return False
    # prose that happens to begin with "Part two of ...": a lower-case run-on or two sentences
    if title[0].islower() and (len(words) > 3 or title[-1] in ".!?…"):
        return False
    return len(_SENTENCES.findall(title)) <= 1 or len(words) <= 6


def match_chapter(text: str) -> tuple[str, str | None] | None:
    """(label, title) when the line is a chapter heading."""
    if len(text) > 120 or "\n" in text:
        return None
    cjk = _match_cjk(text)
    if cjk:
        return cjk
    m = _NUMBERED_HEADING.match(text)
    if m:
        num = m.group("num")
        value = num if re.fullmatch(r"\d+\.\d+", num) else number_value(num)
        if value is None:
            return None
        title = _title(m.group("title"))
        if not _plausible_title(title, text):
            return None
        return f"{_NUMBERED[m.group('kw').lower()]} {value}", title
    m = _SPECIAL_HEADING.match(text)
    if m:
        title = _title(m.group("title"))
        if not _plausible_title(title, text):
            return None
        return _SPECIAL[m.group("kw").lower()], title
    return None


_BARE_NUMBER = re.compile(rf"(?i)^{_DECOR}(?P<num>{_NUM}){_DECOR}$")


def bare_number(text: str) -> tuple[int, str | None] | None:
    """(number, title) of a line that is only a number, however decorated ("~ One ~", "- 2 -",
    "III.") or a number and a short title ("1. The Beginning"). Such lines are headings only
    when they count up through the document."""
    if len(text) > 80 or "\n" in text:
        return None
    m = _BARE_NUMBER.match(text)
    if m:
        value = number_value(m.group("num"))
        return (value, None) if value is not None else None
    m = _NUMBER_TITLE.match(text)
    if m:
        title = _title(m.group("title"))
        if title and len(title.split()) <= 10 and title[-1] not in ".!?,;" and title[0].isupper():
            return int(m.group("num")), title
    return None


def match_structural(text: str) -> tuple[str | None, str | None]:
    """(label, title) of a line the document's structure marks as a chapter heading (an HTML
    or Word heading, an EPUB chapter file): "Chapter 2: Rain", "2. Rain" or just "Rain"."""
    text = " ".join(text.split())
    found = match_chapter(text)
    if found:
        return found
    m = _NUMBER_TITLE.match(text)
    if m:
        return f"Chapter {int(m.group('num'))}", _title(m.group("title"))
    number = bare_number(text)
    if number and number[1] is None:
        return f"Chapter {number[0]}", None
    return None, _title(text)
