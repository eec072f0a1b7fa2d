"""Words the reader acts on or reads quietly, beyond the vocabulary's tables."""

# Verbs and participles that describe without placing anything: read, and ignored quietly.
QUIET_WORDS = frozenset(
    """
    sleeping sleeps sleep resting rests rest guarding guards guard waiting grazing
    grazes graze playing plays play sitting standing lying leaning hanging hangs hang
    burning burns glowing glows flowing flows flow running runs winding winds stretching
    stretches overlooking overlooks watching watches watch looking looks look facing
    lined lining scattered scatter spread placed arranged arrange set put keep kept
    leading leads perched perches nestled tucked hidden parked moored docked floating
    floats float growing grows grow blooming roaming roams wandering wanders patrolling
    patrols working works serving serves selling sells stacked piled heaped filled
    covered dotted surrounded bordered crowded packed busy cozy cosy inside interior
    also too some kind sort really quite rather fairly slightly somewhat its their his
    her our your my whose which while where when who sings sing singing dances dance
    dancing drinks drink drinking eats eat eating talks talk talking chatting reads read
    reading writes writing cooking cooks cook brewing brews fighting fights fight prays
    pray praying kneeling kneels hammering hammers forging forges studying studies
    teaching teaches typing types sits stands lies lean leans shines shining flickering
    flickers crackling crackles bubbling bubbles dripping drips snoring snores lurking
    lurks hiding hides prowling prowls circling circles swimming swims flying flies
    nesting nests fishing fishes anchored offshore
    """.split()
)

# Words with a meaning of their own to the reader (negation, arrangements, interiors).
READER_WORDS = frozenset(
    """
    walled
    without except excluding but not any none nor inside interior outside each every
    both either rows row grid lines ring circle corners corner walls wall side sides
    facing opposite head foot crossroads crossroad intersection junction
    """.split()
)

