"""Coast and water kinds: islands, sea and beach, boats and piers, shore animals."""

from domain.scene.model import KindSpec
from domain.scene.vocabulary.base import ACTOR, AREA, BOX, COAST, OBJECT, STRUCTURE, TERRAIN, kind

# fmt: off
KINDS: tuple[KindSpec, ...] = (
    kind("island", COAST, TERRAIN, AREA, (28, 14), ".", "open walkable round outdoor",
         "isle, islet, atoll"),
    kind("sea", COAST, TERRAIN, AREA, (48, 6), "~", "water edge outdoor",
         "ocean, water, waves, bay, tide, coast, seaside, seashore, seafront, sea front, "
         "coastline, harbor, harbour, port, fjord, inlet, estuary, gulf"),
    kind("beach", COAST, TERRAIN, AREA, (14, 3), ":", "open walkable outdoor",
         "sand, shore, shoreline, sandbank"),
    kind("lighthouse", COAST, STRUCTURE, BOX, (2, 3), "L", "solid outdoor",
         "beacon"),
    kind("palm", COAST, OBJECT, BOX, (1, 1), "Y", "solid outdoor",
         "palm tree, coconut tree, coconut palm"),
    kind("umbrella", COAST, OBJECT, BOX, (1, 1), "P", "solid outdoor",
         "beach umbrella, parasol, sunshade"),
    kind("sandcastle", COAST, OBJECT, BOX, (2, 1), "C", "solid outdoor",
         "sand castle"),
    kind("shell", COAST, OBJECT, BOX, (1, 1), "s", "walkable outdoor",
         "seashell, sea shell, conch, clam"),
    kind("fishing_net", COAST, OBJECT, BOX, (2, 1), "n", "walkable rotatable",
         "fishing net, net, drying net"),
    kind("boat", COAST, OBJECT, BOX, (2, 1), "b", "solid afloat rotatable outdoor",
         "canoe, rowboat, raft, sailboat, dinghy, fishing boat"),
    kind("ship", COAST, OBJECT, BOX, (5, 2), "J", "solid afloat rotatable outdoor",
         "galleon, vessel, frigate"),
    kind("buoy", COAST, OBJECT, BOX, (1, 1), "o", "solid afloat outdoor",
         "marker buoy, bell buoy"),
    kind("pier", COAST, STRUCTURE, BOX, (1, 4), "#", "walkable afloat rotatable outdoor",
         "dock, jetty, wharf, quay, slip, berth, mooring, boat slip, floating dock, pontoon"),
    kind("wreck", COAST, OBJECT, BOX, (3, 2), "%", "solid outdoor",
         "shipwreck, wrecked ship, sunken ship, ship wreck, wrecked boat, derelict ship"),
    kind("crab", COAST, ACTOR, BOX, (1, 1), "x", "walkable",
         "lobster, turtle"),
    kind("seagull", COAST, ACTOR, BOX, (1, 1), "v", "walkable",
         "gull, pelican, albatross"),
    kind("seal", COAST, ACTOR, BOX, (1, 1), "S", "walkable",
         "sea lion, walrus"),
    kind("fish", COAST, ACTOR, BOX, (1, 1), "f", "walkable afloat",
         "dolphin, shark, whale, school of fish, shoal"),
)
# fmt: on
