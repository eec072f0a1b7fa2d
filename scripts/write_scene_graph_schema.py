"""Regenerate domain/scene/scene_graph.schema.json from the scene graph's msgspec structs."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from domain.scene import SCENE_GRAPH_SCHEMA_FILE, scene_graph_schema

target = Path(__file__).resolve().parent.parent / "domain" / "scene" / SCENE_GRAPH_SCHEMA_FILE
target.write_text(json.dumps(scene_graph_schema(), indent=2, sort_keys=True) + "\n")
print(f"wrote {target}")
