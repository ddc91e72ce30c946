"""Plain-Python re-derivation of Surprise's numbers, following NOTES.md.

Used by ``make_expected.py --check``: it reads the rating file itself (no
Surprise, no numpy), recomputes every value written into a fixture with the
rules in NOTES.md, and counts the values that are not bit-for-bit equal.
It is the executable form of the notes: what passes here is what a
reimplementation has to do.
"""

import math

SCALE = (1.0, 5.0)


# ---- numpy's float64 sum (pairwise, 8-way unrolled), mean and std ---------

def np_sum(a):
    n = len(a)
    if n < 8:
        res = -0.0
        for x in a:
            res += x
        return res
    if n <= 128:
        r = list(a[:8])
        i = 8
        while i < n - (n % 8):
            for j in range(8):
                r[j] += a[i + j]
            i += 8
        res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]))
        while i < n:
            res += a[i]
            i += 1
        return res
    n2 = n // 2
    n2 -= n2 % 8
    return np_sum(a[:n2]) + np_sum(a[n2:])


def np_mean(a):
    return np_sum(a) / len(a)


def np_std(a):  # population (ddof=0)
    m = np_mean(a)
    return math.sqrt(np_sum([(x - m) * (x - m) for x in a]) / len(a))


# ---- trainset --------------------------------------------------------------

class Trainset:
    def __init__(self, path):
        self.users, self.items = [], []
        uid, iid = {}, {}
        self.ur, self.ir = [], []
        with open(path) as f:
            lines = f.read().splitlines(keepends=True)[1:]
        for line in lines:
            u, i, r = (s.strip() for s in line.split(","))
            r = float(r)
            if u not in uid:
                uid[u] = len(self.users)
                self.users.append(u)
                self.ur.append([])
            if i not in iid:
                iid[i] = len(self.items)
                self.items.append(i)
                self.ir.append([])
            self.ur[uid[u]].append((iid[i], r))
            self.ir[iid[i]].append((uid[u], r))
        self.uid, self.iid = uid, iid
        self.all_ratings = [r for rs in self.ur for (_, r) in rs]
        self.global_mean = np_mean(self.all_ratings)


def baselines_als(ts, n_epochs=10, reg_u=15.0, reg_i=10.0):
    mu = ts.global_mean
    bu = [0.0] * len(ts.users)
    bi = [0.0] * len(ts.items)
    for _ in range(n_epochs):
        for i, rs in enumerate(ts.ir):
            dev = 0.0
            for u, r in rs:
                dev = dev + ((r - mu) - bu[u])
            bi[i] = dev / (reg_i + len(rs))
        for u, rs in enumerate(ts.ur):
            dev = 0.0
            for i, r in rs:
                dev = dev + ((r - mu) - bi[i])
            bu[u] = dev / (reg_u + len(rs))
    return bu, bi


# ---- similarities ------------------------------------------------------------

def similarity(ts, name, user_based, min_support, shrinkage, bu, bi):
    n_x = len(ts.users) if user_based else len(ts.items)
    yr = ts.ir if user_based else ts.ur
    bx, by = (bu, bi) if user_based else (bi, bu)
    mu = ts.global_mean
    if name == "pearson_baseline":
        min_support = max(2, min_support)
    # Accumulators for pair (a, b), a < b: over y in ascending inner id.
    acc = {}
    for y, rs in enumerate(yr):
        for (a, ra) in rs:
            for (b, rb) in rs:
                if a >= b:
                    continue
                t = acc.setdefault((a, b), [0, 0.0, 0.0, 0.0, 0.0, 0.0])
                t[0] += 1
                if name == "pearson_baseline":
                    partial = mu + by[y]
                    da = ra - (partial + bx[a])
                    db = rb - (partial + bx[b])
                    t[1] += da * db
                    t[2] += da * da
                    t[3] += db * db
                elif name == "msd":
                    t[1] += (ra - rb) * (ra - rb)
                else:
                    t[1] += ra * rb
                    t[2] += ra * ra
                    t[3] += rb * rb
                    t[4] += ra
                    t[5] += rb
    sim = [[0.0] * n_x for _ in range(n_x)]
    for a in range(n_x):
        sim[a][a] = 1.0
        for b in range(a + 1, n_x):
            f, p, sa, sb, s1, s2 = acc.get((a, b), [0, 0.0, 0.0, 0.0, 0.0, 0.0])
            if f < min_support:
                v = 0.0
            elif name == "cosine":
                v = p / math.sqrt(sa * sb)
            elif name == "msd":
                v = 1 / (p / f + 1)
            elif name == "pearson":
                num = f * p - s1 * s2
                den = math.sqrt((f * sa - s1 * s1) * (f * sb - s2 * s2))
                v = 0.0 if den == 0 else num / den
            else:
                v = p / math.sqrt(sa * sb)
                v *= (f - 1) / ((f - 1) + shrinkage)
            sim[a][b] = sim[b][a] = v
    return sim


