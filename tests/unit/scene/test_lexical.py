"""The lexical tables: categories as a person expects, places, plurals, words, laziness, rebuild."""

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from domain.scene import lexical
from domain.scene.lexical import CATEGORIES, is_english_word, noun_sense, singular

ROOT = Path(__file__).resolve().parents[3]
TABLE_DIR = ROOT / "domain" / "scene" / "lexical"
BUILD_SCRIPT = ROOT / "scripts" / "build_lexicon.py"
SOURCES = (
    Path("/usr/share/wordnet/data.noun"),
    Path("/usr/share/dict/american-english-large"),
    Path("/usr/share/dict/british-english-large"),
)
GENERATED = ("_nouns_data.py", "_words_data.py", "LICENSE-WordNet.txt", "LICENSE-SCOWL.txt")

# word -> (category, a lemma that must be among the ancestors or None). What a person expects;
# docs/scene-generator.md lists the nouns where WordNet's first concrete sense is another.
SPOT_CHECKS: dict[str, tuple[str, str | None]] = {
    "pirate": ("person", None),
    "teacher": ("person", "educator"),
    "knight": ("person", None),
    "king": ("person", "sovereign"),
    "soldier": ("person", None),
    "elf": ("person", "fairy"),  # WordNet: a spiritual being (cognition); drawn
    "cannon": ("device", "weaponry"),
    "telescope": ("device", "scientific instrument"),
    "computer": ("device", "machine"),
    "lamp": ("device", "source of illumination"),
    "sword": ("device", "weapon"),
    "piano": ("device", "musical instrument"),
    "oven": ("device", "appliance"),
    "chandelier": ("device", None),
    "mast": ("item", "pole"),  # a spar: an implement
    "haystack": ("item", "pile"),  # WordNet: a collection; drawn
    "scarecrow": ("item", "effigy"),
    "gargoyle": ("item", None),  # a carved spout
    "book": ("item", None),
    "coin": ("item", "currency"),  # WordNet: money (abstract); drawn
    "apple": ("item", "edible fruit"),  # food before the plant's fruit
    "hat": ("item", "clothing"),
    "campfire": ("item", "fire"),  # WordNet: an event; drawn
    "skeleton": ("item", None),
    "skull": ("item", "bone"),
    "tractor": ("vehicle", "wheeled vehicle"),
    "rowboat": ("vehicle", "boat"),
    "train": ("vehicle", "public transport"),
    "cart": ("vehicle", "wagon"),
    "car": ("vehicle", "motor vehicle"),
    "ship": ("vehicle", "vessel"),
    "airplane": ("vehicle", "aircraft"),
    "spaceship": ("vehicle", "spacecraft"),
    "sled": ("vehicle", None),
    "hammock": ("furniture", "bed"),
    "sofa": ("furniture", "seat"),
    "bed": ("furniture", None),
    "wardrobe": ("furniture", None),
    "rug": ("furniture", None),
    "throne": ("furniture", "chair"),
    "bookshelf": ("furniture", "shelf"),
    "cauldron": ("container", "pot"),
    "crate": ("container", "box"),
    "barrel": ("container", "vessel"),
    "bin": ("container", None),
    "sack": ("container", "bag"),
    "bottle": ("container", None),
    "chest": ("container", "box"),  # the box, not the thorax
    "coffin": ("container", None),
    "moat": ("water", "ditch"),
    "lake": ("water", "body of water"),
    "river": ("water", "stream"),
    "pond": ("water", "lake"),
    "waterfall": ("water", None),
    "pool": ("water", None),
    "crater": ("landform", "geological formation"),
    "hill": ("landform", "natural elevation"),
    "mountain": ("landform", None),
    "valley": ("landform", None),
    "cave": ("landform", None),
    "island": ("landform", None),
    "beach": ("landform", None),
    "ticket booth": ("structure", None),
    "booth": ("structure", None),
    "dome": ("structure", None),
    "tower": ("structure", None),
    "monument": ("structure", None),
    "fence": ("structure", "barrier"),
    "gate": ("structure", None),
    "bridge": ("structure", None),
    "well": ("structure", "excavation"),
    "platform": ("structure", None),
    "tent": ("structure", "shelter"),
    "road": ("structure", None),
    "stairs": ("structure", "stairway"),
    "pyramid": ("structure", None),
    "house": ("building", "dwelling"),
    "shop": ("building", None),
    "hospital": ("building", None),
    "church": ("building", "place of worship"),
    "barn": ("building", None),
    "castle": ("building", None),
    "tavern": ("building", None),
    "crab": ("animal", "crustacean"),
    "wolf": ("animal", "canine"),
    "owl": ("animal", "bird"),
    "chicken": ("animal", "bird"),  # the bird, not its meat (sense 1)
    "horse": ("animal", None),
    "dragon": ("animal", "mythical monster"),
    "oak": ("plant", "tree"),
    "tree": ("plant", None),
    "rose": ("plant", "shrub"),
    "cactus": ("plant", None),
    "wheat": ("plant", None),
    "mushroom": ("plant", "fungus"),
    "boulder": ("rock", "rock"),
    "pebble": ("rock", None),
    "stone": ("rock", None),
    "field": ("area", "tract"),
    "yard": ("area", None),
    "garden": ("area", None),
    "square": ("area", None),  # the public square
    "lot": ("area", None),
    "court": ("area", None),
    "forest": ("area", None),
    "swamp": ("area", "wetland"),
}

