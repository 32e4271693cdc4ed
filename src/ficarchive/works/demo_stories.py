"""The demo works: short stories written for ficarchive's demo content, in public-domain
fandoms and one original world. Data only; works/demo.py posts them."""

FOG_LEDGER = {
    "author": "quillfeather",
    "title": "The Fog Ledger",
    "rating": "Teen And Up Audiences",
    "warnings": ["No Archive Warnings Apply"],
    "categories": ["Gen"],
    "fandoms": ["Sherlock Holmes - Arthur Conan Doyle"],
    "relationships": ["Sherlock Holmes & John Watson"],
    "characters": ["Sherlock Holmes", "John Watson", "Mrs. Hudson"],
    "freeforms": ["Casefic", "Fog", "Friendship"],
    "summary": "A ledger arrives at Baker Street with every page blank but one. Holmes calls it "
    "the dullest puzzle in London, and then does not sleep for three nights.",
    "notes": "My first try at a case of my own. Every clue is fair, I promise.",
    "chapters_expected": 4,
    "series": "Baker Street Weather",
    "chapters": [
        (
            "The Blank Pages",
            "The parcel came up with the breakfast tray, and Mrs. Hudson set it down as if it "
            "might bite.\n\n“No name,” she said. “No stamp either. A boy left it on the step and "
            "ran.”\n\nHolmes turned the ledger over twice without opening it. Then he opened it, "
            "and turned every page, and I watched the interest go out of his face page by page "
            "until he reached the last one, where a single line of figures had been written in "
            "a careful clerk's hand.\n\n“Watson,” he said, “what does a man write when he wants "
            "to be found, but not yet?”",
        ),
        (
            "Figures in the Margin",
            "The figures were not sums. Holmes established that before noon, and by two he had "
            "established that they were not dates either, which seemed to please him more.\n\n"
            "I went out for tobacco and came back to find the sitting-room floor papered with "
            "tide tables.\n\n“The river,” he said, without looking up. “Everything in this city "
            "that wants to hide eventually goes to the river.”",
        ),
        (
            "Low Water at Wapping",
            "We stood on the stairs at Wapping at a quarter to five in the morning, and the fog "
            "was so thick that the lamps seemed to hang in it by themselves.\n\n“There,” Holmes "
            "said softly. A boat, its oars muffled with rags, was feeling its way towards the "
            "steps.\n\nI have been asked since whether I was afraid. I was cold, and I was "
            "curious, and I was glad of the revolver in my pocket; I do not think there was "
            "room left for fear.",
        ),
    ],
}

THAW = {
    "author": "quillfeather",
    "title": "A Thaw in Baker Street",
    "rating": "General Audiences",
    "warnings": ["No Archive Warnings Apply"],
    "categories": ["Gen"],
    "fandoms": ["Sherlock Holmes - Arthur Conan Doyle"],
    "relationships": ["Sherlock Holmes & John Watson"],
    "characters": ["Sherlock Holmes", "John Watson"],
    "freeforms": ["Domestic", "Winter", "Short and Sweet"],
    "summary": "The first warm morning after a long frost, and nobody has been murdered.",
    "series": "Baker Street Weather",
    "chapters": [
        (
            "",
            "The icicles along the gutter let go one after another that morning, like a slow "
            "applause.\n\nHolmes played the violin for an hour, badly on purpose, to see whether "
            "I would complain. I did not. I read the paper and found nothing in it worth his "
            "attention, and said so, and he put down the bow and laughed.\n\n“Then we shall "
            "walk,” he said, “like ordinary men,” and we did, as far as the park and back, and "
            "he did not deduce a single stranger the whole way. I believe it cost him a great "
            "deal.",
        ),
    ],
}

