"""Size and speed of the lexical tables (domain/scene/lexical): what loading and lookups cost.

Prints:
- the size of each generated module (source and compiled .pyc) and the total;
- in fresh interpreters (medians over --runs), without .pyc files (as here and in the Docker
  image, where PYTHONDONTWRITEBYTECODE is set: the tables compile from source on first use)
  and with them: importing the package after `domain.scene` (the tables must not load), the
  first `noun_sense` call (loads the noun table), the first `is_english_word` call (loads the
  word list), and the memory the two tables take once loaded;
- warm lookups (median per call over a word list): `noun_sense`, `singular`, `is_english_word`,
  and, for the record, the same membership test by `str.find` of "\\nword\\n" over the word
  list, the technique the bisection replaced.
Targets: tables under 3 MB in all; the package import loads nothing; a first call at most
15 ms (median); warm lookups in microseconds. Not a test: timings depend on the machine, and
on a shared one the least of the runs says more about the code than the median.

    .venv/bin/python bench/bench_lexicon.py [--runs 15]
"""

import argparse
import json
import marshal
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from domain.scene import lexical

ROOT = Path(__file__).resolve().parent.parent

TABLE_DIR = ROOT / "domain" / "scene" / "lexical"
DATA_MODULES = ("_nouns_data", "_words_data")
SIZE_TARGET_BYTES = 3_000_000
FIRST_CALL_TARGET_MS = 15.0
WORDS = (
    "rowboat ticket booths mice taverns pirate cannon haystack gargoyle cauldron moat crater "
    "oak teacher crab dome trains wolves cacti laboratory playground harbor tavrn hosue "
    "skeletns quarry orchard campsite zorblax dragons"
).split()

COLD_PROBE = """
import json, sys, time
sys.path.insert(0, {root!r})
import domain.scene  # the generator itself, not what is measured
start = time.perf_counter()
import domain.scene.lexical as lexical
imported = time.perf_counter()
loaded_on_import = [m for m in {modules!r} if "domain.scene.lexical." + m in sys.modules]
sense = lexical.noun_sense("rowboat")
noun_first = time.perf_counter()
word = lexical.is_english_word("taverns")
word_first = time.perf_counter()
from domain.scene.lexical import _nouns_data, _words_data
tables = [_nouns_data.NOUNS, _nouns_data.SYNSETS, _nouns_data.PLURALS, _words_data.WORDS]
print(json.dumps({{
    "import_ms": (imported - start) * 1000,
    "loaded_on_import": loaded_on_import,
    "noun_first_ms": (noun_first - imported) * 1000,
    "word_first_ms": (word_first - noun_first) * 1000,
    "memory_mb": sum(sys.getsizeof(table) for table in tables) / 1e6,
    "ok": sense is not None and word,
}}))
"""


def sizes() -> None:
    print("Generated tables (source; compiled, as a .pyc would hold it):")
    total_source = total_compiled = 0
    for name in DATA_MODULES:
        source = TABLE_DIR / f"{name}.py"
        compiled = len(marshal.dumps(compile(source.read_bytes(), str(source), "exec"))) + 16
        total_source += source.stat().st_size
        total_compiled += compiled
        print(f"  {name}.py  {source.stat().st_size:>10,} B; {compiled:>10,} B")
    verdict = "ok" if total_source <= SIZE_TARGET_BYTES else "OVER"
    print(f"  total            {total_source:>10,} B; {total_compiled:>10,} B  (3 MB: {verdict})")


def cold(runs: int, with_pyc: bool) -> None:
    """Medians over fresh interpreters; without a .pyc (PYTHONDONTWRITEBYTECODE, as in this
    environment and the Docker image) each run compiles the tables from source."""
    probe = COLD_PROBE.format(root=str(ROOT), modules=DATA_MODULES)
    env = dict(os.environ)
    with tempfile.TemporaryDirectory() as cache:
        command = [sys.executable, "-c", probe]
        if with_pyc:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            command[1:1] = ["-X", f"pycache_prefix={cache}"]  # the .pyc files go to a temp dir
            subprocess.run(command, env=env, capture_output=True, check=True)  # writes them
        else:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        results = []
        for _ in range(runs):
            done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
            results.append(json.loads(done.stdout))
    assert all(r["ok"] for r in results)

    def median(key: str) -> float:
        return statistics.median(r[key] for r in results)

    def least(key: str) -> float:
        return min(r[key] for r in results)

    loaded = sorted({m for r in results for m in r["loaded_on_import"]})
    label = "with .pyc files" if with_pyc else "no .pyc (compiled from source, as here)"
    print(f"Fresh interpreters, {label}, median (least) of {runs}:")
    tables = ", ".join(loaded) or "none (ok)"
    print(
        f"  import domain.scene.lexical     {median('import_ms'):6.2f} "
        f"({least('import_ms'):5.2f}) ms, tables: {tables}"
    )
    for key, name in (("noun_first_ms", "noun_sense"), ("word_first_ms", "is_english_word")):
        verdict = "ok" if median(key) <= FIRST_CALL_TARGET_MS else "OVER"
        print(f"  first {name:<25} {median(key):6.2f} ({least(key):5.2f}) ms  (15 ms: {verdict})")
    print(f"  the tables' strings in memory   {median('memory_mb'):6.2f} MB")


def per_call_us(function: object, words: list[str], repeats: int = 200) -> float:
    assert callable(function)
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        for word in words:
            function(word)
        timings.append((time.perf_counter() - start) / len(words))
    return statistics.median(timings) * 1e6


def warm() -> None:
    lexical.noun_sense("boat")
    lexical.is_english_word("boat")
    from domain.scene.lexical import _words_data

    table = _words_data.WORDS
    single = [w for w in WORDS if " " not in w]
    print(f"Warm lookups (median per call over {len(WORDS)} words):")
    print(f"  noun_sense                    {per_call_us(lexical.noun_sense, WORDS):7.2f} us")
    print(f"  singular                      {per_call_us(lexical.singular, WORDS):7.2f} us")
    print(f"  is_english_word               {per_call_us(lexical.is_english_word, single):7.2f} us")
    find_us = per_call_us(lambda w: table.find(f"\n{w}\n") >= 0, single, repeats=5)
    print(f"  (str.find over the word list  {find_us:7.2f} us, not used)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    sizes()
    cold(args.runs, with_pyc=False)
    cold(args.runs, with_pyc=True)
    warm()


if __name__ == "__main__":
    main()
