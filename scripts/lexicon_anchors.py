"""The synsets and tables behind scripts/lexicon_rules.py: anchors, preferences, overrides.

Synsets are named lemma.n.NN, the lemma's NN-th sense in index.noun (WordNet 3.0).
"""

from dataclasses import dataclass

LEXFILE_FOOD = 13
LEXFILE_ANIMAL = 5
LEXFILE_SUBSTANCE = 27
# With no anchor, the lexicographer file decides before `item`: a ghost, "the visible
# disembodied soul of a dead person", is in noun.person but under vital principle.
LEXFILE_CATEGORIES = {18: "person"}

# The anchors of each category, by synset name (lemma.n.NN is the lemma's NN-th sense).
CATEGORY_ANCHORS: dict[str, str] = {
    "building.n.01": "building",
    "establishment.n.04": "building",  # shops, offices, prisons, universities
    "housing.n.01": "building",  # barracks, living quarters
    "building_complex.n.01": "building",  # factories, mills, plants
    "facility.n.01": "building",  # museums, stations, airports, zoos
    "workplace.n.01": "building",  # laboratories, workshops, bakeries, smithies
    "structure.n.01": "structure",  # towers, bridges, fences, gates, tents, monuments, platforms
    "excavation.n.03": "structure",  # wells, ditches, cellars
    "way.n.06": "structure",  # roads, streets, paths, corridors, tunnels, stairs, ladders
    "platform.n.01": "structure",  # a raised horizontal surface: stages, decks, podiums
    "enclosure.n.01": "structure",  # cages, pens, docks, kilns, fireplaces (an area, but built)
    "furniture.n.01": "furniture",
    "furnishing.n.02": "furniture",  # rugs, curtains, fixtures
    "shelf.n.01": "furniture",  # shelves, bookshelves (WordNet: a support, a device)
    "container.n.01": "container",
    "vehicle.n.01": "vehicle",
    "craft.n.02": "vehicle",  # boats, ships, aircraft, spacecraft
    "conveyance.n.03": "vehicle",  # trains (public transport), sleds, stretchers
    "person.n.01": "person",
    "hominid.n.01": "person",  # humans (WordNet: a primate, beside the person.n.01 sense)
    "imaginary_being.n.01": "person",  # giants, witches, mermaids, hobbits
    "spiritual_being.n.01": "person",  # angels, demons, elves, fairies, goblins, vampires
    "animal.n.01": "animal",
    "mythical_monster.n.01": "animal",  # dragons, griffins, trolls, basilisks
    "monster.n.01": "animal",  # an imaginary creature of human and animal parts
    "plant.n.02": "plant",
    "fungus.n.01": "plant",  # mushrooms, toadstools: scattered like plants
    "vegetation.n.01": "plant",  # undergrowth, brush, shrubbery (a collection in WordNet)
    "plant_part.n.01": "plant",  # flowers, leaves, branches, logs
    "rock.n.01": "rock",  # rocks, stones, boulders, pebbles
    "peak.n.01": "landform",  # peaks, summits (WordNet: a topographic point, a position)
    "grave.n.02": "structure",  # graves, tombs (WordNet: a topographic point, a position)
    "body_of_water.n.01": "water",  # seas, lakes, rivers, streams, waterfalls, ponds
    "spring.n.03": "water",  # a natural flow of ground water (WordNet: a geological formation)
    "pool.n.01": "water",  # a swimming pool (WordNet: an excavation)
    "moat.n.01": "water",  # a ditch filled with water (WordNet: an excavation)
    "reservoir.n.02": "water",
    "geological_formation.n.01": "landform",  # hills, mountains, valleys, craters, caves, beaches
    "land.n.04": "landform",  # islands, peninsulas, continents
    "geographical_area.n.01": "area",  # tracts, sites, parks, fields, yards, gardens, lots
    "district.n.01": "area",  # towns, villages, neighbourhoods
    "area.n.01": "area",  # a region of indefinite boundary: a center, a neighbourhood
    "area.n.05": "area",  # part of a structure: rooms, courtyards, enclosures, aisles
    "port.n.01": "area",  # harbours, seaports
    "plain.n.01": "area",  # fields of level open land (WordNet: land)
    "land.n.02": "area",  # swamps, marshes, bogs, farmland, badlands (WordNet: soil)
    "farm.n.01": "area",  # farm buildings and cultivated land (WordNet: a workplace)
    "forest.n.02": "area",  # land covered with trees (WordNet: land)
    "forest.n.01": "area",  # the trees of a forest, "woods" (WordNet: vegetation)
    "mine.n.01": "area",  # mines and quarries are places dug out, walked into
    "quarry.n.02": "area",  # pits dug for stone
    "device.n.01": "device",  # machines, instruments, weapons, lamps, displays
    "equipment.n.01": "device",
    "weaponry.n.01": "device",  # cannons (artillery, armament)
    "electronic_equipment.n.01": "device",
    "system.n.01": "device",  # sound systems, computer systems
    "appliance.n.02": "device",  # ovens, stoves, refrigerators (WordNet: durable goods)
    "lighting_fixture.n.01": "device",  # chandeliers (WordNet: a fixture)
    "food.n.01": "item",  # food is an item even when it is a plant's fruit (an apple)
    "food.n.02": "item",
}

# Two anchors at the same distance: the first category here wins (a wheeled vehicle is both a
# vehicle and a container; a bookcase both furniture and a container).
CATEGORY_PRIORITY = (
    "building",
    "furniture",
    "vehicle",
    "device",
    "container",
    "structure",
    "person",
    "animal",
    "plant",
    "water",
    "rock",
    "landform",
    "area",
    "item",
)