LETTERS = {
    "author": "moonlitmoth",
    "title": "Letters Never Sent",
    "rating": "Teen And Up Audiences",
    "warnings": ["No Archive Warnings Apply"],
    "categories": ["F/M"],
    "fandoms": ["Pride and Prejudice - Jane Austen"],
    "relationships": ["Elizabeth Bennet/Fitzwilliam Darcy"],
    "characters": ["Elizabeth Bennet", "Fitzwilliam Darcy", "Jane Bennet"],
    "freeforms": ["Epistolary", "Pining", "Missing Scene"],
    "summary": "Between Hunsford and Pemberley, Elizabeth writes a great many letters. She "
    "posts none of them.",
    "notes": "Only for signed-in readers while I polish it.",
    "restricted": True,
    "chapters": [
        (
            "",
            "Sir,\n\nYou will not read this, which is the only reason I can write it.\n\n"
            "I have been unjust to you in one matter and, I still maintain, just in another; "
            "and I find that the first weighs on me more than the second comforts me. Jane says "
            "this is what it is to grow wiser. I tell her it feels a great deal more like "
            "indigestion.\n\nThe hedgerows are white with may. I walked out to see them this "
            "morning and caught myself composing a description for someone who has no interest "
            "in hedgerows.\n\nI shall burn this with the others.\n\nE. B.",
        ),
    ],
}

CLOCKMAKER = {
    "author": "paperlantern",
    "title": "The Clockmaker's Tea",
    "rating": "General Audiences",
    "warnings": ["No Archive Warnings Apply"],
    "categories": ["Gen"],
    "fandoms": ["Alice's Adventures in Wonderland - Lewis Carroll"],
    "characters": ["Alice", "Hatter", "March Hare", "Dormouse"],
    "freeforms": ["Time Shenanigans", "Tea Parties"],
    "summary": "Alice returns to the tea party and finds that someone has finally mended Time.",
    "draft": True,
    "chapters": [
        (
            "",
            "The table was exactly as long as before, and the cups exactly as dirty, but "
            "something had changed, and it took Alice a full minute to hear what it was: a "
            "ticking.\n\n“We have been forgiven,” the Hatter announced, “and it is a quarter "
            "past four, and I have never been so bored in my life.”\n\nThe Dormouse, for once, "
            "was wide awake, and staring at his pocket-watch as if it had insulted him.",
        ),
    ],
}

MARSH = {
    "author": "moonlitmoth",
    "co_authors": ["paperlantern"],
    "title": "Lanterns Over the Marsh",
    "rating": "Mature",
    "warnings": ["Graphic Depictions Of Violence"],
    "categories": ["F/F"],
    "fandoms": ["Original Work"],
    "relationships": ["Wren/Ottilie Marsh"],
    "characters": ["Wren", "Ottilie Marsh", "The Ferryman"],
    "freeforms": ["Ghosts", "Fens", "Enemies to Lovers", "Folklore"],
    "summary": "Wren guides travellers across the fen by lantern-light. Ottilie wants to cross "
    "it at night, alone, and will not say why.",
    "notes": "Written together over one long winter of letters.",
    "end_notes": "Thank you for walking the fen with us.",
    "chapters_expected": 2,
    "chapters": [
        (
            "The Crossing",
            "Nobody crossed the fen after dark. Wren had said so to the woman three times, and "
            "the woman had paid her three times as much.\n\nThey set out at dusk. The reeds "
            "closed behind them like a door.\n\nHalfway over, a second light rose out of the "
            "water to the left of the path, green and patient, and Ottilie Marsh drew a knife "
            "that Wren had not known she carried.",
        ),
        (
            "What the Water Keeps",
            "The thing in the water had worn a face once. Wren did not look at it for long.\n\n"
            "Afterwards, on the far bank, with the knife cleaned and put away and the sky going "
            "grey, Ottilie told her the whole of it: a sister, a promise, a debt owed to the "
            "fen.\n\n“You could have told me at the start,” Wren said.\n\n“You would not have "
            "taken me.”\n\n“No,” Wren agreed, and was surprised to find she was holding the "
            "other woman's hand.",
        ),
    ],
}

DEMO_WORKS = [FOG_LEDGER, THAW, LETTERS, CLOCKMAKER, MARSH]
