"""Fics written for these tests (the project's own words)."""

HEADER_FIC = """Title: The Lantern Keeper
Author: inkwell
Rating: T
Pairing: Harry/Draco
Fandom: Harry Potter
Disclaimer: I don't own Harry Potter, I only borrow the castle at night.

A/N: My first fic for this fandom, so be gentle. Thanks to my beta for the commas!

Chapter 1: Lights Out

The lanterns along the corridor went out one by one, and Harry counted them as they went.

Draco was waiting at the top of the stairs with a candle he had no business carrying.

"You're late," he said, and Harry said nothing at all, because that was the kind of night it was.

Chapter 2: Morning

By morning the lanterns had been lit again, as if nothing had happened in the dark.

Harry sat at breakfast and did not look at the Slytherin table, and failed.

A/N: Thanks for reading! Reviews make my day.
"""
