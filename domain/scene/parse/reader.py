"""English prompt -> SceneRequest: things, counts, sizes, relations and the scene kind.

The parser reads left to right. A noun phrase (`three small houses`) names things and
becomes the subject; a relation phrase (`north of`, `between ... and ...`) then links the
subject to the things it names. Words it does not know become warnings.
"""

from domain.scene import vocabulary as v
from domain.scene.model import SceneRequest
from domain.scene.parse import lexicon, spelling
from domain.scene.parse.finish import finish_request
from domain.scene.parse.state import SCENE, Group, NounPhrase, ParseState
from domain.scene.parse.tokens import POSSESSIVE, is_malformed_count, tokenize
from domain.scene.parse.words import QUIET_WORDS
from domain.scene.terms import Size

_CLAUSE_BREAKS = frozenset(",.;:!?()")
_HEAD_SKIP = frozenset(["a", "an", "the", "this", "our", "my", "single"])
_PRONOUNS = frozenset(["it", "this", "that", "them", "they", "those", "these", "there"])
_TARGETLESS = frozenset(
    [
        "in_region",
        "in_center",
        "in_corner",
        "against_wall",
        "~rows",
        "~ring",
        "~walls",
        "~each_corner",
    ]
)
# Patterns that, without `of`, point back at what was named before (`a road lined with trees
# on both sides`: the road).
_POINTS_BACK = frozenset(["~both_sides"])
_FRAMING_ONLY = frozenset(["in_region", "in_center", "in_corner"])
_LINKING_TEXT = (
    "is are was were stands stand stood sits sit lies lie lay there rises rise grows grow "
    "waits wait sleeps sleep you find"
)
_LINKING_VERBS = frozenset(_LINKING_TEXT.split())
_VIA = frozenset(["by", "via", "with", "through"])
_EACH_OTHER = (("each", "other"), ("one", "another"))
_EACH_OTHER_ACROSS = (("each", "other", "across"), ("one", "another", "across"))
_CROSSROADS = frozenset(["crossroads", "crossroad", "intersection", "junction"])
_OPPOSITE = {"north": "south", "south": "north", "east": "west", "west": "east"}
_HEADING = {
    "north": "north_south",
    "south": "north_south",
    "east": "east_west",
    "west": "east_west",
}
_FROM_WORDS = frozenset(["from", "the"])
_TO_WORDS = frozenset(["to", "towards", "toward", "into"])


def _heading(tokens: list[str], i: int) -> tuple[str, int] | None:
    """`from (the) north (edge) to (the) south`, `north to south`, `north-south`."""
    j = i
    while j < len(tokens) and tokens[j] in _FROM_WORDS:
        j += 1
    first = lexicon.match_direction(tokens, j)
    if first is None or first[0] not in _OPPOSITE or (j == i and tokens[i] in ("to",)):
        return None
    j = first[2]
    if j < len(tokens) and tokens[j] in v.PART_WORDS:
        j += 1
    if j < len(tokens) and tokens[j] in _TO_WORDS:
        j += 1
        while j < len(tokens) and tokens[j] == "the":
            j += 1
    elif j > i + 1 or tokens[i] in _FROM_WORDS:
        return None
    second = lexicon.match_direction(tokens, j)
    if second is None or second[0] != _OPPOSITE[first[0]]:
        return None
    j = second[2]
    if j < len(tokens) and tokens[j] in v.PART_WORDS:
        j += 1
    return _HEADING[first[0]], j


