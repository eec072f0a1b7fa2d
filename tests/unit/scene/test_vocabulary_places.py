"""Places: their furniture fits indoors or outdoors, their words, interiors and homes."""

import re

import pytest

from domain.scene import catalog
from domain.scene import vocabulary as v
from domain.scene.model import Place
from domain.scene.parse import lexicon

_NAME = re.compile(r"^[a-z][a-z_]*$")
_ROOM = catalog.SCENE_BY_NAME["room"]
_INDOOR = [scene for scene in v.SCENES if scene.indoor]
_OUTDOOR = [scene for scene in v.SCENES if not scene.indoor]


def _kinds_of(place: Place) -> list[str]:
    return [name for name, _ in place.defaults] + ([place.ambient] if place.ambient else [])


def test_the_named_interiors_and_grounds_exist() -> None:
    names = {scene.name for scene in v.SCENES}
    assert len(names) == len(v.SCENES)
    assert names >= {
        "village", "forest", "dungeon", "room", "island", "coast",
        "tavern", "temple", "throne_room", "library", "shop", "smithy", "kitchen",
        "office", "classroom", "spaceship_bridge", "space_station",
        "desert", "snow", "swamp", "hills", "mountains", "street", "parking_lot",
        "camp", "castle", "graveyard", "market", "farm", "harbor", "cave", "park",
        "bedroom", "bathroom", "laboratory", "museum", "prison", "ship_deck", "tower_room",
    }  # fmt: skip
    assert len(names) >= 60
    assert all(_NAME.match(name) for name in names)


@pytest.mark.parametrize("place", v.SCENES, ids=lambda place: place.name)
def test_defaults_and_ambient_are_known_kinds(place: Place) -> None:
    assert place.defaults
    for name in _kinds_of(place):
        # a vocabulary row, or a generic kind named by its lemma (not by a known synonym)
        assert catalog.is_kind(name), (place.name, name)
        assert name in lexicon.KIND_BY_NAME or lexicon.match_noun([name], 0) is None, name
    if place.ground is not None:
        assert catalog.is_kind(place.ground), place.name
    assert place.family in v.THEMES
    assert all(count >= 1 for _, count in place.defaults)


@pytest.mark.parametrize("place", _INDOOR, ids=lambda place: place.name)
def test_an_indoor_place_is_furnished_with_indoor_things(place: Place) -> None:
    for name in _kinds_of(place):
        assert lexicon.kind_spec(name).setting in ("indoor", "any"), (place.name, name)
    assert place.border == _ROOM.border and place.connector == ""
    assert place.terrain and place.terrain_walkable
    entrances = {"door", "airlock", "stairs"}
    assert entrances & set(dict(place.defaults)) or place.ground is not None, place.name


@pytest.mark.parametrize("place", _OUTDOOR, ids=lambda place: place.name)
def test_an_outdoor_place_holds_only_outdoor_things(place: Place) -> None:
    for name in _kinds_of(place):
        assert lexicon.kind_spec(name).setting in ("outdoor", "any"), (place.name, name)
    connector = lexicon.kind_spec(place.connector)
    assert connector.shape == "path" and connector.connector


def test_every_place_has_words_of_at_most_four_words() -> None:
    for word, place in v.SCENE_WORDS.items():
        assert place in catalog.SCENE_BY_NAME, word
        assert re.match(r"^[a-z]+( [a-z]+){0,3}$", word), word
    assert set(v.SCENE_WORDS.values()) == set(catalog.SCENE_BY_NAME)


@pytest.mark.parametrize(
    ("words", "place"),
    [
        ("kitchen", "kitchen"),
        ("office", "office"),
        ("library", "library"),
        ("classroom", "classroom"),
        ("temple", "temple"),
        ("chapel", "temple"),
        ("throne room", "throne_room"),
        ("taproom", "tavern"),
        ("desert", "desert"),
        ("tundra", "snow"),
        ("snowfield", "snow"),
        ("marsh", "swamp"),
        ("parking lot", "parking_lot"),
        ("car park", "parking_lot"),
        ("street", "street"),
        ("spaceship bridge", "spaceship_bridge"),
        ("starship", "spaceship_bridge"),
        ("space station", "space_station"),
        ("bedroom", "bedroom"),
        ("study", "room"),
        ("goblin camp", "camp"),
        ("graveyard", "graveyard"),
        ("wine cellar", "cellar"),
        ("pirate ship", "ship_deck"),
        ("hills", "hills"),
        ("mountains", "mountains"),
    ],
)
def test_scene_words_name_their_place(words: str, place: str) -> None:
    assert lexicon.match_scene(words.split(), 0) == (place, len(words.split()))


def test_interiors_are_of_outdoor_buildings_and_show_indoor_places() -> None:
    assert v.INTERIOR_OF["tavern"] == "tavern" and v.INTERIOR_OF["church"] == "temple"
    assert v.INTERIOR_OF["castle"] == "throne_room" and v.INTERIOR_OF["house"] == "room"
    for building, place in v.INTERIOR_OF.items():
        kind = lexicon.kind_spec(building)
        vessel = kind.afloat  # a ship's inside is its deck
        assert kind.layer == "structure" or kind.category == "building" or vessel, building
        assert catalog.SCENE_BY_NAME[place].indoor, building


def test_each_family_has_a_place_and_homes_are_known() -> None:
    assert set(v.FAMILY_PLACE) == set(v.THEMES)
    assert set(v.FAMILY_PLACE.values()) <= set(catalog.SCENE_BY_NAME)
    for name, place in v.HOME_PLACE.items():
        assert name in lexicon.KIND_BY_NAME and place in catalog.SCENE_BY_NAME, name
    for special, general in v.ROLE_OF.items():
        assert catalog.is_kind(special) and catalog.is_kind(general), special
    for place, things in v.ESSENTIALS.items():
        assert place in catalog.SCENE_BY_NAME
        assert all(catalog.is_kind(name) for name, _ in things), place


def test_a_place_family_holds_some_of_its_own_defaults() -> None:
    for place in v.SCENES:
        families = {lexicon.kind_spec(name).family for name in _kinds_of(place)}
        assert place.family in families or "generic" in families, place.name
