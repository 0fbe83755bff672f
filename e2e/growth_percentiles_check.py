#!/usr/bin/env python3
"""Growth percentiles (增值评价) checked against statsmodels' QuantReg.

Generates learners with one prior score and a current score (seeded), runs
`zhijiao analytics growth --csv FILE`, fits the same linear quantile regressions with
statsmodels' QuantReg at 0.01..0.99, counts for each learner how many fitted quantiles lie below
the actual score (kept within 1..99, as ours), and requires a Spearman correlation >= 0.98
between the two sets of percentiles. Also checks that a group of fewer than 20 learners gets no
figure from `--groups`.

  ZHIJIAO=.build/debug/zhijiao python3 e2e/growth_percentiles_check.py
"""
import csv
import io
import os
import subprocess
import sys
import tempfile

import numpy as np
from scipy.stats import spearmanr
from statsmodels.regression.quantile_regression import QuantReg

ZHIJIAO = os.environ.get("ZHIJIAO", ".build/debug/zhijiao")


def run(args, work):
    env = dict(os.environ)
    env.setdefault("ZHIJIAO_SQLITE_PATH", os.path.join(work, "unused.sqlite"))
    done = subprocess.run([ZHIJIAO, "analytics", "growth", *args], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        sys.exit(f"FAIL: zhijiao analytics growth {' '.join(args)}: {done.stderr.strip()}")
    return list(csv.DictReader(io.StringIO(done.stdout)))


def main():
    rng = np.random.default_rng(20261203)
    n = 1000
    prior = rng.normal(60, 15, n).clip(0, 100)
    # Growth that depends on the prior, with spread that widens for low priors (heteroscedastic).
    current = (20 + 0.7 * prior + rng.normal(0, 6 + 0.1 * (100 - prior), n)).round(1)
    groups = np.where(np.arange(n) < 12, "small", np.where(np.arange(n) % 2 == 0, "even", "odd"))
    with tempfile.TemporaryDirectory() as work:
        path = os.path.join(work, "scores.csv")
        with open(path, "w", newline="") as f:
            w = csv.writer(f)
            w.writerow(["learner", "prior1", "current", "group"])
            for i in range(n):
                w.writerow([f"L{i}", f"{prior[i]:.4f}", f"{current[i]:.1f}", groups[i]])
        ours = run(["--csv", path], work)
        ours = np.array([int(r["percentile"]) for r in ours])
        summary = {r["group"]: r for r in run(["--csv", path, "--groups"], work)}
    x = np.column_stack([np.ones(n), prior])
    below = np.zeros(n, dtype=int)
    for q in range(1, 100):
        fit = QuantReg(current, x).fit(q=q / 100, max_iter=5000)
        below += (x @ fit.params < current).astype(int)
    theirs = below.clip(1, 99)
    rho = spearmanr(ours, theirs).correlation
    exact = float(np.mean(ours == theirs))
    print(f"growth percentiles: n={n}, Spearman {rho:.4f} against statsmodels QuantReg, identical for {exact:.1%} of learners, "
          f"largest difference {int(np.max(np.abs(ours - theirs)))}")
    ok = rho >= 0.98
    small = summary.get("small", {})
    if small.get("median", "x") != "" or small.get("learners") != "12":
        print(f"FAIL: a group of 12 learners got a figure: {small}")
        ok = False
    for g in ("even", "odd"):
        if summary.get(g, {}).get("median", "") == "":
            print(f"FAIL: group {g} of {summary.get(g, {}).get('learners')} learners got no figure")
            ok = False
    print("PASS" if ok else "FAIL: Spearman below 0.98" if rho < 0.98 else "FAIL")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
