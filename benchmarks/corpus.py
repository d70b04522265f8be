"""A synthetic corpus in the Met's format, deterministic from a seed, for the benchmark only.

Each document is the Met's bundled response laid out exactly as the force wrote it, with
another reference, its years shifted (a request made in another year) and every figure
drawn afresh, so the adapters really parse it. The Met's own adapter reads the Met's
documents; the other 47 forces of the register are read by benchmark-only subclasses that
differ from it only in their force id and reference prefix (nn.FOI.yy.nnnnnn). Nothing here
is shipped in the bundled corpus.

The figures keep the rules the validation enforces, across every response of a force:
searches are at least 8,000 and matches at most 7,000 (so matches never exceed uses in any
period, whichever responses they come from), the Q2 and Q4 tables agree, shares sum to 100.
"""

import math
import random
import re
from dataclasses import dataclass
from pathlib import Path

from multiforce.forces.metropolitan import Metropolitan
from multiforce.schemas.register import force_ids

TEMPLATE = Path(Metropolitan.documents_folder()) / "01.FOI.22.022895.txt"
MET_PREFIX = "01"
OBSERVATIONS_PER_DOCUMENT = 28  # what the Met's adapter finds in one response of this layout
REFERENCE = re.compile(r"reference no: 01\.FOI\.22\.022895")
YEAR = re.compile(r"\b20[12]\d\b")


@dataclass(frozen=True)
class Scale:
    name: str
    documents: int
    responses_per_force: int | None = None  # None: documents spread over the forces in turn

    @property
    def observations(self) -> int:
        return self.documents * OBSERVATIONS_PER_DOCUMENT


SCALES = {
    "campaign": Scale("campaign", 48 * 3, responses_per_force=3),
    "archive": Scale("archive", 10_000),
    "stress": Scale("stress", math.ceil(1_000_000 / OBSERVATIONS_PER_DOCUMENT)),
    "smoke": Scale("smoke", 12),  # for the test that the benchmark's pieces run
}
BENCHMARK_SCALES = ("campaign", "archive", "stress")


def prefixes() -> dict[str, str]:
    """force id -> the two-digit prefix of its references; the Met keeps its own."""
    others = sorted(force_ids() - {"metropolitan"})
    return {
        "metropolitan": MET_PREFIX,
        **{force: f"{i:02d}" for i, force in enumerate(others, start=2)},
    }


def synthetic_adapter(force_id: str, prefix: str) -> type[Metropolitan]:
    """An adapter for the Met's layout under another force's id and reference prefix."""
    reference = rf"{prefix}\.FOI\.\d{{2}}\.\d{{6}}"
    return type(
        f"Synthetic_{force_id.replace('-', '_')}",
        (Metropolitan,),
        {
            "force_id": force_id,
            "recognise": rf"reference no: {reference}",
            "reference": rf"reference no: (?P<reference>{reference})",
            "__module__": __name__,
        },
    )


def adapters() -> dict[str, Metropolitan]:
    """One adapter per force: the Met's own for the Met, a synthetic one for each other force."""
    return {
        force: Metropolitan() if force == "metropolitan" else synthetic_adapter(force, prefix)()
        for force, prefix in prefixes().items()
    }


def document(template: str, rng: random.Random, prefix: str, shift: int, serial: int) -> str:
    """The template with another reference, years shifted by `shift` and every figure redrawn."""
    text = YEAR.sub(lambda m: str(int(m.group()) + shift), template)
    text = REFERENCE.sub(f"reference no: {prefix}.FOI.{22 + shift:02d}.{serial:06d}", text)
    searches: dict[str, int] = {}

    def searches_in(year: str) -> int:
        return searches.setdefault(year, rng.randint(8_000, 40_000))

    def n(low: int, high: int, grouped: bool = False) -> str:
        value = rng.randint(low, high)
        return f"{value:,}" if grouped else str(value)

    replacements = (
        (
            r"^• (?:An additional )?\d+(?= devices? (?:were )?deployed)",
            lambda m: re.sub(r"\d+", n(10, 600), m.group()),
        ),
        (r"(?<=We have approximately )\d+", lambda m: n(100, 3_000)),
        (r"^(\d{4}) \| \d+ \|$", lambda m: f"{m[1]} | {searches_in(m[1])} |"),
        (
            r"^(\d{4}) \| \d+ \| \d+ \| \d+ \|$",
            lambda m: f"{m[1]} | {searches_in(m[1])} | {n(500, 7_000)} | {n(20, 1_500)} |",
        ),
        (r"^(\d{4}) = \d+$", lambda m: f"{m[1]} = {n(5, 400)}"),
        (
            r"^(\d{4}) = \d+ and will increase by \d+$",
            lambda m: f"{m[1]} = {n(5, 400)} and will increase by {n(1, 60)}",
        ),
        (r"(?<= = )[\d,]+(?= \()", lambda m: n(1_000, 60_000, grouped=True)),
        (r"(?<=Total number extractions )[\d,]+", lambda m: n(5_000, 30_000, grouped=True)),
        (r"(?<=Total failed extractions )[\d,]+", lambda m: n(100, 4_000, grouped=True)),
        (
            r"= \d+% Suspect Devices / \d+% Victim devices / \d+% Witness devices",
            lambda m: _shares(rng),
        ),
    )
    for pattern, draw in replacements:
        text, found = re.subn(pattern, draw, text, flags=re.M)
        assert found, f"the template no longer has {pattern!r}"
    return text


def _shares(rng: random.Random) -> str:
    suspect = rng.randint(70, 96)
    victim = rng.randint(1, 99 - suspect)
    witness = 100 - suspect - victim
    return f"= {suspect}% Suspect Devices / {victim}% Victim devices / {witness}% Witness devices"


def plan(scale: Scale, seed: int):
    """Each document to make: (relative path, force, prefix, year shift, serial, random source)."""
    forces = list(prefixes())
    for i in range(scale.documents):
        rng = random.Random(f"{seed}/{scale.name}/{i}")
        if scale.responses_per_force:
            force, shift = (
                forces[i // scale.responses_per_force],
                (i % scale.responses_per_force) - 1,
            )
        else:
            force, shift = forces[i % len(forces)], rng.randint(-7, 2)
        prefix, serial = prefixes()[force], 100_000 + i
        yield (
            Path(force) / f"{prefix}.FOI.{22 + shift:02d}.{serial:06d}.txt",
            force,
            prefix,
            shift,
            serial,
            rng,
        )


def generate(folder: Path, scale: Scale, seed: int = 2022) -> list[tuple[Path, Metropolitan]]:
    """Write the scale's documents under folder/<force>/ and return (path, adapter) sources.

    The same seed and scale always give the same files, byte for byte."""
    template = TEMPLATE.read_text(encoding="utf-8")
    for relative, _force, prefix, shift, serial, rng in plan(scale, seed):
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(document(template, rng, prefix, shift, serial), encoding="utf-8")
    return sources(folder, scale, seed)


def sources(folder: Path, scale: Scale, seed: int = 2022) -> list[tuple[Path, Metropolitan]]:
    """The (path, adapter) sources of a corpus generated before, in generation order."""
    by_force = adapters()
    return [(folder / relative, by_force[force]) for relative, force, *_ in plan(scale, seed)]
