"""Village kinds (outdoor): buildings, streets, walls and water, livestock and villagers."""

from domain.scene.model import KindSpec
from domain.scene.vocabulary.base import (
    ACTOR,
    AREA,
    BOX,
    OBJECT,
    PATH,
    STRUCTURE,
    TERRAIN,
    VILLAGE,
    kind,
)

# fmt: off
KINDS: tuple[KindSpec, ...] = (
    # kind(name, family, layer, shape, footprint, glyph, flags, synonyms)
    kind("house", VILLAGE, STRUCTURE, BOX, (4, 3), "H", "solid walled outdoor",
         "cottage, home, hut, cabin, dwelling, shack, farmhouse, lodge"),
    kind("tavern", VILLAGE, STRUCTURE, BOX, (5, 3), "N", "solid walled outdoor",
         "inn, pub, alehouse, saloon"),
    kind("church", VILLAGE, STRUCTURE, BOX, (5, 4), "+", "solid walled outdoor",
         "chapel, temple, cathedral, abbey, monastery"),
    kind("castle", VILLAGE, STRUCTURE, BOX, (8, 5), "K", "solid walled outdoor",
         "fort, fortress, citadel, palace, stronghold"),
    kind("tower", VILLAGE, STRUCTURE, BOX, (2, 2), "I", "solid outdoor",
         "turret, spire, belfry, keep, donjon, great tower"),
    kind("watchtower", VILLAGE, STRUCTURE, BOX, (2, 2), "l", "solid outdoor",
         "watch tower, lookout tower, lookout, guard tower"),
    kind("barn", VILLAGE, STRUCTURE, BOX, (5, 3), "B", "solid walled outdoor",
         "stable, shed, granary"),
    kind("windmill", VILLAGE, STRUCTURE, BOX, (3, 3), "W", "solid outdoor",
         "mill, watermill"),
    kind("smithy", VILLAGE, STRUCTURE, BOX, (4, 3), "S", "solid walled outdoor",
         "forge, blacksmith, workshop"),
    kind("shop", VILLAGE, STRUCTURE, BOX, (4, 3), "$", "solid walled outdoor",
         "store, bakery, general store, trading post"),
    kind("library", VILLAGE, STRUCTURE, BOX, (5, 3), "L", "solid walled outdoor",
         "library building, public library"),
    kind("market_stall", VILLAGE, OBJECT, BOX, (2, 1), "s", "solid rotatable",
         "market stall, stall, booth, kiosk, vendor stall, food stall, fruit stall"),
    kind("well", VILLAGE, OBJECT, BOX, (1, 1), "o", "solid outdoor",
         "water well"),
    kind("fountain", VILLAGE, OBJECT, BOX, (2, 2), "Q", "solid",
         "fountains"),
    kind("statue", VILLAGE, OBJECT, BOX, (1, 1), "!", "solid",
         "monument, obelisk, sculpture"),
    kind("bench", VILLAGE, OBJECT, BOX, (3, 1), "b", "solid rotatable",
         "park bench, garden bench, long bench"),
    kind("market", VILLAGE, TERRAIN, AREA, (9, 4), "_", "open walkable outdoor",
         "marketplace, plaza, square, town square, village square, market square, bazaar, "
         "courtyard"),
    kind("field", VILLAGE, TERRAIN, AREA, (9, 4), '"', "open walkable outdoor",
         "farmland, crops, wheat, pasture, cornfield, wheat field, crop field"),
    kind("yard", VILLAGE, TERRAIN, AREA, (9, 5), "Y", "open walkable outdoor",
         "backyard, back yard, front yard, back garden, front garden"),
    kind("pen", VILLAGE, TERRAIN, AREA, (6, 4), "P", "open walkable outdoor",
         "sheep pen, pigpen, pig pen, sheepfold, fold, corral, paddock, animal pen, stockyard, "
         "petting zoo, pens, enclosure, animal enclosure, zoo enclosure"),
    kind("garden", VILLAGE, TERRAIN, AREA, (5, 3), "%", "open walkable outdoor",
         "orchard, flowerbed, vegetable garden, allotment, raised bed, garden bed,"
         " vegetable bed, vegetable patch, vegetable plot, garden plot, herb garden, herb bed,"
         " pumpkin patch, strawberry patch, cabbage patch"),
    kind("maze", VILLAGE, TERRAIN, AREA, (10, 6), "z", "open walkable outdoor",
         "hedge maze, garden maze, labyrinth"),
    kind("moat", VILLAGE, TERRAIN, PATH, (1, 0), "w", "water outdoor",
         "castle moat, ditch"),
    kind("graveyard", VILLAGE, TERRAIN, AREA, (6, 4), "t", "open walkable outdoor",
         "cemetery, churchyard, burial ground"),
    kind("road", VILLAGE, TERRAIN, PATH, (1, 0), ":", "walkable connector outdoor",
         "street, lane, avenue, boulevard, highway, path, trail, dirt track, farm track, footpath, "
         "curb, kerb, curbside, roadside, boardwalk, board walk, causeway"),
    kind("bridge", VILLAGE, STRUCTURE, PATH, (1, 0), "=", "walkable connector",
         "footbridge, drawbridge"),
    kind("river", VILLAGE, TERRAIN, PATH, (2, 0), "~", "water outdoor",
         "stream, brook, creek, canal, channel, waterway"),
    kind("wall", VILLAGE, STRUCTURE, PATH, (1, 0), "#", "solid outdoor",
         "city wall, town wall, stone wall, palisade, rampart"),
    kind("fence", VILLAGE, STRUCTURE, PATH, (1, 0), "x", "solid outdoor",
         "railing, picket fence, jousting list, jousting lists, tilt, tilt barrier,"
         " jousting barrier, jousting lane"),
    kind("grave", VILLAGE, OBJECT, BOX, (1, 1), "U", "walkable outdoor",
         "tombstone, headstone, gravestone, burial mound"),
    kind("mausoleum", VILLAGE, STRUCTURE, BOX, (3, 2), "M", "solid outdoor",
         "family crypt, sepulchre, sepulcher, burial vault, mausoleums"),
    kind("cart", VILLAGE, OBJECT, BOX, (2, 1), "c", "solid rotatable",
         "wagon, carriage, wheelbarrow"),
    kind("haystack", VILLAGE, OBJECT, BOX, (1, 1), "y", "solid",
         "hay bale, hay stack, hay, hayrick, bale"),
    kind("target", VILLAGE, OBJECT, BOX, (1, 1), "O", "solid",
         "archery target, practice target, target dummy, training dummy, practice dummy,"
         " straw target, butt, archery butt"),
    kind("scarecrow", VILLAGE, OBJECT, BOX, (1, 1), "X", "solid outdoor",
         "scare crow"),
    kind("person", VILLAGE, ACTOR, BOX, (1, 1), "@", "walkable",
         "villager, people, man, men, woman, women, child, children, peasant, farmer, merchant, "
         "couple, dancer, customer, visitor, tourist, shopper, "
         "traveler, traveller, citizen, adventurer, hero, pedestrian, office worker, clerk, "
         "employee, worker, patron, customer, priest, monk, nun, student, pupil, teacher, "
         "shopkeeper, tourist, bard, minstrel, musician, singer, "
         "dancer, king, queen, prince, princess, lord, lady, noble, nobleman, courtier, jester, "
         "servant, maid, cook, chef, baker, smith, beggar, pilgrim, "
         "scholar, librarian, visitor, guest, drinker, sailor, fisherman, fishermen, hunter, "
         "npc, survivor, townsfolk, townsperson, someone, somebody, halfling, halflings"),
    kind("bartender", VILLAGE, ACTOR, BOX, (1, 1), "E", "walkable",
         "barkeep, barkeeper, barman, barmaid, innkeeper, tavern keeper, tavernkeeper,"
         " publican, bar staff"),
    kind("guard", VILLAGE, ACTOR, BOX, (1, 1), "g", "walkable",
         "soldier, knight, sentry, watchman, watchmen, policeman, police officer, cop"),
    kind("army", VILLAGE, ACTOR, BOX, (4, 3), "a", "walkable",
         "regiment, battalion, legion, warband, war band, cohort, battle line"),
    kind("crowd", VILLAGE, ACTOR, BOX, (4, 2), "m", "walkable",
         "audience, throng, mob"),
    kind("horse", VILLAGE, ACTOR, BOX, (1, 1), "h", "walkable",
         "pony, stallion, mare"),
    kind("cow", VILLAGE, ACTOR, BOX, (1, 1), "C", "walkable",
         "cattle, ox, oxen, bull, calf, goat"),
    kind("sheep", VILLAGE, ACTOR, BOX, (1, 1), "e", "walkable",
         "lamb, ram, ewe"),
    kind("pig", VILLAGE, ACTOR, BOX, (1, 1), "p", "walkable",
         "swine, piglet, sow, hog"),
    kind("chicken", VILLAGE, ACTOR, BOX, (1, 1), "k", "walkable",
         "hen, rooster, cockerel, chick"),
    kind("dog", VILLAGE, ACTOR, BOX, (1, 1), "d", "walkable",
         "hound, puppy, sheepdog, sheep dog, collie"),
    kind("campfire", VILLAGE, OBJECT, BOX, (1, 1), "*", "solid outdoor",
         "fire, firepit, fire pit, camp fire"),
    kind("bonfire", VILLAGE, OBJECT, BOX, (2, 2), "F", "solid outdoor",
         "pyre, funeral pyre, balefire"),
    kind("tent", VILLAGE, STRUCTURE, BOX, (2, 2), "A", "solid outdoor",
         "pavilion, yurt"),
    kind("trough", VILLAGE, OBJECT, BOX, (2, 1), "u", "solid rotatable",
         "water trough, horse trough, feeding trough, drinking trough"),
    kind("signpost", VILLAGE, OBJECT, BOX, (1, 1), "?", "solid",
         "sign, signpost, notice board, post, stake, hitching post"),
)
# fmt: on
