"""Every kind and kind of place by name: the vocabulary's rows, and generic kinds on demand."""

from functools import lru_cache

from domain.scene import vocabulary as v
from domain.scene.model import KindSpec, Place
from domain.scene.vocabulary.generic import generic_kind

KIND_BY_NAME: dict[str, KindSpec] = {kind.name: kind for kind in v.KINDS}
SCENE_BY_NAME: dict[str, Place] = {scene.name: scene for scene in v.SCENES}


def kind_spec(name: str) -> KindSpec:
    """The kind called `name`: a vocabulary row, or a generic kind of a noun the lexical
    tables know (its lemma in snake case). KeyError for anything else."""
    known = KIND_BY_NAME.get(name)
    if known is not None:
        return known
    return _generic(name)


def is_kind(name: str) -> bool:
    if name in KIND_BY_NAME:
        return True
    try:
        _generic(name)
    except KeyError:
        return False
    return True


@lru_cache(maxsize=4096)
def _generic(name: str) -> KindSpec:
    from domain.scene import lexical

    sense = lexical.noun_sense(name.replace("_", " "))
    if sense is None or generic_name(sense.lemma) != name:
        raise KeyError(name)
    return generic_kind(name, sense.category, name[:1])


def generic_name(lemma: str) -> str:
    """A kind name for a lemma: lower-case letters and underscores (`ticket booth` ->
    `ticket_booth`)."""
    cleaned = "".join(c if c.isascii() and c.isalpha() else "_" for c in lemma.lower())
    return "_".join(part for part in cleaned.split("_") if part)
