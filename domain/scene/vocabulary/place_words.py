"""Words naming a whole place (one or two words; a plural is found from its singular).

A word that is also a kind (`island`, `forest`, `library`) names the place only when it opens
the prompt; elsewhere it is the kind.
"""


def _words(text: str) -> list[str]:
    return [word.strip() for word in text.split(",") if word.strip()]


# fmt: off
_PLACES: dict[str, str] = {
    "village": "village, town, hamlet, city, settlement, small town, medieval town, old town,"
               " village green",
    "forest": "forest, woods, woodland, jungle, wilderness, glade, clearing, grove, rainforest,"
              " rain forest, dark forest, pine forest, thicket",
    "dungeon": "dungeon, crypt, catacomb, catacombs, tomb,"
               " sewer, sewers, dungeon level, anthill, ant hill, ant nest, ant colony,"
               " termite mound, formicary",
    "cave": "cave, cavern, grotto, lair, den, cave system, cave interior, dragon lair, warren,"
            " goblin cave, bear den",
    "mine": "mine, mineshaft, mine shaft, dwarven mine, gold mine, coal mine, quarry",
    "island": "island, isle, islet, atoll, archipelago, island chain, chain of islands",
    "coast": "coastal village, coastal town, fishing village, fishing town, seaside village,"
             " coast, beach, shore, seaside, bay, seashore, coastline, cove, lagoon",
    "harbor": "harbor, harbour, port, docks, dockyard, marina, harbor town, harbour town,"
              " port town, fishing harbour, fishing harbor, fishing port, wharf",
    "desert": "desert, sahara, wasteland, badlands, dunes, desert planet, desert world",
    "snow": "snow, snowfield, snow field, snowscape, tundra, winter, arctic, antarctic,"
            " antarctica, glacier, winter landscape, snowy plain, snowy field, snowy landscape,"
            " ice field, antarctic research station, antarctic station, antarctic base,"
            " arctic research station, arctic station, polar station, polar research station",
    "swamp": "swamp, swampland, marsh, marshland, bog, fen, wetland, wetlands, mire, bayou",
    "hills": "hills, hill country, highlands, uplands, downs, foothills, hillside,"
             " rolling hills, moor, moors, moorland, meadow, meadows, countryside, valley,"
             " battlefield, battleground, battle field, field of battle",
    "mountains": "mountains, mountain range, mountain pass, mountainside, peaks, alps,"
                 " mountain top, mountaintop, volcano",
    "canyon": "canyon, gorge, ravine, mesa",
    "street": "street, city street, main street, high street, downtown, city block, avenue,"
              " boulevard, street corner, intersection, neighborhood, neighbourhood,"
              " suburb, suburbs, cul de sac, alley, alleyway",
    "parking_lot": "parking lot, car park, carpark, parking area, parking garage, parking deck,"
                   " car lot, used car lot, car dealership, dealership",
    "camp": "camp, campsite, camp site, camping site, campground, camping ground, encampment,"
            " military camp, army camp, war camp, bandit camp, goblin camp, orc camp,"
            " hunting camp, base camp, bivouac, hideout, hideaway, outlaw camp,"
            " forward operating base, firebase, fire base, warcamp, raider camp, scavenger camp,"
            " survivor camp, refugee camp",
    "castle": "castle, fortress, fort, citadel, stronghold, castle grounds",
    "graveyard": "graveyard, cemetery, churchyard, burial ground, necropolis",
    "market": "market, marketplace, market square, bazaar, town square, village square,"
              " plaza, fair, fairground, flea market, carnival, funfair, fun fair, county fair,"
              " amusement park, theme park, night market",
    "farm": "farm, farmstead, farmyard, ranch, homestead, barnyard, riding school,"
            " riding stables, equestrian center, equestrian centre, stud farm, horse farm",
    "ruins": "ruins, ruin, ruined city, ruined temple, ancient ruins, temple ruins, castle ruins,"
             " church ruins, abbey ruins, monastery ruins, fort ruins, city ruins, tower ruins,"
             " palace ruins, chapel ruins, village ruins",
    "lake": "lake, lakeside, lakeshore, lake shore",
    "seabed": "seabed, sea bed, sea floor, seafloor, ocean floor, sea bottom, bottom of the sea,"
              " underwater, undersea, under the sea, dive site, diving site",
    "park": "park, city park, public park, garden, gardens, botanical garden, zen garden,"
            " japanese garden, rock garden, sculpture garden, backyard,"
            " back yard, front yard, back garden, front garden, yard",
    "playground": "playground, play area, schoolyard",
    "airport": "airport, airfield, airstrip, aerodrome",
    "train_station": "train station, railway station, railroad station, train platform,"
                     " railway platform, station platform, subway station, metro station,"
                     " underground station, tube station, subway platform, metro platform",
    "sports_field": "football field, soccer field, sports field, stadium, pitch, arena,"
                    " football stadium, soccer stadium, baseball stadium,"
                    " baseball field, football pitch, basketball court, tennis court,"
                    " volleyball court, netball court, badminton court, running track,"
                    " athletics track, rugby pitch, cricket pitch, cricket ground, soccer pitch,"
                    " hockey pitch, hockey field, lacrosse field, softball field",
    "zoo": "zoo, safari park, wildlife park",
    # --- indoors -------------------------------------------------------------------------
    "room": "room, interior, house interior, cottage interior,"
            " apartment, flat, studio, nursery, dormitory, ward room, concert hall, ballroom,"
            " auditorium, council chamber, meeting room, conference room, boardroom,"
            " hall, hallway, corridor interior, chamber, study",
    "bedroom": "bedroom, bed room, master bedroom, kids room, childs room, bedchamber,"
               " guest room, hotel room",
    "bathroom": "bathroom, restroom, washroom, toilet room",
    "lobby": "lobby, hotel lobby, foyer, reception hall, entrance hall, atrium, waiting room",
    "bathhouse": "bath house, bathhouse, roman bath, roman baths, thermae, public bath,"
                 " public baths, spa, steam room, sauna",
    "laundromat": "laundromat, launderette, laundry, laundry room, washhouse",
    "living_room": "living room, sitting room, parlor, parlour, lounge, den room, family room",
    "dining_hall": "dining room, dining hall, mess hall, canteen, cafeteria, banquet hall,"
                   " feast hall, refectory",
    "cellar": "cellar, basement, wine cellar, storeroom, store room, pantry",
    "attic": "attic, loft, garret",
    "tavern": "taproom, tap room, barroom, tavern interior, inn interior, pub interior,"
              " common room, saloon interior, bar interior, nightclub, night club, disco,"
              " discotheque, dance club, dance hall, space bar, cantina, space cantina",
    "restaurant": "restaurant, cafe, coffee shop, coffeehouse, coffee house, diner, bistro,"
                  " food court, pizzeria, pizza place, pizza parlor, pizza parlour, pizza shop",
    "temple": "temple, chapel, sanctuary, nave, church interior, temple interior,"
              " cathedral interior, monastery interior",
    "throne_room": "throne room, throne hall, audience chamber, audience hall, great hall,"
                   " royal court, castle interior, palace interior, mead hall, castle hall",
    "library": "library, reading room, archive, archives, scriptorium, library interior",
    "shop": "shop interior, store interior, boutique, emporium, supermarket, grocery store,"
            " grocery, convenience store, department store, general store, apothecary,"
            " pharmacy, bookstore, bookshop, pawn shop, tailor shop",
    "smithy": "smithy interior, forge interior, blacksmith shop",
    "armory": "armory, armoury, weapons room, arsenal",
    "kitchen": "kitchen, scullery, cookhouse, galley, ship galley, restaurant kitchen,"
               " pizza place kitchen, commercial kitchen, pizzeria kitchen",
    "bakery": "bakery, bakehouse, patisserie",
    "classroom": "classroom, class room, schoolroom, school room, lecture hall, lecture room,"
                 " kindergarten",
    "office": "office, open office, office space, office floor, cubicle farm, workplace,"
              " call center, call centre, newsroom, detective office, police station",
    "laboratory": "laboratory, lab, chemistry lab, science lab, alchemist lab,"
                  " alchemy lab, alchemist laboratory, research lab, cryo lab, cryogenics lab,"
                  " cryo bay, cloning lab, biolab, bio lab",
    "hospital_ward": "hospital ward, ward, infirmary, hospital room, clinic, sick bay,"
                     " sickbay, operating room, emergency room, medbay, med bay, medical bay",
    "museum": "museum, museum hall, gallery, art gallery, exhibition hall, exhibit hall",
    "prison": "prison, jail, gaol, prison block, cell block, dungeon cells, prison cells",
    "barracks": "barracks, guardhouse, guard house, bunkhouse, bunk room, dorm,"
                " crew quarters, living quarters, sleeping quarters, quarters, crew cabin",
    "warehouse": "warehouse, storehouse, depot, stockroom, loading dock, factory, factory floor,"
                 " assembly plant, production floor, manufacturing plant, shop floor, hangar,"
                 " hangar bay, aircraft hangar, mech hangar",
    "workshop": "workshop, carpentry shop, workroom, toy workshop",
    "bank": "bank, bank vault, treasury, counting house",
    "gym": "gym, gymnasium, fitness center, fitness centre, dojo, training hall,"
           " training room",
    "theater": "theater, theatre, cinema, movie theater, movie theatre, opera house,"
               " concert hall stage",
    "courtroom": "courtroom, court room, council hall",
    "greenhouse": "greenhouse, hothouse, conservatory, hydroponics bay, hydroponic bay,"
                  " hydroponics deck, hydroponics lab, hydroponics garden, hydroponic garden,"
                  " hydroponics farm, hydroponic farm, grow room, vertical farm",
    "stable": "stable, stables, horse stable",
    "server_room": "server room, data center, data centre, computer room",
    "station_hall": "station hall, waiting hall, waiting room, train station waiting hall,"
                    " ticket hall, concourse",
    "bus_station": "bus terminal, bus station, bus depot, coach station",
    "airport_terminal": "airport terminal, departure lounge, departure hall, arrivals hall,"
                        " gate area",
    "garage": "garage, auto shop, car workshop, repair shop",
    "spaceship_bridge": "spaceship, starship, space ship, star ship, spacecraft,"
                        " spaceship bridge, starship bridge, command deck, flight deck,"
                        " cockpit, bridge of a starship, bridge of the starship,"
                        " bridge of a spaceship, bridge of the spaceship, bridge of a ship,"
                        " bridge of the ship, command center, command centre, control center,"
                        " control centre, operations center, operations centre, ops center",
    "space_station": "space station, spacestation, starbase, star base, orbital station,"
                     " space base, cargo bay, cargo hold, engineering bay, mining station,"
                     " research station, asteroid base, asteroid station, orbital platform,"
                     " science bay, storage bay",
    "colony": "mars colony, space colony, moon base, moonbase, lunar base, mars base,"
              " martian colony, lunar colony, planet surface, alien planet, moon surface,"
              " lunar surface, martian surface, surface of mars, surface of the moon,"
              " research base, research outpost, mining colony, mining outpost, planetary base,"
              " terraforming outpost, mars outpost, martian outpost, moon outpost, lunar outpost,"
              " space outpost, mars habitat, mars settlement, lunar settlement, moon colony,"
              " offworld colony, frontier colony, colony on mars",
    "rooftop": "rooftop, roof top, roof terrace, rooftop terrace, hospital rooftop,"
               " rooftop helipad",
    "gas_station": "gas station, petrol station, filling station, service station, fuel"
                   " station, truck stop",
    "ship_deck": "ship deck, deck, pirate ship, pirate ship deck, galleon, ship, sailing ship,"
                 " ghost ship, ships deck, main deck, upper deck",
    "ship_cabin": "ship cabin, captain cabin, stateroom",
    "tower_room": "tower room, tower interior, lighthouse interior",
    "passenger_cabin": "passenger cabin, airplane cabin, aircraft cabin, train carriage,"
                       " railway carriage, bus interior, plane interior, airplane interior",
    "vet_clinic": "vet clinic, veterinary clinic, vet surgery, animal hospital, vets,"
                  " veterinarian, veterinary practice, vet practice, pet clinic",
    "salon": "hair salon, salon, beauty salon, barbershop, barber shop, barbers,"
             " hairdresser, hairdressers, nail salon",
    "teleporter_room": "teleporter room, transporter room, teleport room, teleporter bay,"
                       " transporter bay",
    "engine_room": "engine room, reactor room, boiler room, machine room, submarine,"
                   " submarine control room, control room",
}
# fmt: on

SCENE_WORDS: dict[str, str] = {
    word: place for place, words in _PLACES.items() for word in _words(words)
}
