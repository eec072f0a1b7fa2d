"""Which WordNet noun sense scripts/build_lexicon.py keeps, its category and whether it is a place.

The sense. index.noun lists a lemma's senses most frequent first, but only its first
`tagsense_cnt` senses (those tagged in the SemCor corpus) are ranked; the rest follow in no
meaningful order. The kept sense is the first CONCRETE ranked one; failing that, the concrete
unranked one whose category comes first in UNRANKED_PREFERENCE (natural things, artifacts,
then the figurative person senses of WordNet's tails: "gull" is a dupe before it is a bird).
OVERRIDES fixes a handful of common scene nouns, each with its reason. A sense is concrete when:
- the synset writes the lemma in lowercase (a capitalised "Crab" or "Turkey" is a proper name);
- its hypernym closure reaches physical_entity.n.01, or one of DRAWN_ABSTRACTIONS, which WordNet
  files as abstract but a scene draws: piles and vegetation (collections: a haystack, a forest),
  imaginary and spiritual beings (cognition: a dragon, an elf), currency (coins), fire (an
  event or a process: a campfire);
- it is not a process or phenomenon (snow as weather), not a substance or material
  (substance.n.01, substance.n.07 except food, or the lexicographer file noun.substance: gold
  the element, water the compound, oak the wood, snow the drug, ale), not a body part
  (body_part.n.01: chest the thorax, palm the hand) unless a bone or the skeleton, which lie
  about in a scene (a mummy or a corpse is a body, not a body part, and is kept);
- it is not only a position: a sense under location.n.01 that reaches no category anchor ("the
  top", "the side", "a point") names where something is, not a thing to draw;
- it is not the meat of an animal the same lemma also names (chicken, turkey).

The category is that of the NEAREST anchor (CATEGORY_ANCHORS) in the hypernym closure, breadth
first, so the most specific one wins: furniture.n.01 is nearer a bed than device or artifact,
building.n.01 nearer a house than structure.n.01. Two anchors at the same distance go by
CATEGORY_PRIORITY (a wheeled vehicle is also a container). A sense with no anchor is a `person`
if WordNet files it with people (noun.person), otherwise an `item`.

The place flag: the sense reaches one of PLACE_ANCHORS (rooms, buildings, establishments,
facilities, workplaces, geographical areas, land, landforms, storeys, fortresses, mines).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lexicon_anchors import (
    AGENT,
    BODY_PART,
    BONE_ANCHORS,
    CATEGORY_ANCHORS,
    CATEGORY_PRIORITY,
    DRAWN_ABSTRACTIONS,
    FOODS,
    GENERAL_SYNSETS,
    LEXFILE_ANIMAL,
    LEXFILE_CATEGORIES,
    LEXFILE_FOOD,
    LEXFILE_SUBSTANCE,
    LOCATION,
    MATERIAL,
    OVERRIDES,
    PHYSICAL_ENTITY,
    PLACE_ANCHORS,
    PROCESS,
    UNRANKED_PREFERENCE,
)
from lexicon_wordnet import Synset, WordNet


@dataclass(frozen=True)
class Sense:
    synset: Synset
    category: str
    place: bool


class Rules:
    """The rules above, resolved against one WordNet."""

    def __init__(self, wordnet: WordNet) -> None:
        self.wordnet = wordnet
        offset = self._offset
        self.anchors = {offset(name): category for name, category in CATEGORY_ANCHORS.items()}
        self.place_anchors = frozenset(offset(name) for name in PLACE_ANCHORS)
        self.general = frozenset(offset(name) for name in GENERAL_SYNSETS)
        self.bones = frozenset(offset(name) for name in BONE_ANCHORS)
        self.body_part = offset(BODY_PART)
        self.physical = offset(PHYSICAL_ENTITY)
        self.drawn_abstractions = frozenset(offset(name) for name in DRAWN_ABSTRACTIONS)
        self.process, self.location = offset(PROCESS), offset(LOCATION)
        self.material, self.agent = offset(MATERIAL), offset(AGENT)
        self.foods = frozenset(offset(name) for name in FOODS)
        self._closures: dict[str, dict[str, int]] = {}

    def _offset(self, name: str) -> str:
        return self.wordnet.synset(name).offset

    def closure(self, offset: str) -> dict[str, int]:
        """Every hypernym of the synset (itself included) with its distance, breadth first."""
        cached = self._closures.get(offset)
        if cached is not None:
            return cached
        depth = {offset: 0}
        queue = [offset]
        for current in queue:
            for parent in self.wordnet.nouns[current].hypernyms:
                if parent not in depth:
                    depth[parent] = depth[current] + 1
                    queue.append(parent)
        self._closures[offset] = depth
        return depth

    def category(self, synset: Synset) -> str | None:
        """The nearest anchor's category; `item` for another physical thing; None for a position."""
        closure = self.closure(synset.offset)
        found = [
            (distance, CATEGORY_PRIORITY.index(self.anchors[offset]), self.anchors[offset])
            for offset, distance in closure.items()
            if offset in self.anchors
        ]
        if found:
            return min(found)[2]
        if self.location in closure:
            return None
        return LEXFILE_CATEGORIES.get(synset.lexfile, "item")

    def is_concrete(self, synset: Synset, lemma: str) -> bool:
        written = synset.written(lemma.replace(" ", "_"))
        if written is None or written != written.lower():
            return False
        closure = self.closure(synset.offset)
        if not self.drawn_abstractions.isdisjoint(closure):
            return True
        if self.physical not in closure:
            return False
        if self.process in closure or synset.lexfile == LEXFILE_SUBSTANCE:
            return False
        if self.material in closure:  # wood, gold, sand; fluids and so beverages (ale)
            return False
        if self.agent in closure and self.foods.isdisjoint(closure):  # drugs, fuels, poisons
            return False
        if self.body_part in closure and self.bones.isdisjoint(closure):
            return False
        return self.category(synset) is not None

    def senses(self, lemma: str) -> Iterator[Synset]:
        """The lemma's synsets in index.noun order (most frequent first)."""
        for offset in self.wordnet.noun_index[lemma.replace(" ", "_")]:
            yield self.wordnet.nouns[offset]

    def is_common(self, lemma: str) -> bool:
        """Some sense writes the lemma in lowercase: not only a proper name."""
        key = lemma.replace(" ", "_")
        return any(synset.written(key) == key for synset in self.senses(lemma))

    def choose(self, lemma: str) -> Sense | None:
        """The sense a scene draws, with its category and place flag; None when there is none.

        The first concrete sense among those ranked by frequency (the lemma's first
        `noun_tagged` senses); failing that, the concrete sense of the most preferred category
        among the rest, which index.noun lists in no meaningful order (UNRANKED_PREFERENCE).
        """
        override = OVERRIDES.get(lemma)
        senses = list(self.senses(lemma))
        if override is not None:
            synset = senses[override.sense - 1]
            category = override.category or self.category(synset)
            assert category is not None, lemma
            place = self.is_place(synset) if override.place is None else override.place
            return Sense(synset, category, place)
        names_an_animal = any(s.lexfile == LEXFILE_ANIMAL for s in senses)
        ranked = self.wordnet.noun_tagged[lemma.replace(" ", "_")]
        unranked: list[tuple[int, int, Sense]] = []
        for number, synset in enumerate(senses):
            if names_an_animal and synset.lexfile == LEXFILE_FOOD:
                continue  # the meat of the animal: a scene draws the animal
            if not self.is_concrete(synset, lemma):
                continue
            category = self.category(synset)
            assert category is not None
            sense = Sense(synset, category, self.is_place(synset))
            if number < ranked:
                return sense
            unranked.append((UNRANKED_PREFERENCE.index(category), number, sense))
        return min(unranked)[2] if unranked else None

    def is_place(self, synset: Synset) -> bool:
        return not self.place_anchors.isdisjoint(self.closure(synset.offset))

    def parents(self, synset: Synset) -> list[Synset]:
        """The synset's hypernyms that say something: general ones are replaced by nothing."""
        return [
            self.wordnet.nouns[offset] for offset in synset.hypernyms if offset not in self.general
        ]
