"""The narrative tense of a prose paragraph: finite verbs outside dialogue, counted."""

from __future__ import annotations

import re

_QUOTED = re.compile(r'"[^"]*"|“[^”]*”|“[^“”]*$|"[^"]*$')
_TOKEN = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?|[.!?;:]")

_PAST_AUX = frozenset("was were had did wasn't weren't hadn't didn't couldn't".split())
_PRESENT_AUX = frozenset(
    "is are am has does isn't aren't hasn't doesn't can can't don't won't".split()
)
_PRESENT_CONTRACTIONS = frozenset("he's she's it's there's that's what's who's here's".split())
_SUBJECTS = frozenset("he she it who they we you i".split())
_PLURAL_SUBJECTS = frozenset("they we you i".split())
_ADVERBS = frozenset(
    "still just never always also only then slowly finally suddenly quickly almost barely "
    "simply quietly softly even really already nearly absently merely silently instead "
    "immediately abruptly gently".split()
)
_NOT_VERBS_S = frozenset(
    "is was has does his this its us yes always perhaps sometimes as thus plus less "
    "unless across towards afterwards upwards downwards backwards forwards besides "
    "whereas was nevertheless".split()
)
_PERFECT = frozenset(
    "has have had is are was were be been being get got gets it's he's she's".split()
)
_IRREGULAR_PAST = frozenset(
    """ran sped came went saw took made knew thought felt found gave told got left began
    stood sat said spoke broke brought bought caught fought taught held kept slept swept wept
    meant sent spent built lent bent lost won shot stuck struck hung swung rang sang sank drank
    swam wrote rode drove rose froze chose woke wore tore bore swore threw grew drew flew blew
    knew forgot forgave hid bit lit fed led fled bled met paid laid heard sought understood
    became overcame ate fell shook stole slid spun dug clung flung stung lay tried cried died
    replied whispered""".split()
)
_NOT_NAMES = frozenset(
    """the a an then but and so when as if his her their its in on at with without after
    before there this that what why how where who yes no not oh or for from to of by it he
    she they we you i my our your one all some every each now later still just only even""".split()
)
_IRREGULAR_PRESENT = frozenset(
    "goes says sees knows takes makes comes gives feels thinks tells gets leaves begins".split()
)


def _outside_dialogue(text: str) -> str:
    return _QUOTED.sub(" ", text)


def tense_of(text: str) -> str | None:
    """'present', 'past' or None when the paragraph gives too little to tell."""
    raw = _TOKEN.findall(_outside_dialogue(text))
    past = present = 0.0
    prev = "."
    prev2 = "."
    name_before = False
    for word in raw:
        tok = word.lower().replace("’", "'")
        if tok in _PAST_AUX:
            past += 1
        elif tok in _PRESENT_AUX or tok in _PRESENT_CONTRACTIONS:
            present += 1
        elif tok in _IRREGULAR_PAST:
            past += 1 if (prev in _SUBJECTS or prev2 in _SUBJECTS) else 0.5
        elif tok in _IRREGULAR_PRESENT:
            present += 1
        else:
            subject = prev in _SUBJECTS or name_before or (prev in _ADVERBS and prev2 in _SUBJECTS)
            if subject:
                if tok.endswith("ed") and len(tok) > 3:
                    past += 1
                elif (
                    tok.endswith("s")
                    and not tok.endswith(("ss", "'s", "us"))
                    and len(tok) > 2
                    and tok not in _NOT_VERBS_S
                    and (prev not in _PLURAL_SUBJECTS and prev2 not in _PLURAL_SUBJECTS)
                ):
                    present += 1
            elif tok.endswith("ed") and len(tok) > 4 and prev not in _PERFECT:
                past += 0.3
        name_before = word[0].isupper() and len(word) > 1 and tok not in _NOT_NAMES
        prev2, prev = prev, tok
    if past == 0 and present == 0:
        return None
    if past > present:
        return "past"
    if present > past:
        return "present"
    return None
