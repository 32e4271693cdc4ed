"""More demo works: short stories written for ficarchive's demo, across public-domain fandoms,
original work and three languages besides English, so that a guest of `make run` sees every
rating, warning and category, several pages of listings and real facets. Data only;
works/demo.py posts them. `work(...)` only fills in the fields a story leaves out."""

from __future__ import annotations

NO_WARNINGS = ["No Archive Warnings Apply"]
CHOSE_NOT = ["Creator Chose Not To Use Archive Warnings"]


def work(author: str, title: str, fandom: str, summary: str, *chapters: tuple[str, str],
         rating: str = "General Audiences", warnings: list[str] = NO_WARNINGS,
         categories: tuple[str, ...] = ("Gen",), **more) -> dict:  # fmt: skip
    return {
        "author": author, "title": title, "fandoms": [fandom], "summary": summary,
        "chapters": list(chapters), "rating": rating, "warnings": list(warnings),
        "categories": list(categories), **more,
    }  # fmt: skip


ACD = "Sherlock Holmes - Arthur Conan Doyle"
AUSTEN = "Pride and Prejudice - Jane Austen"
ALICE = "Alice's Adventures in Wonderland - Lewis Carroll"
ODYSSEY = "The Odyssey - Homer"
FRANKENSTEIN = "Frankenstein - Mary Shelley"
DRACULA = "Dracula - Bram Stoker"
LES_MIS = "Les Misérables - Victor Hugo"
OZ = "The Wonderful Wizard of Oz - L. Frank Baum"
PAN = "Peter Pan - J. M. Barrie"
QUIXOTE = "Don Quixote - Miguel de Cervantes"
GRIMM = "Kinder- und Hausmärchen - Brüder Grimm"
LITTLE_WOMEN = "Little Women - Louisa May Alcott"
MOBY = "Moby-Dick - Herman Melville"
ORIGINAL = "Original Work"

