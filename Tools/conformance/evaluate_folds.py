#!/usr/bin/env python3
"""Surprise's RMSE on the folds that ``recscope evaluate`` wrote.

Usage (from the package root, in a virtual environment with
scikit-surprise; the Swift package never needs Python)::

    recscope evaluate DATA --folds 5 --seed 0 --write-folds /tmp/folds
    python Tools/conformance/evaluate_folds.py DATA_RATINGS /tmp/folds \
        [--json OUT] [--algos baseline,knn-basic,knn-means,svd] [--time]

``DATA_RATINGS`` is the ratings file the folds were cut from, with a
``user,item,rating`` header. It is read only to check that the test files
partition it (every rating tested exactly once) and to infer the rating
scale the way recscope does when none is given: whole numbers around the
smallest and largest rating (``--scale LO:HI`` overrides it).

The fold directory holds ``fold-N-train.csv`` and ``fold-N-test.csv`` for
N = 1, 2, ...; they are read with ``PredefinedKFold`` and a comma-separated
``Reader`` that skips the header (Surprise does not unquote fields, so ids
holding commas are not supported). Each file's order is the order recscope
trained in, which fixes Surprise's inner ids and neighbour tie-breaks.

Algorithms, as recscope names them, and their Surprise counterparts:

* ``baseline``: ``BaselineOnly()`` (ALS baselines, Surprise's defaults);
* ``knn-basic``: ``KNNBasic`` with user-based cosine, k 40, min_k 1;
* ``knn-means``: ``KNNWithMeans`` with item-based pearson, k 40, min_k 1;
* ``svd``: ``SVD()`` with its defaults (100 factors, 20 epochs, lr 0.005,
  reg 0.02, init N(0, 0.1)). SGD's starting factors come from NumPy, which
  recscope does not reproduce, so SVD is fitted with ``random_state``
  0..SEEDS-1 and the mean per fold is reported with its spread.

Output: one line per fold and algorithm on standard output; with
``--json`` also a file with the per-fold RMSE, the fold sizes and an
FNV-1a 64-bit fingerprint of each test file's bytes (so a test can check
that it is looking at the same folds); with ``--time``, the wall-clock
seconds of reading, fitting and testing all folds, per algorithm.
"""

import argparse
import json
import math
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import surprise
from surprise import (SVD, BaselineOnly, Dataset, KNNBasic, KNNWithMeans,
                      Reader, accuracy)
from surprise.model_selection import PredefinedKFold

SVD_SEEDS = 10


def algorithms(svd_seed):
    """The compared algorithms by recscope name, each a fresh instance."""
    return {
        "baseline": lambda: BaselineOnly(verbose=False),
        "knn-basic": lambda: KNNBasic(
            k=40, min_k=1, sim_options={"name": "cosine", "user_based": True},
            verbose=False),
        "knn-means": lambda: KNNWithMeans(
            k=40, min_k=1, sim_options={"name": "pearson", "user_based": False},
            verbose=False),
        "svd": lambda: SVD(random_state=svd_seed),
    }


def fnv1a64(data):
    """FNV-1a, 64 bits, of a byte string."""
    h = 0xCBF29CE484222325
    for byte in data:
        h ^= byte
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def read_rows(path):
    """(user, item, rating) rows of a CSV file with a header."""
    rows = []
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            line = line.strip()
            if line:
                user, item, rating = line.split(",")[:3]
                rows.append((user.strip(), item.strip(), float(rating)))
    return rows


def fold_paths(directory):
    pairs = []
    n = 1
    while (directory / f"fold-{n}-train.csv").exists():
        pairs.append((str(directory / f"fold-{n}-train.csv"),
                      str(directory / f"fold-{n}-test.csv")))
        n += 1
    if not pairs:
        sys.exit(f"error: no fold-1-train.csv in '{directory}'")
    return pairs


def check_partition(ratings, pairs):
    """Every rating of the data in exactly one test file."""
    tested = []
    for _, test in pairs:
        tested += read_rows(test)
    if sorted(tested) != sorted(ratings):
        sys.exit("error: the test files do not partition the ratings file")


def fold_rmse(data, make):
    """RMSE per fold, and the seconds all folds took."""
    start = time.perf_counter()
    out = []
    for trainset, testset in PredefinedKFold().split(data):
        algo = make()
        algo.fit(trainset)
        out.append(float(accuracy.rmse(algo.test(testset), verbose=False)))
    return out, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("ratings")
    parser.add_argument("folds")
    parser.add_argument("--json", help="write the results to this file")
    parser.add_argument("--algos", default="baseline,knn-basic,knn-means,svd")
    parser.add_argument("--scale", help="LO:HI; inferred by default")
    parser.add_argument("--svd-seeds", type=int, default=SVD_SEEDS)
    parser.add_argument("--time", action="store_true")
    args = parser.parse_args()

    ratings = read_rows(args.ratings)
    pairs = fold_paths(Path(args.folds))
    check_partition(ratings, pairs)
    if args.scale:
        lo, hi = (float(x) for x in args.scale.split(":"))
    else:
        values = [r for _, _, r in ratings]
        lo, hi = math.floor(min(values)), math.ceil(max(values))
        hi = hi if hi > lo else lo + 1
    reader = Reader(line_format="user item rating", sep=",", skip_lines=1,
                    rating_scale=(lo, hi))
    data = Dataset.load_from_folds(pairs, reader=reader)

    names = args.algos.split(",")
    result = {
        "surprise": surprise.__version__, "numpy": np.__version__,
        "python": sys.version.split()[0], "scale": [lo, hi],
        "folds": [
            {"train": len(read_rows(train)), "test": len(read_rows(test)),
             "test_fnv1a64": format(fnv1a64(Path(test).read_bytes()), "016x")}
            for train, test in pairs],
        "rmse": {},
    }
    seconds = {}
    for name in names:
        if name == "svd":
            runs = []
            took_all = 0.0
            for seed in range(args.svd_seeds):
                rmse, took = fold_rmse(data, algorithms(seed)["svd"])
                runs.append(rmse)
                took_all += took
            per_fold = list(zip(*runs))
            result["rmse"]["svd"] = [statistics.fmean(f) for f in per_fold]
            result["svd_seed_std"] = [statistics.pstdev(f) for f in per_fold]
            result["svd_seed_range"] = [[min(f), max(f)] for f in per_fold]
            result["svd_seeds"] = args.svd_seeds
            seconds["svd"] = took_all / args.svd_seeds
        else:
            rmse, took = fold_rmse(data, algorithms(0)[name])
            result["rmse"][name] = rmse
            seconds[name] = took

    for name in names:
        for n, value in enumerate(result["rmse"][name]):
            extra = ""
            if name == "svd":
                extra = f"  (seed std {result['svd_seed_std'][n]:.6f})"
            print(f"{name}\tfold {n + 1}\t{value!r}{extra}")
        if args.time:
            print(f"{name}\tseconds\t{seconds[name]:.3f}")
    if args.time:
        result["seconds"] = seconds
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