PLACES = (
    "laboratory kitchen classroom bedroom bathroom library ballroom office hospital museum "
    "station airport barracks prison school university factory warehouse bakery smithy bank "
    "tavern inn church temple chapel cathedral monastery castle fortress dungeon crypt "
    "catacombs cellar attic basement garage workshop restaurant hotel shop market "
    "marketplace supermarket zoo greenhouse theater stadium playground park harbor "
    "graveyard cemetery quarry orchard campsite farm vineyard garden courtyard plaza street "
    "village town city forest jungle desert swamp marsh island beach mountain valley cave "
    "canyon meadow field"
).split()
NOT_PLACES = [
    *"tower fence bridge chair boat tree rock lake river pirate sword booth well cannon".split(),
    *"barrel crab dome lighthouse tent statue".split(),
    "ticket booth",
]


def test_the_categories_are_the_agreed_fourteen() -> None:
    assert CATEGORIES == (
        "building", "structure", "furniture", "container", "vehicle", "person", "animal",
        "plant", "rock", "water", "landform", "area", "device", "item",
    )  # fmt: skip


@pytest.mark.parametrize("word", SPOT_CHECKS)
def test_spot_check_gets_the_category_a_person_expects(word: str) -> None:
    category, ancestor = SPOT_CHECKS[word]
    sense = noun_sense(word)
    assert sense is not None, word
    assert (sense.lemma, sense.category) == (word, category), sense
    if ancestor is not None:
        assert ancestor in sense.ancestors, sense


def test_the_spot_checks_cover_every_category_and_sixty_nouns() -> None:
    assert len(SPOT_CHECKS) >= 60
    assert {category for category, _ in SPOT_CHECKS.values()} == set(CATEGORIES)


def test_ancestors_are_nearest_first_and_stop_before_the_generic_ones() -> None:
    rowboat = noun_sense("rowboat")
    assert rowboat is not None
    assert rowboat.ancestors[:5] == ("small boat", "boat", "vessel", "craft", "vehicle")
    oak = noun_sense("oak")
    assert oak is not None and oak.ancestors[0] == "tree"
    for word in SPOT_CHECKS:
        sense = noun_sense(word)
        assert sense is not None
        assert len(sense.ancestors) <= lexical.MAX_ANCESTORS
        assert not {"entity", "physical entity", "object", "whole", "artifact"} & set(
            sense.ancestors
        )


@pytest.mark.parametrize("word", PLACES)
def test_a_place_noun_is_a_place(word: str) -> None:
    sense = noun_sense(word)
    assert sense is not None and sense.place, (word, sense)


@pytest.mark.parametrize("word", NOT_PLACES)
def test_a_thing_in_a_scene_is_not_a_place(word: str) -> None:
    sense = noun_sense(word)
    assert sense is not None and not sense.place, (word, sense)


def test_sixty_places_are_recognised() -> None:
    assert len(PLACES) >= 60


@pytest.mark.parametrize(
    ("plural", "lemma"),
    [
        ("mice", "mouse"),
        ("wolves", "wolf"),
        ("cacti", "cactus"),
        ("ticket booths", "ticket booth"),
        ("taverns", "tavern"),
        ("domes", "dome"),
        ("children", "child"),
        ("people", "person"),  # not in noun.exc: WordNet has "people" as a group
        ("bones", "bone"),  # WordNet's own "bones" is a rare percussion instrument
        ("field mice", "field mouse"),
    ],
)
def test_a_plural_reads_as_its_singular(plural: str, lemma: str) -> None:
    sense = noun_sense(plural)
    assert sense is not None and sense.lemma == lemma


