"""Science-fiction kinds: a spaceship's bridge, a space station, its crew and machines."""

from domain.scene.model import KindSpec
from domain.scene.vocabulary.base import ACTOR, BOX, OBJECT, SCIFI, STRUCTURE, kind

# fmt: off
KINDS: tuple[KindSpec, ...] = (
    kind("console", SCIFI, OBJECT, BOX, (2, 1), "=", "solid rotatable indoor",
         "control console, control panel, computer console, terminal, computer terminal, "
         "helm, navigation console"),
    kind("captain_chair", SCIFI, OBJECT, BOX, (1, 1), "h", "solid indoor",
         "captain chair, captain 's chair, captains chair, command chair, command seat"),
    kind("viewscreen", SCIFI, OBJECT, BOX, (6, 1), "W", "solid mounted indoor",
         "view screen, main screen, screen, display screen, viewport"),
    kind("hologram_table", SCIFI, OBJECT, BOX, (3, 2), "O", "solid open indoor",
         "hologram table, holotable, holo table, holographic table, hologram, holoprojector"),
    kind("airlock", SCIFI, STRUCTURE, BOX, (1, 1), "+", "walkable mounted",
         "air lock, hatch, pressure door, blast door, docking port, docking hatch"),
    kind("cryo_pod", SCIFI, OBJECT, BOX, (1, 2), "0", "solid rotatable indoor",
         "cryo pod, cryopod, cryo chamber, stasis pod, sleep pod, sleeping pod, hibernation pod, "
         "pod"),
    kind("escape_pod", SCIFI, OBJECT, BOX, (2, 2), "e", "solid indoor",
         "escape pod, lifepod, life pod, escape capsule"),
    kind("teleporter", SCIFI, OBJECT, BOX, (2, 2), "T", "walkable indoor",
         "transporter, transporter pad, teleport pad, teleporter pad, teleportation pad,"
         " transporter platform, teleporter platform, warp pad"),
    kind("reactor", SCIFI, OBJECT, BOX, (3, 3), "*", "solid indoor",
         "fusion reactor, power core, warp core, reactor core, generator"),
    kind("engine", SCIFI, OBJECT, BOX, (3, 2), "E", "solid indoor",
         "thruster, ion engine, hyperdrive, warp drive, rocket engine"),
    kind("locker", SCIFI, OBJECT, BOX, (1, 1), "L", "solid indoor",
         "storage locker, equipment locker"),
    kind("cargo_crate", SCIFI, OBJECT, BOX, (1, 1), "]", "solid",
         "cargo crate, cargo container, cargo box, supply crate, shipping container, ammo dump,"
         " ammunition dump, munitions dump, supply dump, ammo crate, ammo cache, supply cache"),
    kind("spaceship", SCIFI, STRUCTURE, BOX, (6, 3), "S", "solid",
         "starship, space ship, star ship, spacecraft, rocket, shuttle, space shuttle, "
         "flying saucer, ufo, starliner, star liner, space liner, spaceliner, star cruiser,"
         " space cruiser, space carrier, colony ship, generation ship, space freighter"),
    kind("satellite_dish", SCIFI, OBJECT, BOX, (2, 2), "Y", "solid outdoor",
         "satellite dish, radar dish, radar, antenna, comms array, moisture vaporator, vaporator,"
         " sensor mast"),
    kind("solar_panel", SCIFI, OBJECT, BOX, (3, 1), "%", "solid rotatable outdoor",
         "solar panel, solar array, solar panel array, solar farm, photovoltaic panel"),
    kind("dome", SCIFI, STRUCTURE, BOX, (4, 3), "D", "solid round",
         "habitat dome, habitat, biodome, geodesic dome, hab module, habitat module"),
    kind("rover", SCIFI, OBJECT, BOX, (2, 1), "r", "solid rotatable",
         "mars rover, lunar rover, moon buggy, space rover, planetary rover, landspeeder,"
         " land speeder, speeder bike, hovercar, hover car, hoverbike"),
    kind("robot", SCIFI, ACTOR, BOX, (1, 1), "R", "walkable",
         "droid, android, automaton, cyborg, drone, robotic arm, robot arm, industrial robot,"
         " mechanical arm, welding robot, mech, mecha, battle mech, exosuit, power armor,"
         " power armour"),
    kind("crew_member", SCIFI, ACTOR, BOX, (1, 1), "@", "walkable",
         "crew member, crewmember, crewman, crewmen, crew, astronaut, cosmonaut, spaceman, "
         "ensign"),
    kind("alien", SCIFI, ACTOR, BOX, (1, 1), "a", "walkable",
         "extraterrestrial, martian, xenomorph"),
)
# fmt: on
