#!/usr/bin/env python3
"""recscope's factorization and evaluation times beside Surprise's.

Usage (from the package root, after ``swift build -c release``)::

    python Tools/bench/compare_surprise.py [--recscope PATH] [--seed N]
        [--work DIR] [--repeat N]

Steps:

1. ``recscope generate`` writes MovieLens-sized data with a fixed seed:
   100K (943 users, 1,682 items) and 1M (6,040 users, 3,706 items).
2. ``recscope bench --sizes 100k,1m --lab`` times our figures. It
   generates its data from the same seed, and the script checks that its
   ratings files are byte for byte the ones of step 1.
3. ``recscope evaluate --folds 5 --seed 0 --write-folds`` writes the 100K
   folds that bench cross-validated on.
4. When ``import surprise`` works, Surprise is timed on the same files:

   * SVD, one epoch at 1M: ``SVD(n_epochs=1).fit(trainset)``, its
     defaults otherwise (100 factors, lr 0.005, reg 0.02), so the time is
     drawing the starting factors plus one SGD pass; the trainset is built
     beforehand and not timed. The median of ``--repeat`` fits. recscope's
     figure is the median of 3 epochs' update loops.
   * KNNBasic, user-based cosine, k 40, 5-fold at 100K on the fold files,
     by ``Tools/conformance/evaluate_folds.py --time`` (reading, fitting
     and testing every fold, one after another). recscope's figure is
     ``evaluate``'s split, fits and tests, folds on every core, with the
     training error measured on one rating.

The table gives each figure, recscope's value, Surprise's, and the ratio
Surprise / recscope (how many times faster recscope is). ALS and fold-in
have no Surprise counterpart. Without Surprise, one line says so and
recscope's figures are printed alone. Timings depend on what else the
machine runs; the last line gives the load average when the script began.
"""

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SIZES = {
    "100k": ("943", "1682", "100000"),
    "1m": ("6040", "3706", "1000000"),
}


def run(command, **kwargs):
    """Runs a command, stopping the script with its errors if it fails."""
    result = subprocess.run(command, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.exit(f"error: {' '.join(map(str, command))} failed:\n"
                 + result.stderr)
    return result.stdout


def generate(recscope, seed, work):
    """The ratings file of each size, written by ``recscope generate``."""
    paths = {}
    for name, (users, items, ratings) in SIZES.items():
        out = work / name
        run([recscope, "generate", "--users", users, "--items", items,
             "--ratings", ratings, "--seed", str(seed), "--out", str(out)])
        paths[name] = out / "ratings.csv"
    return paths


def bench(recscope, seed, work, paths):
    """bench's lab figures per size, after checking it used our files."""
    directory = work / "bench"
    output = run([recscope, "bench", "--sizes", ",".join(SIZES), "--lab",
                  "--seed", str(seed), "--dir", str(directory), "--json"])
    for name, path in paths.items():
        benched = directory / name / "ratings.csv"
        if benched.read_bytes() != path.read_bytes():
            sys.exit(f"error: bench's {benched} differs from {path}")
    return {row["size"]: row for row in json.loads(output)}


def surprise_svd_epoch(path, repeat):
    """Median seconds of ``SVD(n_epochs=1).fit`` on the ratings file."""
    from surprise import SVD, Dataset, Reader

    reader = Reader(line_format="user item rating", sep=",", skip_lines=1,
                    rating_scale=(1, 5))
    trainset = Dataset.load_from_file(str(path), reader).build_full_trainset()
    seconds = []
    for seed in range(repeat):
        algo = SVD(n_epochs=1, random_state=seed)
        start = time.perf_counter()
        algo.fit(trainset)
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds)


def surprise_knn_folds(path, folds):
    """Seconds of Surprise's 5-fold KNNBasic on the fold files."""
    output = run([sys.executable,
                  str(ROOT / "Tools/conformance/evaluate_folds.py"),
                  str(path), str(folds), "--algos", "knn-basic", "--time"])
    for line in output.splitlines():
        fields = line.split("\t")
        if fields[:2] == ["knn-basic", "seconds"]:
            return float(fields[2])
    sys.exit("error: evaluate_folds.py printed no knn-basic seconds")


def cell(value, unit):
    return "—" if value is None else f"{value:.3g} {unit}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--recscope",
                        default=str(ROOT / ".build/release/recscope"))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", help="keep the files here; a temporary "
                        "directory by default")
    parser.add_argument("--repeat", type=int, default=3,
                        help="Surprise SVD fits to take the median of")
    args = parser.parse_args()
    if not Path(args.recscope).is_file():
        sys.exit(f"error: no recscope at {args.recscope}; build it with "
                 "'swift build -c release' or pass --recscope")
    load = os.getloadavg()[0]

    with tempfile.TemporaryDirectory(prefix="recscope-compare-") as scratch:
        work = Path(args.work or scratch)
        work.mkdir(parents=True, exist_ok=True)
        paths = generate(args.recscope, args.seed, work)
        ours = bench(args.recscope, args.seed, work, paths)
        has_surprise = importlib.util.find_spec("surprise") is not None
        folds = work / "folds"
        if has_surprise:
            run([args.recscope, "evaluate", str(paths["100k"].parent),
                 "--folds", "5", "--seed", "0", "--algo", "knn-basic",
                 "--train-sample", "1", "--write-folds", str(folds)])

        rows = [
            ("SGD epoch, biased MF, 100 factors, 1M", "s",
             ours["1m"]["sgd_epoch_s"],
             lambda: surprise_svd_epoch(paths["1m"], args.repeat)),
            ("ALS iteration, 20 factors (its default), 1M", "s",
             ours["1m"]["als_iteration_s"], None),
            ("fold-in of one user, median, 1M", "ms",
             ours["1m"]["fold_in_median_ms"], None),
            ("5-fold CV, k-NN basic user cosine, 100K", "s",
             ours["100k"]["cv5_s"],
             lambda: surprise_knn_folds(paths["100k"], folds)),
        ]
        if not has_surprise:
            print(f"Surprise is not importable in {sys.executable}; "
                  "recscope's figures alone:")
            print("figure\trecscope")
            for figure, unit, value, _ in rows:
                print(f"{figure}\t{cell(value, unit)}")
        else:
            import surprise
            print("figure\trecscope\tSurprise\tratio")
            for figure, unit, value, measure in rows:
                theirs = measure() if measure else None
                ratio = (f"{theirs / value:.1f}×"
                         if theirs is not None and value else "—")
                print(f"{figure}\t{cell(value, unit)}\t"
                      f"{cell(theirs, unit)}\t{ratio}")
            print(f"# Surprise {surprise.__version__}, Python "
                  f"{sys.version.split()[0]}")
    print(f"# seed {args.seed}; load average {load:.2f} on "
          f"{os.cpu_count()} cores when started")


if __name__ == "__main__":
    main()