def test_a_plural_noun_of_its_own_keeps_its_sense() -> None:
    woods = noun_sense("woods")
    stairs = noun_sense("stairs")
    assert woods is not None and (woods.lemma, woods.category) == ("woods", "area")
    assert stairs is not None and stairs.lemma == "stairs"


@pytest.mark.parametrize(
    ("plural", "expected"),
    [
        ("wolves", "wolf"),
        ("mice", "mouse"),
        ("cacti", "cactus"),
        ("geese", "goose"),
        ("oxen", "ox"),
        ("knives", "knife"),
        ("churches", "church"),
        ("boxes", "box"),
        ("parties", "party"),
        ("ideas", "idea"),  # an abstract noun is still a noun
        ("ticket booths", "ticket booth"),
        ("train", None),  # singular already
        ("sheep", None),  # its plural is itself
        ("is", None),
        ("this", None),
        ("its", None),
        ("yes", None),
        ("news", None),
        ("bus", None),
        ("zorblaxes", None),
    ],
)
def test_singular_of_a_plural_noun_and_none_otherwise(plural: str, expected: str | None) -> None:
    assert singular(plural) == expected


@pytest.mark.parametrize(
    "word", ["idea", "happiness", "gold", "quickly", "zorblax", "the", "tavrn", ""]
)
def test_no_sense_for_what_is_not_a_concrete_noun(word: str) -> None:
    assert noun_sense(word) is None


def test_input_is_normalised_case_and_spaces() -> None:
    assert noun_sense("  Ticket   Booths ") == noun_sense("ticket booth")


@pytest.mark.parametrize(
    "word",
    [
        "train", "booth", "domes", "trains", "taverns", "a", "i", "ran", "running", "biggest",
        "colour", "color", "theatre", "geese", "wolf's", "wolves'", "don't", "o'clock",
        "x-ray", "xiv", "nth", "rowboats", "gargoyles", "café",
    ],
)  # fmt: skip
def test_real_words_in_any_inflection_are_english(word: str) -> None:
    assert is_english_word(word)


@pytest.mark.parametrize(
    "word",
    ["tavrn", "skeletns", "hosue", "zorblax", "b", "q", "kg", "bldg", "ticket booth", "", "'s"],
)
def test_typos_letters_and_abbreviations_are_not_english(word: str) -> None:
    assert not is_english_word(word)


LAZY_PROBE = """
import sys
import domain.scene.lexical as lexical
loaded = lambda: sorted(m.rsplit(".", 1)[1] for m in sys.modules if m.endswith("_data"))
print(loaded())
lexical.noun_sense("rowboat")
print(loaded())
lexical.is_english_word("rowboat")
print(loaded())
"""


def test_importing_the_package_loads_no_table_until_first_use() -> None:
    done = subprocess.run(
        [sys.executable, "-c", LAZY_PROBE], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert done.stdout.split("\n")[:3] == [
        "[]",
        "['_nouns_data']",
        "['_nouns_data', '_words_data']",
    ]


def test_the_tables_are_sorted_lines_framed_by_newlines() -> None:
    from domain.scene.lexical import _nouns_data, _words_data

    for table in (_nouns_data.NOUNS, _nouns_data.PLURALS, _words_data.WORDS):
        assert table.startswith("\n") and table.endswith("\n")
        keys = [line.split("\t", 1)[0] for line in table[1:-1].split("\n")]
        assert keys == sorted(keys) and len(keys) == len(set(keys))


def test_the_committed_tables_stay_under_three_megabytes() -> None:
    assert sum((TABLE_DIR / name).stat().st_size for name in GENERATED[:2]) < 3_000_000


needs_sources = pytest.mark.skipif(
    not all(path.exists() for path in SOURCES),
    reason="the build needs WordNet and SCOWL (apt-get install wordnet-base wamerican-large "
    "wbritish-large); the committed tables do not",
)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    outputs = (tmp_path_factory.mktemp("first"), tmp_path_factory.mktemp("second"))
    for out in outputs:
        subprocess.run(
            [sys.executable, str(BUILD_SCRIPT), "--out", str(out)], capture_output=True, check=True
        )
    yield outputs


@needs_sources
def test_the_build_is_deterministic(two_builds: tuple[Path, Path]) -> None:
    first, second = two_builds
    for name in GENERATED:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


@needs_sources
def test_the_committed_tables_are_what_the_build_writes(two_builds: tuple[Path, Path]) -> None:
    built, _ = two_builds
    for name in GENERATED:
        assert (built / name).read_bytes() == (TABLE_DIR / name).read_bytes(), (
            f"{name} is stale: run python3 scripts/build_lexicon.py"
        )
