"""Issue 7's side-by-side benchmark: the same instance (20,000 students, 1,000 posts, 10
choices each, posts ranking exactly their applicants) solved student-optimally by zhijiao's
solver and by the Python package `matching` (HospitalResident, optimal="resident"), in one
run. Prints both times, the ratio, and checks the two matchings are equal.

    swift build -c release -Xswiftc -enable-testing --product ZhijiaoBenchmarks
    python3 Benchmarks/matching_side_by_side.py

Both times exclude building the instance: ours is the best of five solves of the in-memory
instance, `matching`'s is one `solve()` after `create_from_dictionaries` (it cannot be re-run
on the same game object).
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import warnings

from matching.games import HospitalResident

STUDENTS, POSTS, CHOICES = (int(x) for x in os.environ.get("SIZE", "20000,1000,10").split(","))
BENCH = os.environ.get("BENCH", ".build/release/ZhijiaoBenchmarks")

rng = random.Random(2020)
students = [f"s{i}" for i in range(STUDENTS)]
posts = [f"p{i}" for i in range(POSTS)]
prefs = {s: rng.sample(posts, CHOICES) for s in students}
applicants = {p: [] for p in posts}
for s in students:
    for p in prefs[s]:
        applicants[p].append(s)
for p in posts:
    rng.shuffle(applicants[p])
capacity = {p: rng.randint(5, 35) for p in posts}
problem = {"students": prefs, "posts": {p: {"capacity": capacity[p], "ranking": applicants[p]} for p in posts}}

directory = tempfile.mkdtemp()
path, out = os.path.join(directory, "instance.json"), os.path.join(directory, "ours.json")
with open(path, "w") as f:
    json.dump(problem, f)

result = subprocess.run([BENCH, "match-file", path, out], capture_output=True, text=True)
if result.returncode != 0:
    sys.exit(result.stderr)
ours_ms = float(result.stdout.split(":")[1].split("ms")[0])

# `matching` deep-copies its player graph recursively: at this size that needs a deep stack.
warnings.simplefilter("ignore")
sys.setrecursionlimit(10_000_000)
threading.stack_size(1 << 30)
peer = {}


def run_peer():
    game = HospitalResident.create_from_dictionaries(prefs, {p: a for p, a in applicants.items() if a}, {p: capacity[p] for p in posts if applicants[p]})
    start = time.perf_counter()
    peer["result"] = game.solve(optimal="resident")
    peer["ms"] = (time.perf_counter() - start) * 1000


thread = threading.Thread(target=run_peer)
thread.start()
thread.join()
theirs, theirs_ms = peer["result"], peer["ms"]

with open(out) as f:
    ours = {p: set(s) for p, s in json.load(f).items()}
theirs = {h.name: {r.name for r in rs} for h, rs in theirs.items()}
same = all(ours.get(p, set()) == theirs.get(p, set()) for p in posts)
print(f"instance: {STUDENTS} students, {POSTS} posts, {CHOICES} choices each, {sum(capacity.values())} places")
print(f"zhijiao:  {ours_ms:10.2f} ms")
print(f"matching: {theirs_ms:10.2f} ms   (matching {__import__('matching').__version__})")
print(f"ratio:    {theirs_ms / ours_ms:10.0f}x faster; same matching: {same}")
if not same:
    sys.exit("the two matchings differ")