# Arrangements of a group and the patterns that name a second thing, added to the
# vocabulary's relation phrases. Pseudo-predicates (`~...`) become stated relations in
# `parse/arrangements.py`.
# fmt: off
PATTERN_PHRASES: tuple[tuple[str, str], ...] = (
    *((f"{lead} {shape}", "~rows") for lead in ("in", "in neat", "in two", "in three",
      "in four", "in five", "in six", "in seven", "in eight", "in nine", "in ten",
      "in straight", "in tidy", "set out in", "arranged in", "laid out in",
      "lined up in") for shape in ("rows", "a row", "a grid", "lines", "a line", "columns",
      "ranks")),
    ("lined up", "~rows"), ("in a neat row", "~rows"),
    *((f"in a {shape}", "~ring") for shape in ("ring", "circle", "round")),
    *((f"{lead} a {shape} around", "around") for lead in ("in", "forming", "standing in")
      for shape in ("ring", "circle", "square")),
    ("in a square", "~rows"), ("forming a square", "~rows"), ("in a 2x2 grid", "~rows"),
    *((f"{lead} {which} {corner}", "~each_corner") for lead in ("at", "in", "on")
      for which in ("each", "every", "all four", "the four", "all the", "all", "all 4", "the 4",
                    "4")
      for corner in ("corner", "corners", "corner of", "corners of")),
    ("in the corners", "~each_corner"), ("in the corners of", "~each_corner"),
    ("at the corners of", "~each_corner"), ("at the corners", "~each_corner"),
    *((f"{lead} {both} {side} of", "~both_sides") for lead in ("on", "along", "lining", "at")
      for both in ("both", "either", "each") for side in ("side", "sides")),
    ("on both sides", "~both_sides"), ("on either side", "~both_sides"),
    *((f"{lead} opposite {side} of", "~both_sides") for lead in ("on", "at")
      for side in ("sides", "ends", "banks", "shores", "edges")),
    ("along the sides", "~both_sides"), ("at the sides", "~both_sides"),
    *((f"{lead} {both} long {side}", "~both_sides") for lead in ("on", "along", "lining")
      for both in ("both", "the", "either") for side in ("side", "sides")),
    ("at each end", "~ends"), ("at either end", "~ends"), ("at both ends", "~ends"),
    ("at the ends", "~ends"), ("at opposite ends", "~ends"), ("on either end", "~ends"),
    ("at the two ends", "~ends"), ("one at each end", "~ends"),
    *((f"{lead} {both} long walls", "~long_walls") for lead in ("on", "along", "lining",
      "against") for both in ("both", "the", "the two")),
    *((f"{lead} {both}", "~long_walls") for lead in ("on", "along", "lining", "against", "by")
      for both in ("both walls", "either wall", "both side walls", "the side walls")),
    ("side by side", "~rows"), ("next to each other", "~rows"), ("in a line", "~rows"),
    ("all around", "~all_around"), ("all the way around", "~all_around"),
    ("on all sides", "~walls"), ("on every side", "~walls"), ("on all four sides", "~walls"),
    *((f"{verb} {which} sides", "~walls") for verb in ("lining", "along", "around", "on")
      for which in ("all four", "all the", "the four", "all")),
    ("around the edge", "~all_around"), ("around the edges", "~all_around"),
    ("around the perimeter", "~all_around"), ("round the perimeter", "~all_around"),
    ("along the perimeter", "~all_around"), ("around the outside", "~all_around"),
    ("around the whole", "~all_around"), ("around everything", "~all_around"),
    *((f"{verb} the {edge}", "~walls") for verb in ("along", "lining", "on", "at")
      for edge in ("edge", "edges")),
    ("one after another", "~rows"), ("one behind the other", "~rows"),
    ("one at each end", "~ends"), ("on each end", "~ends"), ("at opposite ends", "~ends"),
    ("at the head", "~head"), ("at the top end", "~head"),
    ("at the far end", "~head"), ("at the end", "~head"), ("at the other end", "~head"),
    ("at one end", "~head"),
    ("along both sides", "~both_sides"), ("on each side", "~both_sides"),
    ("flanking", "~both_sides"), ("standing either side of", "~both_sides"),
    ("either side of", "~both_sides"),
    *((f"{lead} {which} side", "~both_sides") for lead in ("along", "lining", "down", "at")
      for which in ("each", "either")),
    *((f"{verb} {which} {wall}", "~walls") for verb in ("lining", "along", "against", "on",
      "around", "by", "covering") for which in ("the", "every", "all", "all the", "all four",
      "each", "two", "three") for wall in ("wall", "walls")),
    ("facing", "facing"), ("facing toward", "facing"), ("facing towards", "facing"),
    ("pointing at", "facing"), ("pointing toward", "facing"), ("pointing towards", "facing"),
    ("pointing out to", "facing"), ("pointing out at", "facing"), ("looking out to", "facing"),
    ("looking out over", "facing"), ("aimed at", "facing"),
    ("turned toward", "facing"), ("turned towards", "facing"), ("looking at", "facing"),
    ("opposite", "across_from"), ("opposite to", "across_from"), ("opposite of", "across_from"),
    ("across from", "across_from"), ("directly opposite", "across_from"),
    ("on the opposite side of", "across_from"), ("on the other side of", "across_from"),
    ("at the head of", "at_head_of"), ("at the top end of", "at_head_of"),
    ("at the end of", "at_head_of"), ("at one end of", "at_head_of"),
    ("at either end of", "at_head_of"), ("at the foot of", "next_to"),
    ("at each end of", "at_head_of"), ("at both ends of", "at_head_of"),
    ("at the top of", "~top_of"), ("at the bottom of", "~top_of"),
    ("at the edge of", "next_to"), ("on the edge of", "next_to"), ("on the shore of", "next_to"),
    ("on the banks of", "along"), ("on the bank of", "along"), ("on the outskirts of", "near"),
    ("sitting on", "on"), ("standing on", "on"), ("lying on", "on"), ("resting on", "on"),
    ("sleeping on", "on"), ("perched on", "on"), ("floating on", "on"),
    *((f"{verb} {on}", "on") for verb in ("sitting", "standing", "lying", "resting", "sleeping",
      "perched", "mounted", "set", "placed", "sat", "stood") for on in ("on top of", "atop",
      "up on", "high on")),
    ("guarding", "near"), ("protecting", "near"), ("watching over", "near"),
    ("attacking", "near"), ("attacks", "near"), ("chasing", "near"), ("chases", "near"),
    ("approaching", "near"), ("stalking", "near"), ("menacing", "near"),
    ("among", "near"), ("amongst", "near"), ("amid", "near"), ("amidst", "near"),
    ("in among", "near"), ("in amongst", "near"),
    *((f"{verb} {to}", "next_to") for verb in ("tied", "tied up", "tethered", "chained", "hitched",
      "attached", "fastened", "bolted", "lashed", "strapped", "moored", "docked", "chained up")
      for to in ("to", "at")),
    ("leaning against", "next_to"), ("propped against", "next_to"), ("leant against", "next_to"),
    *((f"on the {which} {bank}", "~bank") for which in ("far", "other", "opposite")
      for bank in ("bank", "side", "shore")),
    ("on the bank", "~bank"), ("on the riverbank", "~bank"), ("on the river bank", "~bank"),
    ("leading up to", "connected_to"),
    ("up to the", "connected_to"),  # `a ladder up to the hatch` (not `up to five houses`)
    ("up to a", "connected_to"), ("up to an", "connected_to"),
    ("poking out of", "near"), ("sticking out of", "near"), ("rising out of", "near"),
    ("jutting out of", "near"), ("growing out of", "near"), ("emerging from", "near"),
    ("flowing into", "next_to"), ("flows into", "next_to"), ("running into", "next_to"),
    ("emptying into", "next_to"), ("draining into", "next_to"),
    ("on the banks", "~bank"), ("along the banks", "~bank"), ("on its banks", "~bank"),
    ("along the bank", "~bank"), ("running up to", "connected_to"),
    *((f"{verb} down to", "connected_to") for verb in ("running", "runs", "leading", "leads",
      "going", "goes", "winding", "winds", "sloping", "slopes")),
    ("lined with", "~lined_with"), ("lined by", "~lined_with"), ("flanked by", "~lined_with"),
    ("bordered by", "~lined_with"), ("edged with", "~lined_with"),
)
# fmt: on