# `two rows of benches`, `a ring of stones`: a count and an arrangement at once.
_LINES = frozenset(["rows", "lines", "columns", "ranks", "row", "line"])
_ARRANGED = {
    **dict.fromkeys(_LINES, "~rows"),
    "grid": "~rows",
    "ring": "~ring",
    "circle": "~ring",
}
_ARRANGED_COUNT = {"grid": 9, "ring": 6, "circle": 6}
# Describing words that say what the ground is (the place keeps its things).
_GROUNDS = {
    **dict.fromkeys(["snowy", "snowbound", "icy", "frozen", "wintry", "snow"], "snow"),
    **dict.fromkeys(["swampy", "marshy", "boggy"], "swamp"),
    **dict.fromkeys(["desert"], "desert"),
}
_POSSESSIVE_PRONOUNS = frozenset(["its", "their", "his", "her", "our", "your", "my"])
_INSIDE_WORDS = frozenset(["inside", "interior", "in", "within"])
_NEGATIONS = frozenset(["without", "except", "excluding", "nor"])
_ARTICLES = frozenset(["a", "an", "the", "some", "one", "two", "three", "four", "five"])
# `a pile of bones` is one thing of the kind after `of`.
_COLLECTIVES = frozenset(["pile", "heap", "stack", "mound", "hoard", "stash", "cache"])
_OF_CONTENT_WORDS = 2  # words after `of` read as what a thing holds or is made of
_OF_SKIP = frozenset(["a", "an", "the", "some", "fresh"])


def parse_prompt(prompt: str) -> SceneRequest:
    """Read an English description into a structured scene request. Never raises."""
    tokens, typo_warnings = spelling.correct_tokens(tokenize(prompt))
    # `its southern edge`, `their garden`: what was named before, as `the` says
    tokens = ["the" if token in _POSSESSIVE_PRONOUNS else token for token in tokens]
    parser = _Parser(tokens)
    parser.state.warnings.extend(typo_warnings)
    parser.state.ground = next((_GROUNDS[t] for t in tokens if t in _GROUNDS), None)
    return parser.run()