# Among senses with no frequency data, the first category here wins: natural things, then
# artifacts, then the figurative person senses that fill WordNet's tails ("gull", a dupe;
# "bunny", a nightclub waitress; "quarry", a person hunted; "thruster", an intruder).
UNRANKED_PREFERENCE = (
    "water",
    "landform",
    "area",
    "rock",
    "plant",
    "animal",
    "building",
    "structure",
    "furniture",
    "container",
    "vehicle",
    "device",
    "item",
    "person",
)

# A noun is a place (somewhere a scene can be set) when its sense reaches one of these.
PLACE_ANCHORS = (
    "room.n.01",  # kitchens, classrooms, throne rooms, cells
    "building.n.01",  # houses, churches, hospitals, taverns
    "establishment.n.04",  # shops, markets, prisons, universities
    "facility.n.01",  # museums, stations, airports, zoos
    "workplace.n.01",  # laboratories, workshops, smithies, farms
    "housing.n.01",  # barracks
    "geographical_area.n.01",  # parks, fields, graveyards, campsites, cities, villages
    "district.n.01",
    "port.n.01",  # harbours
    "thoroughfare.n.01",  # streets, avenues
    "forest.n.01",  # woods
    "land.n.04",  # islands, forests, plains
    "land.n.02",  # swamps, marshes, farmland
    "resort_area.n.01",  # playgrounds
    "geological_formation.n.01",  # mountains, valleys, caves, beaches, craters
    "court.n.10",  # courtyards
    "floor.n.02",  # storeys: attics, cellars, basements
    "building_complex.n.01",  # factories, mills, plants
    "stadium.n.01",  # stadiums, arenas, bowls
    "fortress.n.01",
    "stronghold.n.01",  # keeps, dungeons (the keep of a castle)
    "burial_chamber.n.01",  # crypts, tombs one walks into
    "catacomb.n.01",
    "mine.n.01",
    "quarry.n.02",
)

PHYSICAL_ENTITY = "physical_entity.n.01"
# Abstract in WordNet, drawn in a scene.
DRAWN_ABSTRACTIONS = (
    "pile.n.01",  # a collection: haystacks, woodpiles, cairns
    "vegetation.n.01",  # a collection: forests, woods, undergrowth
    "imaginary_being.n.01",  # imagination: dragons, giants, witches, mermaids
    "spiritual_being.n.01",  # belief: angels, demons, elves, fairies, goblins, vampires
    "currency.n.01",  # a medium of exchange: coins, banknotes
    "fire.n.01",  # an event: campfires, bonfires, wildfires
    "fire.n.03",  # a process (combustion): flames
)
PROCESS = "process.n.06"
MATERIAL = "substance.n.01"  # materials, fluids (beverages too), elements, body substances
AGENT = "substance.n.07"  # food, drugs, fuels, poisons: only food is kept
FOODS = ("food.n.01", "food.n.02")
LOCATION = "location.n.01"
BODY_PART = "body_part.n.01"
BONE_ANCHORS = ("bone.n.01", "skeletal_system.n.01")

# Hypernyms too general to help a caller find a noun it knows; ancestors stop short of them.
GENERAL_SYNSETS = (
    "entity.n.01",
    "physical_entity.n.01",
    "abstraction.n.06",
    "object.n.01",
    "whole.n.02",
    "thing.n.12",
    "matter.n.03",
    "causal_agent.n.01",
    "living_thing.n.01",
    "organism.n.01",
    "artifact.n.01",
    "instrumentality.n.03",
    "location.n.01",
    "region.n.03",
    "point.n.02",
    "group.n.01",
    "collection.n.01",
    "imagination.n.01",  # above imaginary beings
    "belief.n.01",  # above spiritual beings
    "medium_of_exchange.n.01",  # above currency
    "chemical_process.n.01",  # above combustion
    "happening.n.01",  # above fire, the event
    "substance.n.07",  # above food
    "solid.n.01",
)


@dataclass(frozen=True)
class Override:
    """A very common scene noun whose first concrete WordNet sense is wrong for a scene."""

    sense: int  # the sense number to keep (1 is the most frequent)
    category: str | None  # the category to use instead of the rule's, if any
    place: bool | None  # the place flag to use instead of the rule's, if any
    reason: str


OVERRIDES: dict[str, Override] = {
    "barrel": Override(2, None, None, "sense 1 is a gun barrel; a scene's barrels are casks"),
    "plant": Override(
        2, None, None, "sense 1 is a factory (industrial plant); a scene means a living plant"
    ),
    "booth": Override(
        2, "structure", False, "sense 1 is a restaurant booth (a table); a scene means a stall"
    ),
    "dome": Override(
        4, "structure", None, "sense 3 is a domed stadium; a scene's dome is the roof itself"
    ),
    "hammock": Override(
        2, None, None, "WordNet's senses are unranked; the first is the rare 'hummock' (a knoll)"
    ),
    "skeleton": Override(
        3, "item", None, "the unranked senses put a framework before the bones (remains)"
    ),
    "log": Override(1, None, None, "WordNet files the segment of a tree trunk as wood, a material"),
    "pyramid": Override(
        3, "structure", None, "only 'Pyramid' (the Egyptian ones) is the monument in WordNet"
    ),
    "unicorn": Override(
        1, "animal", None, "WordNet files it with giants and witches; it is drawn as a horse"
    ),
    "ticket booth": Override(
        1, "structure", False, "WordNet files it with 'box office', an office (a building)"
    ),
}
