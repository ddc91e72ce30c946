#!/usr/bin/env python3
"""Reference values from Surprise for recscope's conformance tests.

What it makes
-------------
Into ``Tests/RecscopeCoreTests/Fixtures/`` (paths relative to the package
root):

* ``conformance-ratings.csv``: a generated rating set (60 users ``u1..u60``,
  40 items ``i1..i40``, 893 ratings, header ``user,item,rating``), built
  deterministically from ``random.Random(GEN_SEED)``: long-tailed user
  activity (1 to 35 ratings) and item popularity (8 to 59 ratings), at most
  one rating per (user, item), ratings 1..5 with about 20% half-stars, rows
  shuffled, two users with one rating,
  one user whose ratings are all equal, one pair of users with identical
  profiles and one pair of items with identical columns (exactly tied
  similarities).
* ``teaching.json``, ``essay.json``, ``generated.json``: what Surprise
  computes on ``Samples/teaching/ratings.csv``, ``Samples/essay/ratings.csv``
  and ``conformance-ratings.csv``, each read with
  ``Reader(line_format='user item rating', sep=',', skip_lines=1,
  rating_scale=(1, 5))`` and ``build_full_trainset()``:

  - ``users`` / ``items``: raw ids in Surprise inner-id order;
  - ``global_mean``;
  - ``baselines``: ``bu`` / ``bi`` of ``BaselineOnly()`` (ALS, 10 epochs,
    reg_u 15, reg_i 10);
  - ``similarities``: ``algo.sim`` of a fitted ``KNNBasic`` for cosine, msd,
    pearson, pearson_baseline x user_based true/false x min_support 1 and 3,
    and for pearson_baseline x shrinkage 100 and 10 (20 matrices);
  - ``predictions``: ``algo.predict(uid, iid, clip=True)`` as rows
    ``[uid, iid, est, was_impossible, reason]`` for KNNBasic, KNNWithMeans,
    KNNWithZScore and KNNBaseline x user_based x {cosine, msd, pearson,
    pearson_baseline} with k=40, min_k=1, min_support=1, shrinkage=100; the
    same grid with the extra settings (k=3, min_k=1), (k=2, min_k=2) and
    (k=40, min_k=3, min_support=3); and BaselineOnly (sim, user_based, k,
    min_k, min_support and shrinkage are null for it). 129 configs in each
    file; the generated set did not need trimming (its JSON stays under
    3 MB).

  Pairs predicted: for the two samples every (user, item) of the trainset in
  inner-id order (user-major); for the generated set a fixed sample
  (``random.Random(PAIR_SEED)``) of 300 unrated and 30 rated pairs, sorted by
  inner ids. Then, in every file, the unknown cases: user ``nobody`` with the
  first two items, item ``nothing`` with the first two users, and
  ``nobody``/``nothing``.

  Floats are written by Python's json module (repr, so they round-trip
  exactly). NaN and infinities are written as null and counted in the
  top-level ``nonfinite`` field (it is 0 for all three files as generated).

How to run
----------
From the package root, with a scratch virtual environment outside the
repository (the Swift package never needs Python)::

    python3 -m venv /tmp/venv-surprise
    /tmp/venv-surprise/bin/pip install numpy scikit-surprise
    /tmp/venv-surprise/bin/python Tools/conformance/make_expected.py

``--check`` additionally recomputes every number in plain Python following
``Tools/conformance/NOTES.md`` (``reference_check.py``, no Surprise or numpy
needed for that part) and reports how many differ from Surprise's bit for
bit (none did).

Versions it was run with
------------------------
Python 3.11.7, scikit-surprise 1.1.5 (manylinux wheel), numpy 2.4.6
(scipy 1.17.1, joblib 1.6.0 pulled in by Surprise), x86_64 Linux.
"""

import argparse
import json
import math
import random
import sys
from pathlib import Path

import numpy as np
import surprise
from surprise import (
    BaselineOnly,
    Dataset,
    KNNBaseline,
    KNNBasic,
    KNNWithMeans,
    KNNWithZScore,
    Reader,
)

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "Tests" / "RecscopeCoreTests" / "Fixtures"
GENERATED_CSV = FIXTURES / "conformance-ratings.csv"

GEN_SEED = 20240611
PAIR_SEED = 7
SIMS = ["cosine", "msd", "pearson", "pearson_baseline"]
ALGOS = {
    "KNNBasic": KNNBasic,
    "KNNWithMeans": KNNWithMeans,
    "KNNWithZScore": KNNWithZScore,
    "KNNBaseline": KNNBaseline,
}
# (k, min_k, min_support); shrinkage is 100 in all of them.
KNN_SETTINGS = [(40, 1, 1), (3, 1, 1), (2, 2, 1), (40, 3, 3)]
SHRINKAGE = 100
UNKNOWN_USER = "nobody"
UNKNOWN_ITEM = "nothing"


# --------------------------------------------------------------------------
# The generated dataset
# --------------------------------------------------------------------------

