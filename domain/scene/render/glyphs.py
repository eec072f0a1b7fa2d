"""Which character each kind gets on one map: its own glyph unless another kind took it."""

from domain.scene import catalog
from domain.scene.model import Place

_POOL = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789&%*+=?!$#@^<>[]{}()/|;:',`\"-_~"
)
FLOOR_GLYPH = "."


def assign_glyphs(kinds: list[str], style: Place) -> dict[str, str]:
    """Kinds in order of first appearance -> glyph, unique except water, which shares."""
    theme = style.family
    ordered = sorted(
        dict.fromkeys(kinds), key=lambda k: 0 if catalog.kind_spec(k).family == theme else 1
    )
    taken: dict[str, str] = {}  # glyph -> kind
    reserved = {style.terrain_glyph, FLOOR_GLYPH, " "}
    out: dict[str, str] = {}
    for name in ordered:
        kind = catalog.kind_spec(name)
        for glyph in _choices(name, kind.glyph):
            holder = taken.get(glyph)
            sharing = holder is not None and kind.water and catalog.kind_spec(holder).water
            terrain_water = glyph == style.terrain_glyph and kind.water and style.terrain == "sea"
            native = glyph == kind.glyph and glyph == FLOOR_GLYPH and style.terrain_glyph != glyph
            if (holder is None or sharing) and (glyph not in reserved or terrain_water or native):
                out[name] = glyph
                taken.setdefault(glyph, name)
                break
    return out


def _choices(name: str, glyph: str) -> list[str]:
    options = [glyph]
    if glyph.isalpha():
        options.append(glyph.swapcase())
    options.extend(ch for ch in name.upper() + name.lower() if ch.isalpha())
    options.extend(_POOL)
    return options
