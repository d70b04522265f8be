"""Instructions per document of reading, parsing and the audit, as valgrind's callgrind counts
them: `python -m benchmarks.instructions [--documents 50] [--scale stress]`.

CPU time moves by a third from one run to the next on a shared machine, so a change that saves
a few percent of a document's reading cannot be seen in it; the count of instructions is the
same every run of the same code. Run it before and after a change to the reading. It is not one
of the benchmark's figures (the targets are times). It needs valgrind, and takes about a
minute for 50 documents (and the corpus's generation: 10 s for the archive's, 30 s for the
stress corpus's, whose documents hold more figures than the campaign's).
"""

import argparse
import re
import shutil
import sys
import tempfile
from pathlib import Path

from benchmarks import corpus
from benchmarks.run import run_stage


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=50, help="how many to count")
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument(
        "--scale",
        choices=corpus.BENCHMARK_SCALES,
        default="campaign",
        help="the corpus whose first documents are counted",
    )
    parser.add_argument(
        "--fresh",
        action="store_true",
        help="empty the memories of recent passages before each document, as if its text were "
        "new (the corpus repeats the Met's letter, whose paragraphs are otherwise remembered)",
    )
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit(
            "benchmarks/instructions.py counts instructions with valgrind, which is not "
            "installed: install it (apt-get install valgrind) and run again."
        )
    with tempfile.TemporaryDirectory(prefix="multiforce-instructions-") as work:
        counts = Path(work) / "callgrind.out"
        run_stage("generate", args.scale, work, args.seed)
        documents = run_stage(
            "instructions",
            args.scale,
            work,
            args.seed,
            args.documents,
            "yes" if args.fresh else "no",
            # counting off until the stage switches it on, after its warm-up
            under=(
                "valgrind",
                "--tool=callgrind",
                "--instr-atstart=no",
                f"--callgrind-out-file={counts}",
            ),
            env={"PYTHONHASHSEED": "0"},  # one order of sets and dicts: the same count every run
        )["documents"]
        collected = int(re.search(r"^totals: (\d+)", counts.read_text(), re.M)[1])
    print(
        f"{collected / documents / 1e6:.2f} million instructions a document "
        f"(reading, parsing and the audit of {documents} {args.scale} documents, seed {args.seed}"
        + (", each read as new text)" if args.fresh else ")")
    )


if __name__ == "__main__":
    main()