def fmt_rating(r):
    return str(int(r)) if r == int(r) else str(r)


def generate_ratings():
    """Return the generated ratings as shuffled (user, item, rating) rows."""
    rng = random.Random(GEN_SEED)
    n_users, n_items = 60, 40

    # Activity rank -> raw id, popularity rank -> raw id (shuffled, so that
    # the ids carry no order).
    user_ids = [f"u{n}" for n in range(1, n_users + 1)]
    item_ids = [f"i{n}" for n in range(1, n_items + 1)]
    rng.shuffle(user_ids)
    rng.shuffle(item_ids)

    # Long-tailed activity: 34 ratings for the heaviest users, 1 for the
    # lightest two.
    counts = [
        max(1, min(34, round(42 * math.exp(-((r / 24) ** 1.3)))))
        for r in range(n_users)
    ]
    counts[-2:] = [1, 1]
    # Long-tailed popularity (Zipf-like weights by rank, drawn without
    # replacement).
    item_weight = [1.0 / (r + 1) ** 1.8 for r in range(n_items)]
    user_bias = [rng.gauss(0, 0.6) for _ in range(n_users)]
    item_bias = [rng.gauss(0, 0.7) for _ in range(n_items)]

    def draw(u_rank, i_rank):
        base = 3.4 + user_bias[u_rank] + item_bias[i_rank] + rng.gauss(0, 0.9)
        if rng.random() < 0.2:
            return min(4.5, max(1.5, math.floor(base) + 0.5))
        return float(min(5, max(1, math.floor(base + 0.5))))

    rated = {}  # (u_rank, i_rank) -> rating
    for u_rank in range(n_users):
        pool = list(range(n_items))
        for _ in range(counts[u_rank]):
            weights = [item_weight[i] for i in pool]
            i_rank = rng.choices(pool, weights=weights)[0]
            pool.remove(i_rank)
            rated[(u_rank, i_rank)] = draw(u_rank, i_rank)

    # Every item rated at least once (by one of the heavy users).
    for i_rank in range(n_items):
        if not any(i == i_rank for (_, i) in rated):
            u_rank = next(u for u in range(n_users) if (u, i_rank) not in rated)
            rated[(u_rank, i_rank)] = draw(u_rank, i_rank)

    def profile_u(u):
        return {i: r for (u2, i), r in rated.items() if u2 == u}

    def profile_i(i):
        return {u: r for (u, i2), r in rated.items() if i2 == i}

    # Two tail items with identical columns: item rank 38 gets exactly the
    # ratings of item rank 37 (tied item-item similarities).
    for u in list(profile_i(38)):
        del rated[(u, 38)]
    for u, r in profile_i(37).items():
        rated[(u, 38)] = r

    # Two users with identical profiles: rank 41 copies rank 40.
    for i in list(profile_u(41)):
        del rated[(41, i)]
    for i, r in profile_u(40).items():
        rated[(41, i)] = r

    # One user whose ratings are all equal (sigma 0, pearson denominator 0).
    for i in profile_u(47):
        rated[(47, i)] = 4.0

    # Sanity checks on the shape promised in the header.
    assert len(profile_u(58)) == 1 and len(profile_u(59)) == 1
    assert all(profile_i(i) for i in range(n_items))
    assert all(profile_u(u) for u in range(n_users))
    assert profile_u(40) == profile_u(41) and profile_i(37) == profile_i(38)

    rows = [
        (user_ids[u], item_ids[i], r) for (u, i), r in sorted(rated.items())
    ]
    rng.shuffle(rows)
    return rows


def write_generated_csv():
    rows = generate_ratings()
    with open(GENERATED_CSV, "w", newline="\n") as f:
        f.write("user,item,rating\n")
        for u, i, r in rows:
            f.write(f"{u},{i},{fmt_rating(r)}\n")
    return rows


# --------------------------------------------------------------------------
# Surprise runs
# --------------------------------------------------------------------------

class NonFinite:
    def __init__(self):
        self.count = 0

    def f(self, x):
        x = float(x)
        if math.isfinite(x):
            return x
        self.count += 1
        return None


def load_trainset(path):
    reader = Reader(
        line_format="user item rating", sep=",", skip_lines=1, rating_scale=(1, 5)
    )
    data = Dataset.load_from_file(str(path), reader=reader)
    return data.build_full_trainset()


def pair_list(trainset, sample):
    users = [trainset.to_raw_uid(u) for u in trainset.all_users()]
    items = [trainset.to_raw_iid(i) for i in trainset.all_items()]
    rated = {(u, i) for (u, i, _) in trainset.all_ratings()}
    if not sample:
        pairs = [(u, i) for u in trainset.all_users() for i in trainset.all_items()]
    else:
        rng = random.Random(PAIR_SEED)
        unrated = [
            (u, i)
            for u in trainset.all_users()
            for i in trainset.all_items()
            if (u, i) not in rated
        ]
        pairs = sorted(rng.sample(unrated, 300) + rng.sample(sorted(rated), 30))
    raw = [(users[u], items[i]) for (u, i) in pairs]
    raw += [(UNKNOWN_USER, items[0]), (UNKNOWN_USER, items[1])]
    raw += [(users[0], UNKNOWN_ITEM), (users[1], UNKNOWN_ITEM)]
    raw += [(UNKNOWN_USER, UNKNOWN_ITEM)]
    return raw


