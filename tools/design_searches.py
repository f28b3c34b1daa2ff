"""Run the inverse-design searches of qdbook.design and store them (``make designs``).

Writes ``qdbook/data/design_searches.json`` (inputs, provenance, results) and
``qdbook/data/brw_designs.csv`` (every BRW design the searches evaluated, one a
line). The pages and the tests read these files; ``tests/physics/test_design.py``
recomputes a sample of them on every ``make test``.
"""

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qdbook import design  # noqa: E402


def main():
    """Run the searches and write the two files."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=design.SEED)
    parser.add_argument("--n-sample", type=int, default=512)
    parser.add_argument("--de-maxiter", type=int, default=8)
    parser.add_argument("--out", type=Path, default=design.SEARCH_FILE)
    args = parser.parse_args()
    result = design.run_searches(args.seed, args.n_sample, args.de_maxiter,
                                 progress=lambda msg: print(msg, flush=True))
    rows = np.array(result["brw"].pop("all_designs"))
    csv = args.out.with_name("brw_designs.csv")
    result["brw"]["all_designs_file"] = csv.name
    args.out.write_text(json.dumps(result, indent=1) + "\n")
    np.savetxt(csv, rows, fmt="%.6g", delimiter=",",
               header=",".join(result["inputs"]["design_columns"]))
    print(f"wrote {args.out} and {csv} ({len(rows)} designs) in "
          f"{result['provenance']['run_time_s']} s")


if __name__ == "__main__":
    main()
