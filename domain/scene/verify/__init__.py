"""Stage 3, checking: each requested relation judged on the placed nodes alone."""

from domain.scene.verify.relations import verify_relations

__all__ = ["verify_relations"]