class _Parser:
    def __init__(self, tokens: list[str]) -> None:
        self.tokens = tokens
        self.i = 0
        self.state = ParseState()

    def run(self) -> SceneRequest:
        self._head()
        while self.i < len(self.tokens):
            before = self.i
            self._step()
            if self.i <= before:  # every step consumes at least one token
                self.i = before + 1
        return finish_request(self.state)

    # --- the opening words ---------------------------------------------------------
    def _head(self) -> None:
        tokens, j = self.tokens, 0
        size: Size | None = None
        while j < len(tokens) and (
            tokens[j] in _HEAD_SKIP
            or tokens[j] in v.SIZES
            or tokens[j] in v.DECORATIVE_WORDS
            or tokens[j] == "walled"
        ):
            if tokens[j] in v.SIZES:
                size = v.SIZES[tokens[j]][0]
            j += 1
        inside = self._inside_of(j)
        if inside is not None:
            state = self.state
            state.scene, state.subject, self.i = inside[0], SCENE, inside[1]
            return
        found = lexicon.match_scene(tokens, j)
        if found is None:
            return
        if "walled" in tokens[:j] and not lexicon.SCENE_BY_NAME[found[0]].indoor:
            wall = self.state.new_group("wall", 1, "medium", False, "wall")
            if wall is not None:  # `a walled town`: a wall round it
                self.state.add(wall.ids[0], "around", (), None)
        longer = lexicon.match_noun(tokens, j)
        if longer is not None and longer.end > found[1]:
            return  # `an office chair`, `a street light`: a thing, not the place
        scene, end = found
        state = self.state
        state.scene = scene
        head_kind = v.HEAD_THINGS.get(tokens[j])
        if head_kind is not None and end == j + 1:
            group = state.new_group(head_kind, 1, size or "medium", False, tokens[j])
            state.subject = group
        else:
            state.subject = SCENE
        self.i = end

    def _inside_of(self, j: int) -> tuple[str, int] | None:
        """`the inside of a tavern`, `inside the old chapel`, `a smithy interior`: the place
        shown is the building's interior."""
        tokens = self.tokens
        opened = j < len(tokens) and tokens[j] in _INSIDE_WORDS
        if opened:
            j += 1
            while j < len(tokens) and (tokens[j] in _HEAD_SKIP or tokens[j] == "of"):
                j += 1
        while j < len(tokens) and (tokens[j] in v.DECORATIVE_WORDS or tokens[j] in v.SIZES):
            j += 1
        noun = lexicon.match_noun(tokens, j)
        if noun is None or noun.kind not in v.INTERIOR_OF:
            return None
        end = noun.end
        closed = end < len(tokens) and tokens[end] == "interior"
        if not (opened or closed):
            return None
        return v.INTERIOR_OF[noun.kind], end + (1 if closed else 0)

    # --- one step of the main loop ---------------------------------------------------
    def _step(self) -> None:
        tokens, state = self.tokens, self.state
        word = tokens[self.i]
        if word in _CLAUSE_BREAKS:
            state.with_owner = None
            state.stale = True
            self.i += 1
            return
        if word == "with" and isinstance(state.subject, Group):
            state.with_owner = state.subject
            state.each_with = self.i > 0 and tokens[self.i - 1] == "each"
            self.i += 1
            return
        if word in _NEGATIONS:
            self.i = self._negation(self.i + 1, word)
            return
        heading = _heading(tokens, self.i)
        if heading is None and (word in v.DECORATIVE_WORDS or word in QUIET_WORDS):
            heading = _heading(tokens, self.i + 1)  # `a stream running east to west`
        if heading is not None:
            self._runs(*heading)
            return
        if word in _CROSSROADS:
            self._crossroads(word)
            return
        match = lexicon.match_relation(tokens, self.i)
        if match is not None:
            self.i = self._relation(match)
            return
        phrase = self._noun_phrase(self.i)
        if phrase is not None and phrase.kind is not None:
            group = self._resolve_subject(phrase)
            if group is not None:
                state.subject = group
                state.stale = False
                state.apply_pending(group)
            self.i = phrase.end
            return
        if phrase is not None and phrase.scene is not None:
            if state.scene is not None and phrase.scene != state.scene:
                group = state.place_within(phrase.scene, tokens[self.i : phrase.end])
                if group is not None:
                    state.subject, state.stale = group, False
                    state.apply_pending(group)
            state.scene = state.scene or phrase.scene
            self.i = phrase.end
            return
        if phrase is not None and phrase.end > self.i:
            self.i = phrase.end
            return
        if word in _PRONOUNS or word in v.FILLER_WORDS or word in v.DIRECTIONS:
            self.i += 1
            return
        if word == POSSESSIVE or word in QUIET_WORDS:
            self.i += 1
            return
        if word in v.DECORATIVE_WORDS or word in v.SIZES:
            self.i += 1
            return
        if word.isdigit() or lexicon.match_ordinal(tokens, self.i) is not None:
            self.i += 1
            return
        state.unknown_word(word)
        self.i += 1

    # --- courses of paths -----------------------------------------------------------------
    def _runs(self, heading: str, end: int) -> None:
        """`a river from north to south`: the path runs from one map edge to the other."""
        state = self.state
        self.i = end
        subject = state.subject
        if not isinstance(subject, Group) or lexicon.KIND_BY_NAME[subject.kind].shape != "path":
            state.warn(f"'{heading.replace('_', ' to ')}' fits only a river, road or wall; ignored")
            return
        for thing_id in subject.ids:
            state.add(thing_id, "runs", (), heading)

    def _crossroads(self, word: str) -> None:
        """`a crossroads`: two roads, one north to south, one east to west, crossing."""
        state = self.state
        self.i += 1
        group = state.new_group("road", 2, "medium", True, word)
        if group is None:
            return
        first, second = group.ids
        state.add(first, "runs", (), "north_south")
        state.add(second, "runs", (), "east_west")
        state.add(second, "across", (first,), None)
        state.subject, state.stale = group, False

    # --- negation ------------------------------------------------------------------------
    def _negation(self, j: int, word: str) -> int:
        """`without trees or rocks`, `except wolves`: kinds that must not appear at all.

        `or`/`nor` carry the negation on, and so does `and` before a bare noun (`without trees
        and rocks`); `and a pond` names a new wanted thing.
        """
        tokens = self.tokens
        while j < len(tokens) and tokens[j] in ("any", "a", "an", "the", "single", "more"):
            j += 1
        phrase = self._noun_phrase(j)
        if phrase is None or phrase.kind is None:
            self.state.warn(f"'{word}' names nothing known; ignored")
            return max(j, self.i + 1)
        self.state.exclude(phrase.kind, phrase.word or phrase.kind)
        j = phrase.end
        if j + 1 < len(tokens) and (
            tokens[j] in ("or", "nor", ",")
            or (tokens[j] == "and" and tokens[j + 1] not in _ARTICLES)
        ):
            following = self._noun_phrase(j + 1)
            if following is not None and following.kind is not None and following.count is None:
                return self._negation(j + 1, word)
        return j

    # --- noun phrases ------------------------------------------------------------------
    def _noun_phrase(self, i: int) -> NounPhrase | None:
        tokens = self.tokens
        phrase = NounPhrase(end=i)
        j = i
        while j < len(tokens):
            noun = lexicon.match_noun(tokens, j)
            if noun is not None:
                head = lexicon.match_noun(tokens, noun.end)
                if head is not None and not noun.plural:
                    # `throne room`, `stone well`, `tree house`: the last noun is the thing
                    noun = head._replace(word=f"{noun.word} {head.word}")
                if noun.end < len(tokens) and tokens[noun.end] == POSSESSIVE:
                    owned = self._noun_phrase(noun.end + 1)
                    if owned is not None and owned.kind is not None:
                        # `the dragon's hoard`: the hoard; the dragon only if already named
                        owned.possessor = noun.kind
                        owned.word = f"{noun.word}'s {owned.word}"
                        owned.count = owned.count if owned.count is not None else phrase.count
                        owned.definite = owned.definite or phrase.definite
                        return owned
                phrase.kind, phrase.plural, phrase.end, phrase.word = noun
                if phrase.collective:
                    phrase.plural, phrase.word = False, f"{phrase.collective} of {noun.word}"
                self._of_content(phrase)
                return phrase
            scene = lexicon.match_scene(tokens, j)
            if scene is not None:
                phrase.scene, phrase.end = scene
                return phrase
            word = tokens[j]
            count = lexicon.match_count(tokens, j) if phrase.count is None else None
            ordinal = lexicon.match_ordinal(tokens, j)
            if word in ("the", "same", "another", "other"):
                phrase.definite = phrase.definite or word in ("the", "same")
                j += 1
            elif word in ("each", "every") and phrase.count is None:
                phrase.each = phrase.definite = True
                j += 1
            elif word in QUIET_WORDS and word.endswith("ing") and lexicon.match_noun(tokens, j + 1):
                j += 1  # `two reading tables`, `sleeping pods`
            elif word in _ARRANGED and j + 1 < len(tokens) and tokens[j + 1] == "of":
                phrase.arrangement = _ARRANGED[word]
                if word in _LINES:
                    rows = phrase.count or (1 if word in ("row", "line") else 2)
                    phrase.rows, phrase.count = str(rows), rows * (5 if rows == 1 else 3)
                elif phrase.count is None or phrase.count == 1:
                    phrase.count = _ARRANGED_COUNT[word]
                    phrase.rows = "grid" if word == "grid" else None
                j += 2
            elif word in _COLLECTIVES and j + 1 < len(tokens) and tokens[j + 1] == "of":
                phrase.collective = word
                j += 2
            elif j + 1 < len(tokens) and tokens[j + 1] == POSSESSIVE and word.isalpha():
                j += 2  # `the king's throne`: an owner the vocabulary does not know
            elif phrase.count is None and is_malformed_count(word):
                phrase.bad_count = word
                phrase.count = max(0, int(float(word)))
                j += 1
            elif count is not None:
                phrase.count, j = count
            elif ordinal is not None:
                phrase.ordinal, j = ordinal
            elif word in v.SIZES:
                phrase.size = v.SIZES[word][0]
                j += 1
            elif word in v.DIRECTIONS:
                phrase.direction, _, j = lexicon.match_direction(tokens, j) or (None, None, j + 1)
            elif word in v.DECORATIVE_WORDS:
                j += 1
            else:
                break
        phrase.end = j
        return phrase if j > i else None

    def _of_content(self, phrase: NounPhrase) -> None:
        """`a field of wheat`, `a hoard of gold`, `a barrel of ale`: one thing; the words
        after `of` say what it holds or is made of and create nothing."""
        tokens, j = self.tokens, phrase.end
        if j + 1 >= len(tokens) or tokens[j] != "of":
            return
        k = j + 1
        while k < len(tokens) and (tokens[k] in v.DECORATIVE_WORDS or tokens[k] in _OF_SKIP):
            k += 1
        content = lexicon.match_noun(tokens, k)
        if content is not None:
            if content.kind in lexicon.KIND_SCENES and content.kind != phrase.kind:
                return  # `the edge of the forest`: a place, left to the relation reader
            phrase.end = content.end
            phrase.word = f"{phrase.word} of {content.word}"
            outer = lexicon.KIND_BY_NAME[phrase.kind] if phrase.kind is not None else None
            inner = lexicon.KIND_BY_NAME[content.kind]
            if outer is not None and outer.setting == "indoor" and inner.setting == "outdoor":
                phrase.kind = content.kind  # `a bed of roses` is flowers, not furniture
            return
        end = k
        while (
            end < len(tokens)
            and end - k < _OF_CONTENT_WORDS
            and tokens[end].isalpha()
            and not spelling.is_known(tokens[end])
        ):
            end += 1
        if end > k:
            phrase.end = end
            phrase.word = f"{phrase.word} of {' '.join(tokens[k:end])}"

    def _resolve_subject(self, phrase: NounPhrase) -> Group | None:
        state = self.state
        assert phrase.kind is not None
        if phrase.bad_count is not None:
            state.bad_count(phrase.bad_count, phrase.kind, phrase.count or 0)
            if not phrase.count:
                return None
        if (phrase.definite or phrase.ordinal is not None) and state.groups_of(phrase.kind):
            return state.reference(phrase)
        count = phrase.count
        if count is None:
            count = v.BARE_PLURAL_COUNT if phrase.plural else 1
        group = state.new_group(
            phrase.kind, count, phrase.size or "medium", phrase.plural, phrase.word
        )
        if group is not None:
            group.counted = phrase.count is not None or not phrase.plural
        if group is not None and state.with_owner is not None:
            group.owner = state.with_owner
            if state.each_with and len(group.ids) < len(group.owner.ids):
                state.grow(group, len(group.owner.ids))  # `houses, each with a garden`
                group.beside_owner = True
        self._owned(phrase, group)
        return group

    def _owned(self, phrase: NounPhrase, group: Group | None) -> None:
        """`the dragon's hoard` lies near the dragon, when a dragon was named; `rows of
        benches` stand in rows."""
        if group is not None and phrase.arrangement is not None:
            self.state.relate(group, phrase.arrangement, phrase.rows, None, [SCENE], ("of",))
        if group is None or phrase.possessor is None:
            return
        owners = [g for g in self.state.groups_of(phrase.possessor) if g is not group]
        if owners:
            for thing_id in group.ids:
                self.state.add(thing_id, "near", (owners[-1].ids[0],), None)

    def _target(self, j: int) -> tuple[tuple[str, ...] | None, NounPhrase | None, int]:
        """What a relation points at: ids, SCENE (empty) or None when nothing is named."""
        state, tokens = self.state, self.tokens
        if j < len(tokens) and tokens[j] in _PRONOUNS and tokens[j] != "there":
            return state.pronoun(tokens[j]), None, j + 1
        if tuple(tokens[j : j + 2]) in _EACH_OTHER:
            return None, None, j + 2
        phrase = self._noun_phrase(j)
        if phrase is None:
            return None, None, j
        if phrase.scene is not None:
            state.scene = state.scene or phrase.scene
            return SCENE, phrase, phrase.end
        if phrase.kind is None:
            return None, phrase, phrase.end
        if phrase.kind == "wall" and state.scene == "room":
            return SCENE, phrase, phrase.end
        if phrase.definite or phrase.ordinal is not None:
            if state.groups_of(phrase.kind):
                group = state.reference(phrase)
                return (tuple(group.ids) if group else None), phrase, phrase.end
            if state.names_scene(phrase.kind):
                return SCENE, phrase, phrase.end
        count = phrase.count
        if count is None:
            count = v.BARE_PLURAL_COUNT if phrase.plural else 1
        group = state.new_group(
            phrase.kind, count, phrase.size or "medium", phrase.plural, phrase.word
        )
        if group is not None:
            group.counted = phrase.count is not None or not phrase.plural
        if group is not None:
            state.fresh = (group, phrase.end)
        self._owned(phrase, group)
        return (tuple(group.ids) if group else None), phrase, phrase.end

    # --- relations ---------------------------------------------------------------------
    def _relation(self, match: lexicon.RelationMatch) -> int:
        predicate, direction, relative, end, pattern = match
        state, tokens = self.state, self.tokens
        fresh = state.fresh if state.fresh is not None and state.fresh[1] == self.i else None
        state.fresh = None
        if predicate == "~connected_by":
            return self._connected_by(end)
        if predicate == "connected_to" and tuple(tokens[end : end + 2]) in _EACH_OTHER:
            if isinstance(state.subject, Group):
                state.chain(state.subject, None, SCENE)
            return end + 2
        if predicate == "facing" and tuple(tokens[end : end + 3]) in _EACH_OTHER_ACROSS:
            return self._facing_across(end + 3, pattern)
        if predicate == "facing" and tuple(tokens[end : end + 2]) in _EACH_OTHER:
            self._emit(predicate, direction, relative, [SCENE], pattern, end + 2)
            return end + 2
        if predicate in _POINTS_BACK and pattern[-1] != "of":
            self._back_reference(predicate, direction, relative, pattern, end)
            return end
        needs_target = pattern[-1] == "of" or not (
            predicate in _TARGETLESS or (predicate == "along" and direction is not None)
        )
        if not needs_target:
            self._emit(predicate, direction, relative, [SCENE], pattern, end)
            return end
        first, phrase, j = self._target(end)
        if first is None:
            state.warn(f"'{' '.join(tokens[self.i : end])}' names nothing known; ignored")
            return max(j, end)
        targets = [first]
        if predicate in ("between", "~connecting", "~from"):
            joiner = ("and", "to", "with") if predicate != "between" else ("and",)
            j = self._placed_where(first, j)  # `from the tavern in the west to ...`
            if j < len(tokens) and tokens[j] in joiner:
                second, _, j = self._target(j + 1)
                if second is not None:
                    targets.append(second)
                    j = self._placed_where(second, j)
        if predicate == "across" and j + 1 < len(tokens) and tokens[j] == "from":
            # `the tavern across the street from the church`
            other, _, j = self._target(j + 1)
            if other:
                predicate, targets = "across_from", [other, first] if first else [other]
        if predicate == "connected_to" and j + 1 < len(tokens) and tokens[j] in _VIA:
            connector = lexicon.match_noun(tokens, j + 1)
            if connector is not None:
                state.connector_hint = connector.kind
                j = connector.end
        if predicate == "against_wall" and phrase is not None and phrase.kind == "wall":
            direction = phrase.direction or direction
        if phrase is not None and phrase.kind == "wall" and state.scene == "room":
            predicate, direction = "against_wall", phrase.direction or direction
        who = fresh[0] if fresh is not None else state.subject
        if phrase is not None and phrase.each and isinstance(who, Group) and len(first) > 1:
            state.grow(who, len(first))  # `a guard at each door`: one guard per door
        if fresh is not None and not predicate.startswith("~") and predicate != "between":
            # `a campfire near the river`: a phrase right after a new thing describes it
            state.relate(fresh[0], predicate, direction, relative, targets, pattern)
        else:
            self._emit(predicate, direction, relative, targets, pattern, j)
        state.connector_hint = None
        return j

    def _placed_where(self, ids: tuple[str, ...], j: int) -> int:
        """A framing phrase right after an end of a road (`in the west`) places that end."""
        match = lexicon.match_relation(self.tokens, j)
        if match is None or match.predicate not in _FRAMING_ONLY or not ids:
            return j
        owner = Group(kind=self.state.kind_of(ids[0]), ids=list(ids), size="medium", plural=False)
        self.state.relate(
            owner, match.predicate, match.direction, match.relative, [SCENE], match.pattern
        )
        return match.end

    def _back_reference(
        self,
        predicate: str,
        direction: str | None,
        relative: str | None,
        pattern: tuple[str, ...],
        end: int,
    ) -> None:
        """`a road lined with trees on both sides`: the sides of the thing named before."""
        state = self.state
        subject = state.subject
        if not isinstance(subject, Group):
            return
        if state.lined is subject:  # `a road lined with trees on both sides`: the trees
            lining = [g for g in state.groups if g is not subject and g.ids[0] in state.lining]
            if lining:
                line = (subject.ids[0],)
                state.relate(lining[-1], predicate, direction, relative, [line], pattern)
                return
        earlier = [g for g in state.groups if g is not subject]
        owner = state.with_owner if state.with_owner is not subject else None
        target = owner or state.lined or (earlier[-1] if earlier else None)
        if target is None:
            state.warn(f"'{' '.join(pattern)}' of nothing named for {subject.ids[0]}; ignored")
            return
        state.relate(subject, predicate, direction, relative, [tuple(target.ids[:1])], pattern)

    def _facing_across(self, j: int, pattern: tuple[str, ...]) -> int:
        """`two houses facing each other across the street`: one each side of the street."""
        state = self.state
        path, _, j = self._target(j)
        subject = state.subject
        if isinstance(subject, Group) and path:
            if len(subject.ids) < 2:
                state.grow(subject, 2)
            ids = subject.ids
            for k in range(0, len(ids) - 1, 2):
                state.add(ids[k], "across_from", (ids[k + 1], path[0]), None)
        return j

    def _connected_by(self, j: int) -> int:
        state, tokens = self.state, self.tokens
        connector = None
        phrase = self._noun_phrase(j)
        if phrase is not None and phrase.kind is not None:
            connector, j = phrase.kind, phrase.end
        elif phrase is not None:
            j = phrase.end
        subject = state.subject
        if not isinstance(subject, Group):
            return j
        target: tuple[str, ...] | None = None
        if j < len(tokens) and tokens[j] in ("to", "with"):
            target, _, j = self._target(j + 1)
        state.chain(subject, connector, target)
        return j

    def _emit(
        self,
        predicate: str,
        direction: str | None,
        relative: str | None,
        targets: list[tuple[str, ...]],
        pattern: tuple[str, ...],
        end: int,
    ) -> None:
        state = self.state
        subject = state.subject
        if predicate == "~around" and subject == SCENE and targets and targets[0]:
            for thing_id in targets[0]:  # `a village surrounded by a wall`: round the map
                state.add(thing_id, "around", (), None)
            return
        if not isinstance(subject, Group) or (state.stale and self._new_thing_follows(end)):
            state.pending.append((predicate, direction, relative, targets, pattern))
            return
        state.relate(subject, predicate, direction, relative, targets, pattern)

    def _new_thing_follows(self, j: int) -> bool:
        """`Next to the river is a mill`: the relation belongs to what comes next."""
        while j < len(self.tokens) and self.tokens[j] in _LINKING_VERBS:
            j += 1
        phrase = self._noun_phrase(j)
        return phrase is not None and phrase.kind is not None and not phrase.definite