LIBRARY = [
    work(
        "harbourlight",
        "The Second Stain of Tea",
        ACD,
        "Mrs. Hudson solves a small domestic mystery before breakfast and tells no one.",
        (
            "",
            "There was a ring on the sideboard that had not been there at midnight. Mrs. "
            "Hudson noticed it as she noticed everything, with the corner of one eye while "
            "the rest of her counted the spoons.\n\nA ring of tea, not coffee, and tea "
            "taken without milk. The doctor took milk. Mr. Holmes took nothing at all when "
            "he was thinking, which was most of the time.\n\nShe wiped it away, and when "
            "the young lady with the veil called at ten she was not in the least surprised, "
            "and made a fresh pot without being asked.",
        ),
        characters=["Mrs. Hudson", "Sherlock Holmes"],
        freeforms=["Casefic", "Domestic"],
    ),
    work(
        "harbourlight",
        "What the River Kept",
        ACD,
        "Watson writes up the one case Holmes asked him never to publish.",
        (
            "The Request",
            "He asked me on a Tuesday, which is the only reason I remember the "
            "day at all: nothing of note ever happens on a Tuesday.\n\n“Not this "
            "one, Watson,” he said. “Write it down, by all means. But keep it."
            "”",
        ),
        (
            "The Thames at Night",
            "The boatman would not take our money. He said the river "
            "had been paid already, and pushed off into the dark.",
        ),
        rating="Teen And Up Audiences",
        warnings=["Graphic Depictions Of Violence"],
        relationships=["Sherlock Holmes & John Watson"],
        characters=["Sherlock Holmes", "John Watson"],
        freeforms=["Casefic", "Angst"],
        chapters_expected=3,
        series="Baker Street Weather",
    ),
    work(
        "inkandember",
        "A Walk to Oakham Mount",
        AUSTEN,
        "Elizabeth walks out before the house is awake and is not alone for long.",
        (
            "",
            "The frost had not yet lifted from the lane when Elizabeth reached the stile, "
            "and she stood a moment with her hands in her muff, pleased with herself and the "
            "whole silver world.\n\n“You keep early hours, Miss Bennet.”\n\n“I keep my own "
            "hours, Mr. Darcy. It is the only thing at Longbourn nobody else wants.”\n\nHe "
            "laughed, which she had not known he could do, and she decided on the spot to "
            "forgive him one thing. Only one. She had a list.",
        ),
        categories=("F/M",),
        relationships=["Elizabeth Bennet/Fitzwilliam Darcy"],
        characters=["Elizabeth Bennet", "Fitzwilliam Darcy"],
        freeforms=["Fluff", "Walks"],
    ),
    work(
        "inkandember",
        "Charlotte's Accounts",
        AUSTEN,
        "Charlotte Lucas keeps the household books at Hunsford, and one page for herself.",
        (
            "",
            "Candles, four shillings. Coals, eleven. A new bonnet for Lady Catherine's "
            "approval, which was not given.\n\nOn the last page, in pencil, Charlotte kept "
            "another account: days she had laughed, days she had not needed to. The second "
            "column grew longer every month, and she did not show it to anyone, least of all "
            "to Mr. Collins, who would have wanted to add it up.",
        ),
        characters=["Charlotte Lucas"],
        freeforms=["Character Study", "Marriage"],
        language="en",
    ),
    work(
        "ravenquill",
        "The Caterpillar's Question",
        ALICE,
        "Who are you? Alice tries to answer properly, for once.",
        (
            "",
            "“I was a girl this morning,” said Alice, “and a tall one after lunch, and "
            "quite a small one at tea. I think that is rather a lot of people to be in one "
            "day.”\n\nThe Caterpillar blew a ring of smoke that turned, slowly, into a "
            "question mark, and then into a keyhole, and then into nothing at all.",
        ),
        characters=["Alice", "Caterpillar"],
        freeforms=["Whimsy", "Identity"],
    ),
    work(
        "ravenquill",
        "Tea Without End",
        ALICE,
        "The Hatter and the March Hare have been at tea for three hundred years. Someone "
        "finally clears the table.",
        (
            "",
            "It was the Dormouse, in the end. It woke, looked at the crumbs, and said, “I "
            "think we have had enough,” and the clocks of Wonderland, every one, began "
            "again.\n\nThe Hatter wept. The March Hare ate the last tart. It was six o'clock "
            "and then, miraculously, a minute past.",
        ),
        rating="Not Rated",
        warnings=CHOSE_NOT,
        categories=("Other",),
        characters=["Mad Hatter", "March Hare", "Dormouse"],
        freeforms=["Time Loop", "Fluff"],
    ),
    work(
        "tidewriter",
        "The Loom at Night",
        ODYSSEY,
        "Penelope unpicks her weaving and counts the suitors by their footsteps.",
        (
            "",
            "Every night the same threads, every night the same hands. By now the loom "
            "knew her better than her husband did; it gave way under her fingers like an "
            "old friend letting her win.\n\nBelow, the suitors sang. She counted their "
            "voices the way a sailor counts rocks, and she unpicked another row.",
        ),
        rating="Teen And Up Audiences",
        characters=["Penelope"],
        freeforms=["Waiting", "Character Study"],
        series="Wine-Dark",
    ),
    work(
        "tidewriter",
        "Salt on the Threshold",
        ODYSSEY,
        "The beggar at the door is not a beggar. The old nurse knows it by his scar.",
        (
            "",
            "Eurycleia had washed a great many feet. She had not expected to find a "
            "boar's tusk written on one of them, twenty years after she had bandaged it.\n\n"
            "She did not scream. She dropped the basin, which the goddess may forgive, and "
            "then she put her hand over her own mouth and held it there.",
        ),
        rating="Mature",
        warnings=["Graphic Depictions Of Violence"],
        characters=["Odysseus", "Eurycleia"],
        freeforms=["Homecoming", "Recognition"],
        series="Wine-Dark",
    ),
    work(
        "tidewriter",
        "What the Sirens Wanted",
        ODYSSEY,
        "The song was never about the sailors.",
        (
            "",
            "We sang because no one had ever answered. Ship after ship, a thousand years "
            "of oars and wax. Then one man tied to a mast shouted back, and for the first "
            "time we stopped singing to listen.",
        ),
        rating="Teen And Up Audiences",
        categories=("Multi",),
        characters=["Odysseus", "Sirens"],
        freeforms=["POV Outsider", "Poetic"],
        series="Wine-Dark",
    ),
    work(
        "fernhollow",
        "The Creature Learns the Word for Snow",
        FRANKENSTEIN,
        "A winter in the hovel beside the De Lacey cottage, one word at a time.",
        (
            "",
            "Snow, the old man said to his daughter, and pointed, and I said it too, "
            "silently, with my mouth against the boards so they would not hear.\n\nSnow. "
            "Fire. Bread. Friend. I had four words by the new year and I kept them the way "
            "the cottagers kept their wood: carefully, for the cold that was coming.",
        ),
        rating="Teen And Up Audiences",
        characters=["The Creature", "De Lacey"],
        freeforms=["Language", "Loneliness"],
    ),
    work(
        "fernhollow",
        "The Arctic, Last Entry",
        FRANKENSTEIN,
        "Walton's last log entry before the ice lets go.",
        (
            "",
            "He is dead. I write it plainly because there is no other way to write it, "
            "and because the men are watching me write it.\n\nThe creature came in the "
            "night and stood over him, and wept, and was gone across the ice before I could "
            "decide what I felt. I think I felt pity. I think I will be ashamed of that "
            "later, and then, much later, not.",
        ),
        rating="Mature",
        warnings=["Major Character Death"],
        characters=["Robert Walton", "Victor Frankenstein", "The Creature"],
        freeforms=["Grief", "Epistolary"],
    ),
    work(
        "stormpetrel",
        "Seventeen Stakes",
        DRACULA,
        "Van Helsing's count of the night at the Westenra tomb, told without mercy.",
        (
            "",
            "The lid came away with a sound I will hear for the rest of my life. What lay "
            "beneath it was Lucy and was not Lucy, and Arthur made a noise like a dog struck "
            "by a cart.\n\nI have written elsewhere what was done. Here I will only say "
            "that there was a great deal of blood, that it was hers and not hers, and that "
            "the hammer was heavier at the end than at the beginning.",
        ),
        rating="Explicit",
        warnings=["Graphic Depictions Of Violence", "Major Character Death"],
        characters=["Abraham Van Helsing", "Lucy Westenra", "Arthur Holmwood"],
        freeforms=["Horror", "Gore", "Grief"],
    ),
    work(
        "stormpetrel",
        "Letters from Whitby",
        DRACULA,
        "Mina and Lucy write to each other all summer. The letters grow stranger.",
        (
            "June",
            "Dearest Lucy, the sea here is grey and the abbey is grey and I am so "
            "happy I could scream. Jonathan writes every week.",
        ),
        (
            "July",
            "Dearest Mina, I walk in my sleep again. Mother says it is the air. I "
            "think it is something else, something that wants me to go up to the "
            "churchyard, and I think I want to go.",
        ),
        ("August", "Lucy, you did not answer. I am coming."),
        rating="Teen And Up Audiences",
        categories=("F/F",),
        relationships=["Mina Murray/Lucy Westenra"],
        characters=["Mina Murray", "Lucy Westenra"],
        freeforms=["Epistolary", "Slow Burn"],
    ),
    work(
        "lanternmoth",
        "La barricade, à l'aube",
        LES_MIS,
        "Enjolras et Combeferre veillent la dernière nuit, avant que le jour se lève.",
        (
            "",
            "Combeferre avait compté les cartouches deux fois, puis une troisième, pour "
            "avoir quelque chose à faire de ses mains.\n\n« Il en restera assez, » dit "
            "Enjolras.\n\n« Pour quoi faire ? »\n\nEnjolras ne répondit pas. Au-dessus des "
            "toits, le ciel pâlissait, et quelqu'un, plus loin, chantait doucement.",
        ),
        rating="Mature",
        warnings=["Major Character Death"],
        categories=("M/M",),
        relationships=["Combeferre/Enjolras"],
        characters=["Enjolras", "Combeferre"],
        freeforms=["Barricade Day", "Angst"],
        language="fr",
    ),
    work(
        "lanternmoth",
        "The Candlesticks",
        LES_MIS,
        "The bishop's candlesticks, from the night they were given to the night they burned down.",
        (
            "",
            "They had lit the bishop's supper for forty years. They had lit the table of a "
            "thief, and then of a mayor, and then of a man who did not know what to call "
            "himself anymore.\n\nOn the last night they lit a bed, and a girl crying beside "
            "it, and a young man holding her hand, and the old man smiled at them both as "
            "if they were the whole of heaven.",
        ),
        rating="Teen And Up Audiences",
        warnings=["Major Character Death"],
        characters=["Jean Valjean", "Cosette", "Myriel"],
        freeforms=["Objects", "Redemption"],
    ),
    work(
        "lanternmoth",
        "Les Mis in Modern Paris",
        "Les Mis",
        "The Amis run a café near the Panthéon. The revolution is a rent strike.",
        (
            "",
            "Courfeyrac had printed two hundred flyers and spelled the landlord's name "
            "wrong on every one. “It's a statement,” he said. Grantaire framed one.",
        ),
        rating="General Audiences",
        categories=("Multi",),
        characters=["Enjolras", "Grantaire", "Courfeyrac"],
        freeforms=["Modern AU", "Coffee Shop AU", "hurt and comfort"],
    ),
    work(
        "wintergreen",
        "The Emerald Spectacles",
        OZ,
        "Everyone in the Emerald City wears green glasses. Dorothy takes hers off.",
        (
            "",
            "The city was white. Plain white stone, plain glass, a few tired flowers in "
            "window boxes. Dorothy put the spectacles back on, and it was green again, and "
            "she understood that this was worse.\n\n“Does everyone know?” she asked the "
            "gatekeeper. He looked at her very kindly and said nothing at all.",
        ),
        characters=["Dorothy Gale", "Guardian of the Gates"],
        freeforms=["Worldbuilding", "Fix-It"],
    ),
    work(
        "wintergreen",
        "Tin",
        OZ,
        "The Tin Woodman remembers the girl he meant to marry.",
        (
            "",
            "He does not have a heart, but he has a very good memory, and the memory is "
            "of a kitchen door, and a blue apron, and a laugh. He oils his joints before he "
            "thinks of it, so that he will not rust from the crying.\n\nHe thinks of it "
            "often.",
        ),
        rating="Teen And Up Audiences",
        categories=("F/M",),
        relationships=["Nick Chopper/Nimmie Amee"],
        characters=["Tin Woodman"],
        freeforms=["Angst", "hurt/comfort"],
    ),
    work(
        "saltmarsh",
        "Second Star",
        PAN,
        "Wendy grows up. Peter comes back for her daughter, and finds Wendy waiting at the window.",
        (
            "",
            "“You're old,” Peter said, and it was not cruel, only surprised.\n\n“I am,” "
            "said Wendy. She had kept the thimble. She showed it to him, and he did not "
            "remember what it was, and that was the moment she finally understood how far "
            "away Neverland is.",
        ),
        rating="Teen And Up Audiences",
        characters=["Wendy Darling", "Peter Pan"],
        freeforms=["Growing Up", "Bittersweet"],
    ),
    work(
        "saltmarsh",
        "The Lost Boys' Census",
        PAN,
        "Tootles tries to count how many Lost Boys there have ever been.",
        (
            "",
            "He used notches on the tree, and then pebbles, and then the stars, and the "
            "stars were not enough.\n\nPeter said not to bother. Tootles kept counting "
            "anyway, quietly, because someone ought to.",
        ),
        categories=("Gen",),
        characters=["Tootles", "Peter Pan"],
        freeforms=["Found Family"],
        chapters_expected=None,
    ),
    work(
        "saltmarsh",
        "Molinos",
        QUIXOTE,
        "Sancho cuenta los molinos que su señor tomó por gigantes, y se pregunta quién "
        "tenía razón.",
        (
            "",
            "Eran treinta, o cuarenta, y giraban despacio bajo el viento de la mañana. Don "
            "Quijote los miró y vio gigantes. Sancho los miró y vio molinos.\n\nAños "
            "después, ya viejo, Sancho no estaba seguro de cuál de los dos había visto "
            "mejor.",
        ),
        rating="General Audiences",
        relationships=["Don Quijote & Sancho Panza"],
        characters=["Don Quijote", "Sancho Panza"],
        freeforms=["Friendship"],
        language="es",
    ),
    work(
        "fernhollow",
        "Der Brunnen",
        GRIMM,
        "Die Königstochter holt ihre goldene Kugel selbst aus dem Brunnen.",
        (
            "",
            "Der Frosch wartete, aber die Königstochter zog die Schuhe aus, band ihr "
            "Kleid hoch und stieg hinunter. Das Wasser war kalt und klar, und am Grund lag "
            "die Kugel und glänzte.\n\n„Du hättest fragen können“, sagte der Frosch "
            "gekränkt.\n\n„Ich weiß“, sagte sie, und lachte.",
        ),
        rating="General Audiences",
        characters=["Königstochter", "Froschkönig"],
        freeforms=["Fairy Tale Retelling", "Fluff"],
        language="de",
    ),
    work(
        "inkandember",
        "Jo's Attic",
        LITTLE_WOMEN,
        "Jo writes in the attic while the rain comes in through the roof.",
        (
            "",
            "A bucket for the leak, an apple for the story, and Scrabble the rat for "
            "company. Jo wrote until her fingers were black, and then she wrote a little "
            "more, because the heroine was about to do something dreadful and somebody had "
            "to be there.",
        ),
        characters=["Jo March"],
        freeforms=["Writing", "Fluff"],
    ),
    work(
        "inkandember",
        "Amy and Laurie in Rome",
        LITTLE_WOMEN,
        "Rome, a sketchbook, and two people who have decided not to be in love.",
        ("", "Amy drew the Colosseum four times and Laurie once, and tore up the Laurie."),
        categories=("F/M",),
        relationships=['Amy March/Theodore "Laurie" Laurence'],
        characters=["Amy March", 'Theodore "Laurie" Laurence'],
        freeforms=["Slow Burn", "Travel"],
        chapters_expected=4,
    ),
    work(
        "stormpetrel",
        "Ishmael Below Decks",
        MOBY,
        "Ishmael and Queequeg share a bed at the Spouter-Inn and, later, everything else.",
        (
            "",
            "The harpooneer snored like a bellows. Ishmael lay awake, furious, and then "
            "amused, and then, somewhere around three in the morning, fond.\n\nBy the time "
            "they shipped on the Pequod he could not have said when it had happened, only "
            "that the sea was a great deal less lonely with two.",
        ),
        rating="Mature",
        categories=("M/M",),
        relationships=["Ishmael/Queequeg"],
        characters=["Ishmael", "Queequeg"],
        freeforms=["Friends to Lovers", "Ships"],
    ),
    work(
        "stormpetrel",
        "The Doubloon",
        MOBY,
        "Every sailor who looks at Ahab's gold coin sees something different.",
        (
            "",
            "Starbuck saw a warning. Stubb saw a joke. Flask saw sixteen dollars. Pip, "
            "the cabin boy, looked the longest and said nothing, and later the others "
            "wished they had asked him.",
        ),
        rating="Not Rated",
        warnings=CHOSE_NOT,
        characters=["Ahab", "Starbuck", "Pip"],
        freeforms=["Ensemble", "Symbolism"],
    ),
    work(
        "ravenquill",
        "The Cartographer's Daughter",
        ORIGINAL,
        "Nell inherits her mother's maps, and one of them is of a country that does not exist.",
        (
            "The Inheritance",
            "The maps came in a tin trunk with a broken lock. Nell spread "
            "them on the kitchen floor and found, under the coastlines "
            "she knew, a coastline she did not.",
        ),
        (
            "The Island",
            "It was there on the ferry's chart, faint, as if someone had "
            "drawn it in pencil and then thought better of it.",
        ),
        ("The Harbour", "The harbourmaster knew her mother's name."),
        rating="General Audiences",
        characters=["Nell", "The Harbourmaster"],
        freeforms=["Maps", "Mystery", "Slow Burn"],
        chapters_expected=5,
    ),
    work(
        "ravenquill",
        "Night Shift at the Museum of Small Things",
        ORIGINAL,
        "A guard, a thimble collection and a ghost who keeps rearranging the thimbles.",
        (
            "",
            "Every night at two, the thimbles moved. Not much: one to the left, one to "
            "the right, a little order put into a century of dust.\n\nDev started leaving "
            "notes. The ghost started leaving answers.",
        ),
        categories=("Other",),
        characters=["Dev", "The Ghost"],
        freeforms=["Ghosts", "Fluff", "fluffy"],
    ),
    work(
        "harbourlight",
        "Two Keepers, One Lamp",
        ORIGINAL,
        "Ines and Odile keep the lighthouse on the Tarn Rock, and each other.",
        (
            "The Lamp",
            "Ines lit the lamp at dusk, as she had every night for six years, "
            "and Odile came up the stairs with two cups and did not say anything, "
            "which was how they said most things.",
        ),
        (
            "The Storm",
            "The storm came on the ninth night. By morning there was a boat on "
            "the rocks, and a man in it, alive.",
        ),
        rating="Teen And Up Audiences",
        categories=("F/F",),
        relationships=["Ines/Odile"],
        characters=["Ines", "Odile"],
        freeforms=["Lighthouses", "Slow Burn"],
        co_authors=["tidewriter"],
    ),
    work(
        "harbourlight",
        "The Testimony",
        ORIGINAL,
        "Months after what was done to her, Marta tells a courtroom, and then tells her sister.",
        (
            "",
            "She had practised the words in the car, in the shower, in the dark. In the "
            "end she said them to a wall clock above the judge's head, because it was the "
            "only thing in the room that did not look at her.\n\nAfterwards her sister "
            "drove her to the sea. They did not talk about it. They ate chips on the wall "
            "and Marta found, to her surprise, that she was hungry.",
        ),
        rating="Mature",
        warnings=["Rape/Non-Con"],
        characters=["Marta", "Ana"],
        freeforms=["Aftermath", "Recovery", "Sisters", "Hurt/Comfort"],
        restricted=True,
    ),
    work(
        "tidewriter",
        "Tide Tables",
        ORIGINAL,
        "A marine biologist and a lighthouse keeper argue about the moon.",
        (
            "",
            "“It's gravity,” said Sol. “It's poetry,” said Rafe, and the tide, which "
            "did not care either way, came in.",
        ),
        categories=("M/M",),
        relationships=["Rafe/Sol"],
        characters=["Rafe", "Sol"],
        freeforms=["Enemies to Lovers", "Fluff"],
    ),
    work(
        "wintergreen",
        "The Orchard in Winter",
        ORIGINAL,
        "Three generations prune the same apple trees.",
        (
            "",
            "Her grandmother cut for fruit. Her mother cut for shape. Ruth cut the way "
            "the tree seemed to want, and the first spring after, it flowered so hard the "
            "whole valley came to look.",
        ),
        categories=("Gen",),
        characters=["Ruth"],
        freeforms=["Family", "Seasons"],
        language="en",
    ),
    work(
        "wintergreen",
        "Polyphony",
        ORIGINAL,
        "Four musicians, one flat above a bakery, and the long argument of a string quartet.",
        (
            "Allegro",
            "Mira wanted it faster. Jonah wanted it right. Tess wanted breakfast, "
            "and Kwame wanted all three of them to stop talking.",
        ),
        (
            "Adagio",
            "They played it slow, in the end, at three in the morning, and the "
            "baker downstairs turned off his radio to listen.",
        ),
        rating="Teen And Up Audiences",
        categories=("Multi",),
        relationships=["Jonah/Kwame/Mira/Tess"],
        characters=["Mira", "Jonah", "Tess", "Kwame"],
        freeforms=["Music", "Polyamory", "Found Family"],
        chapters_expected=None,
    ),
    work(
        "fernhollow",
        "Mossback",
        ORIGINAL,
        "A very old tortoise tells a very young fox about the last time the river moved.",
        (
            "",
            "“It went that way,” said the tortoise, pointing west with his whole head. "
            "“And then, when I was a little younger than I am now, it went this way.” The "
            "fox waited for the rest. The tortoise had finished.",
        ),
        categories=("Other",),
        characters=["Mossback", "Fox"],
        freeforms=["Animals", "Fable"],
    ),
    work(
        "lanternmoth",
        "Le phare de l'île Vierge",
        ORIGINAL,
        "Une gardienne de phare reçoit chaque semaine une lettre sans signature.",
        (
            "",
            "La première lettre disait seulement : « Je vois votre lumière depuis ma "
            "fenêtre. » La deuxième : « Merci. » La troisième était un dessin du phare, "
            "maladroit, avec une petite fenêtre allumée tout en haut.",
        ),
        categories=("F/F",),
        characters=["Yvonne"],
        freeforms=["Epistolary", "Lighthouses"],
        language="fr",
    ),
    work(
        "saltmarsh",
        "Field Notes from a Flooded Town",
        ORIGINAL,
        "The water came up slowly, and then all at once. A town's last week, by the people "
        "who stayed.",
        (
            "",
            "Monday, the church bells. Tuesday, the school. By Friday there were only "
            "the rooftops, and eleven people on them, and a dog who refused to be rescued "
            "without his ball.",
        ),
        rating="Teen And Up Audiences",
        warnings=["Major Character Death"],
        characters=["The Town"],
        freeforms=["Climate Fiction", "Ensemble", "Angst"],
        restricted=True,
    ),
    work(
        "saltmarsh",
        "Las cartas de la abuela",
        ORIGINAL,
        "Lucía encuentra las cartas de amor de su abuela, escritas a otra mujer.",
        (
            "",
            "Estaban atadas con una cinta azul, en una caja de galletas, debajo de los "
            "manteles buenos. Lucía leyó la primera de pie, la segunda sentada, y la "
            "tercera llorando.",
        ),
        categories=("F/F",),
        characters=["Lucía", "Abuela Carmen"],
        freeforms=["Family Secrets", "Letters"],
        language="es",
    ),
    work(
        "harbourlight",
        "Holmes and Watson Take a Holiday",
        ACD,
        "Brighton, a deckchair, and no crime whatsoever. Holmes is suffering.",
        ("", "“Not a single murder,” Holmes said, with real grief, to the sea."),
        categories=("M/M",),
        relationships=["Holmes/Watson"],
        characters=["Sherlock Holmes", "John Watson"],
        freeforms=["Holiday", "fluffy", "Fluff"],
        series="Baker Street Weather",
    ),
]
