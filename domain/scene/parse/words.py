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
    her our your my whose which while where when who
    """.split()
)

# Words with a meaning of their own to the reader (negation, arrangements, interiors).
READER_WORDS = frozenset(
    """
    without except excluding but not any none nor inside interior outside each every
    both either rows row grid lines ring circle corners corner walls wall side sides
    facing opposite head foot crossroads crossroad intersection junction
    """.split()
)
