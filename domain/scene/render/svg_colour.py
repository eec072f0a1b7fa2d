"""Colours for the SVG map: WCAG contrast, and darker or lighter shades of a colour."""


def rgb(colour: str) -> tuple[int, int, int]:
    value = colour.lstrip("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = rgb(colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def mix(a: str, b: str, share: float) -> str:
    """`share` of `b` mixed into `a`."""
    ra, ga, ba = rgb(a)
    rb, gb, bb = rgb(b)
    r = round(ra + (rb - ra) * share)
    g = round(ga + (gb - ga) * share)
    bl = round(ba + (bb - ba) * share)
    return f"#{r:02x}{g:02x}{bl:02x}"


def darker(colour: str, share: float = 0.45) -> str:
    return mix(colour, "#000000", share)


def lighter(colour: str, share: float = 0.45) -> str:
    return mix(colour, "#ffffff", share)
