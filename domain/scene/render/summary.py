"""The scene's quality summary in one line, as the CLI prints it and a page may show it."""

from collections.abc import Mapping


def quality_line(graph: Mapping[str, object]) -> str:
    """`Quality: 11 of 12 things placed, 5 of 6 relations held, 1 word not understood: blorf`,
    from a scene graph's `quality` (nothing when the graph has none)."""
    quality = graph.get("quality")
    if not isinstance(quality, Mapping):
        return ""
    parts = [
        f"{quality.get('thingsPlaced', 0)} of {quality.get('thingsAsked', 0)} things placed",
        f"{quality.get('relationsHeld', 0)} of {quality.get('relationsStated', 0)} relations held",
    ]
    words = quality.get("wordsNotUnderstood")
    if isinstance(words, list) and words:
        noun = "word" if len(words) == 1 else "words"
        listed = ", ".join(str(word) for word in words[:5]) + (", ..." if len(words) > 5 else "")
        parts.append(f"{len(words)} {noun} not understood: {listed}")
    if quality.get("defaultPlace"):
        parts.append(f"a default {graph.get('theme', 'place')} was drawn (nothing known named)")
    return "Quality: " + ", ".join(parts)
