#!/usr/bin/env python3
"""Early warning side by side: our gradient-boosted trees (zhijiao analytics evaluate) against
LightGBM trained on exactly the same feature matrices.

Runs `zhijiao analytics evaluate --features-out DIR --json`, then for every cutoff day trains
LightGBM (binary objective, its default parameters; nothing is tuned on the test set) on
train_dayN.csv and scores test_dayN.csv, and prints AUC and recall/precision of the top 20 %
for both, with the difference. Aim: ours >= LightGBM - 0.02 in AUC.

  python3 Benchmarks/analytics_side_by_side.py --oulad ../shared/data/oulad \
      [--train 2013J --test 2014J --days 30,60,90] [--zhijiao .build/debug/zhijiao]

Needs `pip install lightgbm`. Exit code 1 when an AUC misses the aim.
"""
import argparse
import csv
import json
import math
import os
import subprocess
import sys
import tempfile

import lightgbm as lgb
import numpy as np

META = {"student_id", "module", "presentation", "label"}


def read(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    features = [i for i, name in enumerate(header) if name not in META and not name.startswith("group_")]
    label = header.index("label")
    x = np.array([[float(r[i]) for i in features] for r in body], dtype=float)
    y = np.array([int(r[label]) for r in body], dtype=int)
    return [header[i] for i in features], x, y


def auc(scores, labels):
    """Rank-based AUC, tied scores sharing their mean rank (as ours)."""
    order = sorted(range(len(scores)), key=lambda i: scores[i])
    ranks = [0.0] * len(scores)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and scores[order[j + 1]] == scores[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    pos = sum(labels)
    neg = len(labels) - pos
    return (sum(r for r, y in zip(ranks, labels) if y) - pos * (pos + 1) / 2) / (pos * neg)


def top_share(scores, labels, share=0.2):
    """Top ceil(share*n) by score, ties with the last one in included (as ours)."""
    k = max(1, math.ceil(share * len(scores)))
    cut = sorted(scores, reverse=True)[k - 1]
    flagged = [y for s, y in zip(scores, labels) if s >= cut]
    hits = sum(flagged)
    return hits / sum(labels), hits / len(flagged)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--oulad", required=True)
    p.add_argument("--train", default="2013J")
    p.add_argument("--test", default="2014J")
    p.add_argument("--days", default="30,60,90")
    p.add_argument("--zhijiao", default=os.environ.get("ZHIJIAO", ".build/debug/zhijiao"))
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as work:
        features = os.path.join(work, "features")
        env = dict(os.environ)
        env.setdefault("ZHIJIAO_SQLITE_PATH", os.path.join(work, "unused.sqlite"))
        run = subprocess.run([a.zhijiao, "analytics", "evaluate", "--oulad", a.oulad, "--train", a.train, "--test", a.test,
                              "--days", a.days, "--json", "--features-out", features], capture_output=True, text=True, env=env)
        if run.returncode != 0:
            sys.exit(f"zhijiao analytics evaluate failed: {run.stderr.strip()}")
        ours = json.loads(run.stdout)["days"]
        print(f"train {a.train}, test {a.test}; LightGBM {lgb.__version__} with default parameters")
        print(f"{'day':>4} {'AUC ours':>9} {'AUC LGBM':>9} {'diff':>7}  {'recall@20 ours':>14} {'LGBM':>6}  {'precision@20 ours':>17} {'LGBM':>6}")
        missed = False
        for day in a.days.split(","):
            names, x_train, y_train = read(os.path.join(features, f"train_day{day}.csv"))
            _, x_test, y_test = read(os.path.join(features, f"test_day{day}.csv"))
            # LightGBM's defaults (100 rounds, learning rate 0.1, 31 leaves, 20 per leaf), made deterministic.
            params = {"objective": "binary", "seed": 0, "deterministic": True, "force_row_wise": True, "verbose": -1}
            model = lgb.train(params, lgb.Dataset(x_train, label=y_train, feature_name=names), num_boost_round=100)
            scores = list(model.predict(x_test))
            labels = list(y_test)
            peer_auc = auc(scores, labels)
            peer_recall, peer_precision = top_share(scores, labels)
            o = ours[day]
            diff = o["auc"] - peer_auc
            missed |= diff < -0.02
            print(f"{day:>4} {o['auc']:9.3f} {peer_auc:9.3f} {diff:+7.3f}  {o['recall_top20']:14.3f} {peer_recall:6.3f}  {o['precision_top20']:17.3f} {peer_precision:6.3f}")
        print("aim (ours >= LightGBM - 0.02):", "missed" if missed else "met")
        sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