def prediction_rows(algo, pairs, nf):
    rows = []
    for uid, iid in pairs:
        pred = algo.predict(uid, iid, clip=True)
        rows.append(
            [
                uid,
                iid,
                nf.f(pred.est),
                bool(pred.details.get("was_impossible", False)),
                pred.details.get("reason", ""),
            ]
        )
    return rows


def sim_options(name, user_based, min_support, shrinkage):
    opts = {"name": name, "user_based": user_based, "min_support": min_support}
    if shrinkage is not None:
        opts["shrinkage"] = shrinkage
    return opts


def expected_for(rel_path, sample_pairs):
    trainset = load_trainset(ROOT / rel_path)
    nf = NonFinite()
    out = {
        "dataset": rel_path,
        "surprise_version": surprise.__version__,
        "numpy_version": np.__version__,
        "scale": list(trainset.rating_scale),
        "users": [trainset.to_raw_uid(u) for u in trainset.all_users()],
        "items": [trainset.to_raw_iid(i) for i in trainset.all_items()],
        "global_mean": nf.f(trainset.global_mean),
    }

    bsl = BaselineOnly(verbose=False).fit(trainset)
    out["baselines"] = {
        "bu": [nf.f(x) for x in bsl.bu],
        "bi": [nf.f(x) for x in bsl.bi],
    }

    sims = []
    for name in SIMS:
        for user_based in (True, False):
            for min_support in (1, 3):
                shrinks = [100, 10] if name == "pearson_baseline" else [None]
                for shrinkage in shrinks:
                    opts = sim_options(name, user_based, min_support, shrinkage)
                    algo = KNNBasic(sim_options=opts, verbose=False).fit(trainset)
                    sims.append(
                        {
                            "name": name,
                            "user_based": user_based,
                            "min_support": min_support,
                            "shrinkage": shrinkage,
                            "matrix": [[nf.f(x) for x in row] for row in algo.sim],
                        }
                    )
    out["similarities"] = sims

    pairs = pair_list(trainset, sample_pairs)
    preds = []
    for k, min_k, min_support in KNN_SETTINGS:
        for algo_name, cls in ALGOS.items():
            for user_based in (True, False):
                for name in SIMS:
                    opts = sim_options(name, user_based, min_support, SHRINKAGE)
                    algo = cls(k=k, min_k=min_k, sim_options=opts, verbose=False)
                    algo.fit(trainset)
                    preds.append(
                        {
                            "algo": algo_name,
                            "sim": name,
                            "user_based": user_based,
                            "k": k,
                            "min_k": min_k,
                            "min_support": min_support,
                            "shrinkage": SHRINKAGE,
                            "rows": prediction_rows(algo, pairs, nf),
                        }
                    )
    preds.append(
        {
            "algo": "BaselineOnly",
            "sim": None,
            "user_based": None,
            "k": None,
            "min_k": None,
            "min_support": None,
            "shrinkage": None,
            "rows": prediction_rows(bsl, pairs, nf),
        }
    )
    out["predictions"] = preds
    out["nonfinite"] = nf.count
    return out


def write_json(path, obj):
    text = json.dumps(obj, allow_nan=False, separators=(",", ":"))
    # One prediction row / matrix row per line keeps diffs readable.
    text = text.replace("],[", "],\n[").replace("},{", "},\n{")
    path.write_text(text + "\n")


DATASETS = [
    ("teaching.json", "Samples/teaching/ratings.csv", False),
    ("essay.json", "Samples/essay/ratings.csv", False),
    ("generated.json", "Tests/RecscopeCoreTests/Fixtures/conformance-ratings.csv", True),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="recompute everything from NOTES.md's rules in plain Python",
    )
    args = parser.parse_args()

    write_generated_csv()
    for out_name, rel_path, sample in DATASETS:
        obj = expected_for(rel_path, sample)
        write_json(FIXTURES / out_name, obj)
        n_rows = sum(len(p["rows"]) for p in obj["predictions"])
        print(
            f"{out_name}: {len(obj['users'])} users, {len(obj['items'])} items, "
            f"{len(obj['similarities'])} matrices, {len(obj['predictions'])} "
            f"prediction configs, {n_rows} rows, nonfinite {obj['nonfinite']}"
        )
        if args.check:
            sys.dont_write_bytecode = True
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            import reference_check

            written = json.loads((FIXTURES / out_name).read_text())
            bad = reference_check.check(ROOT / rel_path, written)
            print(f"  check against NOTES.md rules: {bad} mismatches")
            if bad:
                sys.exit(1)


if __name__ == "__main__":
    main()
