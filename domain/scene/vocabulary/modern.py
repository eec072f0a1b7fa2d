"""Modern kinds: an office's furniture and machines; streets, vehicles and parking."""

from domain.scene.model import KindSpec
from domain.scene.vocabulary.base import (
    AREA,
    BOX,
    MODERN,
    OBJECT,
    PATH,
    STRUCTURE,
    TERRAIN,
    kind,
)

# fmt: off
KINDS: tuple[KindSpec, ...] = (
    # --- office (indoor) --------------------------------------------------------------
    kind("office_desk", MODERN, OBJECT, BOX, (4, 2), "D", "solid open rotatable indoor",
         "office desk, work desk, computer desk, reception desk"),
    kind("office_chair", MODERN, OBJECT, BOX, (1, 1), "h", "solid indoor",
         "office chair, swivel chair, desk chair"),
    kind("computer", MODERN, OBJECT, BOX, (1, 1), "m", "solid indoor",
         "pc, laptop, monitor, workstation, desktop computer"),
    kind("cubicle", MODERN, OBJECT, BOX, (4, 3), "[", "open walkable indoor",
         "office cubicle, work cubicle"),
    kind("meeting_table", MODERN, OBJECT, BOX, (6, 3), "T", "solid open rotatable indoor",
         "meeting table, conference table, boardroom table"),
    kind("whiteboard", MODERN, OBJECT, BOX, (5, 1), "W", "solid mounted indoor",
         "white board, dry erase board, projector screen"),
    kind("filing_cabinet", MODERN, OBJECT, BOX, (2, 1), "F", "solid rotatable indoor",
         "filing cabinet, file cabinet, file drawer"),
    kind("printer", MODERN, OBJECT, BOX, (1, 1), "r", "solid indoor",
         "laser printer, inkjet printer"),
    kind("copier", MODERN, OBJECT, BOX, (2, 1), "P", "solid indoor",
         "photocopier, copy machine, photocopy machine, xerox"),
    kind("water_cooler", MODERN, OBJECT, BOX, (1, 1), "w", "solid indoor",
         "water cooler, water dispenser, drinking fountain"),
    kind("coffee_machine", MODERN, OBJECT, BOX, (1, 1), "k", "solid indoor",
         "coffee machine, coffee maker, espresso machine"),
    kind("vending_machine", MODERN, OBJECT, BOX, (1, 1), "V", "solid indoor",
         "vending machine, snack machine, soda machine, drinks machine"),
    kind("fridge", MODERN, OBJECT, BOX, (2, 1), "f", "solid indoor",
         "refrigerator, freezer, icebox"),
    kind("television", MODERN, OBJECT, BOX, (2, 1), "v", "solid indoor",
         "tv, tv set, telly, flatscreen"),
    kind("guard_post", MODERN, OBJECT, BOX, (3, 2), "A", "solid",
         "guard post, guard booth, guard station, security booth, security desk,"
         " security station, sentry box, sentry post, control booth, checkpoint booth"),
    kind("trash_can", MODERN, OBJECT, BOX, (1, 1), "u", "solid",
         "trash can, bin, garbage can, dustbin, wastebasket, waste basket, waste bin, "
         "litter bin, trash bin, rubbish bin, garbage bin, dumpster, wheelie bin, recycling bin,"
         " skip bin"),
    # --- street and parking (outdoor) -------------------------------------------------
    kind("building", MODERN, STRUCTURE, BOX, (5, 4), "H", "solid walled outdoor",
         "skyscraper, office building, office block, apartment building, apartment block, "
         "tower block, high rise, highrise, block of flats, town hall, city hall, guildhall,"
         " guild hall"),
    kind("school", MODERN, STRUCTURE, BOX, (6, 4), "S", "solid walled outdoor",
         "schoolhouse, school house, school building, academy"),
    kind("car_wash", MODERN, STRUCTURE, BOX, (4, 3), "K", "solid outdoor",
         "car wash, carwash, car washes"),
    kind("pipeline", MODERN, STRUCTURE, PATH, (1, 0), "-", "solid outdoor",
         "oil pipeline, gas pipeline, pipelines"),
    kind("ferris_wheel", MODERN, STRUCTURE, BOX, (4, 4), "O", "solid round outdoor",
         "ferris wheel, big wheel, observation wheel"),
    kind("crane", MODERN, STRUCTURE, BOX, (2, 2), "Y", "solid",
         "tower crane, construction crane, gantry crane, dock crane, harbor crane, cranes"),
    kind("sidewalk", MODERN, TERRAIN, PATH, (1, 0), ",", "walkable outdoor",
         "pavement, footway, walkway"),
    kind("crosswalk", MODERN, TERRAIN, BOX, (1, 3), "Z", "walkable rotatable outdoor",
         "zebra crossing, pedestrian crossing, cross walk"),
    kind("parking_lot", MODERN, TERRAIN, AREA, (12, 6), "=", "open walkable outdoor",
         "parking lot, car park, carpark, parking area"),
    kind("parking_space", MODERN, TERRAIN, BOX, (3, 2), "_", "open walkable rotatable outdoor",
         "parking space, parking spot, parking bay, parking place, bus bay, bus stand,"
         " bus berth"),
    kind("park", MODERN, TERRAIN, AREA, (10, 5), '"', "open walkable round outdoor",
         "city park, public park"),
    kind("playground", MODERN, TERRAIN, AREA, (5, 3), "p", "open walkable outdoor",
         "play area, jungle gym"),
    kind("car", MODERN, OBJECT, BOX, (2, 1), "c", "solid rotatable",
         "automobile, taxi, cab, sedan, police car, sports car"),
    kind("bus", MODERN, OBJECT, BOX, (4, 1), "B", "solid rotatable",
         "school bus, city bus, minibus, tram"),
    kind("truck", MODERN, OBJECT, BOX, (3, 1), "t", "solid rotatable",
         "lorry, van, pickup truck, delivery truck, fire truck, fire engine"),
    kind("bicycle", MODERN, OBJECT, BOX, (1, 1), "b", "solid",
         "bike, cycle, motorbike, motorcycle, scooter"),
    kind("fuel_pump", MODERN, OBJECT, BOX, (1, 1), "a", "solid outdoor",
         "gas pump, petrol pump, fuel pump, fuel dispenser, pump, pumps"),
    kind("canopy", MODERN, TERRAIN, AREA, (8, 4), "C", "walkable open outdoor",
         "awning, forecourt canopy, carport, shelter"),
    kind("lamppost", MODERN, OBJECT, BOX, (1, 1), "l", "solid outdoor",
         "lamp post, street light, streetlight, street lamp, streetlamp, light pole"),
    kind("traffic_light", MODERN, OBJECT, BOX, (1, 1), "!", "solid outdoor",
         "traffic light, stoplight, stop light, traffic signal"),
    kind("bus_stop", MODERN, OBJECT, BOX, (2, 1), "s", "solid rotatable outdoor",
         "bus stop, bus shelter, tram stop"),
    kind("hydrant", MODERN, OBJECT, BOX, (1, 1), "i", "solid outdoor",
         "fire hydrant"),
    kind("mailbox", MODERN, OBJECT, BOX, (1, 1), "o", "solid outdoor",
         "mail box, postbox, post box, letterbox, letter box, pillar box"),
    kind("billboard", MODERN, OBJECT, BOX, (3, 1), "E", "solid outdoor",
         "bill board, advertising board, hoarding"),
    # --- a playground and a sports ground -----------------------------------------------
    kind("slide", MODERN, OBJECT, BOX, (1, 3), "j", "solid rotatable outdoor",
         "playground slide, water slide"),
    kind("swing", MODERN, OBJECT, BOX, (3, 1), "y", "solid rotatable outdoor",
         "swing set, swingset, tire swing"),
    kind("seesaw", MODERN, OBJECT, BOX, (3, 1), "z", "solid rotatable outdoor",
         "see saw, teeter totter"),
    kind("bouncy_castle", MODERN, OBJECT, BOX, (3, 3), "I", "solid outdoor",
         "bouncy castle, bounce house, inflatable castle, jumping castle, bouncy house,"
         " inflatable slide"),
    kind("sandbox", MODERN, TERRAIN, AREA, (3, 2), "x", "open walkable outdoor",
         "sandpit, sand pit, sand box"),
    kind("railway", MODERN, TERRAIN, PATH, (1, 0), "#", "walkable outdoor",
         "rail, rails, railway track, railway tracks, railroad, railroad track, train track, "
         "train tracks, track, tracks, railway line, rail line, tram line, tramline, mine rails"),
    kind("railway_platform", MODERN, TERRAIN, AREA, (12, 2), "n", "open walkable",
         "train platform, station platform, railway platform, rail platform, island platform,"
         " subway platform, metro platform, tube platform"),
    kind("court", MODERN, TERRAIN, AREA, (14, 7), "Q", "open walkable",
         "basketball court, tennis court, volleyball court, badminton court, netball court,"
         " squash court, handball court, sports court, playing court, futsal court,"
         " basketball pitch, hockey rink, riding arena, riding ring, sand arena, manege,"
         " show ring, lunging ring, dueling circle, duelling circle, dueling ring, fighting ring,"
         " fighting pit, sparring ring, boxing ring, wrestling ring"),
    kind("helipad", MODERN, TERRAIN, AREA, (5, 5), "+", "open walkable",
         "helicopter pad, heliport, landing pad"),
    kind("motorhome", MODERN, OBJECT, BOX, (3, 1), "M", "solid rotatable",
         "rv, camper, camper van, campervan, motor home, recreational vehicle"),
    kind("hurdle", MODERN, OBJECT, BOX, (2, 1), "J", "solid rotatable",
         "agility jump, agility hurdle, agility obstacle, obstacle, show jump, agility ramp"),
    kind("bleachers", MODERN, STRUCTURE, BOX, (6, 2), "G", "solid rotatable",
         "bleacher, grandstand, seating stand, tribune, royal box, viewing stand,"
         " reviewing stand, viewing box, spectator stand"),
)
# fmt: on
