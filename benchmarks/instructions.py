"""Instructions per document of reading, parsing and the audit, as valgrind's callgrind counts
them: `python -m benchmarks.instructions [--documents 50]`.

CPU time moves by a third from one run to the next on a shared machine, so a change that saves
a few percent of a document's reading cannot be seen in it; the count of instructions is the
same every run of the same code. Run it before and after a change to the reading. It is not one
of the benchmark's figures (the targets are times). It needs valgrind, and takes about a
minute for 50 documents.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

from benchmarks import corpus
from benchmarks.run import ROOT, run_stage

SCALE = corpus.SCALES["campaign"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=50, help="how many to count")
    parser.add_argument("--seed", type=int, default=2022)
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        sys.exit(
            "benchmarks/instructions.py counts instructions with valgrind, which is not "
            "installed: install it (apt-get install valgrind) and run again."
        )
    with tempfile.TemporaryDirectory(prefix="multiforce-instructions-") as work:
        run_stage("generate", SCALE.name, work, args.seed)
        done = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--instr-atstart=no",  # the stage switches counting on after its warm-up
                "--callgrind-out-file=/dev/null",
                sys.executable,
                "-m",
                "benchmarks.stages",
                "instructions",
                SCALE.name,
                work,
                str(args.seed),
                str(args.documents),
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
            # one order of sets and dicts of strings, for the same count every run
            env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0"},
        )
    collected = re.search(r"Collected : (\d+)", done.stderr)
    if done.returncode != 0 or collected is None:
        sys.exit(f"the counted run failed:\n{done.stdout[-3000:]}\n{done.stderr[-3000:]}")
    documents = json.loads(done.stdout.strip().splitlines()[-1])["documents"]
    print(
        f"{int(collected[1]) / documents / 1e6:.2f} million instructions a document "
        f"(reading, parsing and the audit of {documents} documents, seed {args.seed})"
    )


if __name__ == "__main__":
    main()