# ---- predictions ---------------------------------------------------------------

def clip(est):
    est = SCALE[1] if not est < SCALE[1] else est  # min(5, est)
    est = SCALE[0] if not est > SCALE[0] else est  # max(1, est)
    return est


def predict(ts, algo, cfg, state, ruid, riid):
    u = ts.uid.get(ruid)
    i = ts.iid.get(riid)
    mu = ts.global_mean
    bu, bi = state["bu"], state["bi"]
    if algo in ("BaselineOnly", "KNNBaseline"):
        est = mu
        if u is not None:
            est += bu[u]
        if i is not None:
            est += bi[i]
        if algo == "BaselineOnly" or u is None or i is None:
            return clip(est), False, ""
    elif u is None or i is None:
        return clip(mu), True, "User and/or item is unknown."

    ub = cfg["user_based"]
    x, y = (u, i) if ub else (i, u)
    yr = ts.ir if ub else ts.ur
    sim = state["sim"]
    cands = [(sim[x][x2], x2, r) for (x2, r) in yr[y]]
    # Stable sort by similarity, descending: ties keep yr[y] order.
    order = sorted(range(len(cands)), key=lambda n: -cands[n][0])
    top = [cands[n] for n in order[: cfg["k"]]]
    sum_sim = 0.0
    sum_ratings = 0.0
    actual_k = 0
    for (s, nb, r) in top:
        if s > 0:
            sum_sim += s
            if algo == "KNNBasic":
                sum_ratings += s * r
            elif algo == "KNNWithMeans":
                sum_ratings += s * (r - state["means"][nb])
            elif algo == "KNNWithZScore":
                sum_ratings += s * (r - state["means"][nb]) / state["sigmas"][nb]
            else:
                bx, by = (bu, bi) if ub else (bi, bu)
                nb_bsl = mu + bx[nb] + by[y]
                sum_ratings += s * (r - nb_bsl)
            actual_k += 1
    if algo == "KNNBasic":
        if actual_k < cfg["min_k"]:
            return clip(mu), True, "Not enough neighbors."
        return clip(sum_ratings / sum_sim), False, ""
    if actual_k < cfg["min_k"]:
        sum_ratings = 0.0
    if algo == "KNNWithMeans":
        est = state["means"][x]
        if actual_k:
            est += sum_ratings / sum_sim
    elif algo == "KNNWithZScore":
        est = state["means"][x]
        if actual_k:
            est += sum_ratings / sum_sim * state["sigmas"][x]
    else:
        if actual_k:
            est += sum_ratings / sum_sim
    return clip(est), False, ""


def check(path, expected):
    ts = Trainset(path)
    bad = 0

    def same(a, b):
        nonlocal bad
        if a is None or b is None or a != b:
            bad += 1

    assert expected["users"] == ts.users and expected["items"] == ts.items
    same(ts.global_mean, expected["global_mean"])
    bu, bi = baselines_als(ts)
    for a, b in zip(bu, expected["baselines"]["bu"]):
        same(a, b)
    for a, b in zip(bi, expected["baselines"]["bi"]):
        same(a, b)

    for s in expected["similarities"]:
        m = similarity(
            ts, s["name"], s["user_based"], s["min_support"], s["shrinkage"], bu, bi
        )
        for row_a, row_b in zip(m, s["matrix"]):
            for a, b in zip(row_a, row_b):
                same(a, b)

    overall_sigma = np_std(ts.all_ratings)
    for p in expected["predictions"]:
        state = {"bu": bu, "bi": bi}
        if p["algo"] != "BaselineOnly":
            ub = p["user_based"]
            xr = ts.ur if ub else ts.ir
            state["sim"] = similarity(
                ts, p["sim"], ub, p["min_support"], p["shrinkage"], bu, bi
            )
            state["means"] = [np_mean([r for (_, r) in rs]) for rs in xr]
            sig = [np_std([r for (_, r) in rs]) for rs in xr]
            state["sigmas"] = [overall_sigma if s == 0.0 else s for s in sig]
        for uid, iid, est, imp, reason in p["rows"]:
            got = predict(ts, p["algo"], p, state, uid, iid)
            same(got[0], est)
            if (got[1], got[2]) != (imp, reason):
                bad += 1
    return bad
