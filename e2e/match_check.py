"""Checks `zhijiao match solve` against the Python package `matching` (HospitalResident), which
the project did not write: on random instances both must give the same student-optimal and the
same enterprise-optimal (hospital-optimal) matching.

Instances are consistent (a post ranks exactly the students who applied to it), as `matching`
requires; incomplete lists, empty lists and unplaced students all occur.
"""
import json
import os
import random
import subprocess
import sys
import tempfile
import warnings

from matching.games import HospitalResident

ZHIJIAO = os.environ.get("ZHIJIAO", ".build/debug/zhijiao")
INSTANCES = int(os.environ.get("INSTANCES", "150"))


def random_instance(rng: random.Random):
    students = [f"s{i}" for i in range(rng.randint(1, 60))]
    posts = [f"p{i}" for i in range(rng.randint(1, 15))]
    prefs = {s: rng.sample(posts, rng.randint(0, min(len(posts), 6))) for s in students}
    ranking = {}
    for p in posts:
        applicants = [s for s in students if p in prefs[s]]
        rng.shuffle(applicants)
        ranking[p] = applicants
    # `matching` 1.4 fails on a zero-capacity post (IndexError); our unit tests cover that case.
    capacity = {p: rng.randint(1, 4) for p in posts}
    return prefs, ranking, capacity


def ours(prefs, ranking, capacity, optimal):
    problem = {"students": prefs, "posts": {p: {"capacity": capacity[p], "ranking": ranking[p]} for p in ranking}}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(problem, f)
    out = subprocess.run([ZHIJIAO, "match", "solve", "--input", f.name, "--optimal", optimal], capture_output=True, text=True)
    os.unlink(f.name)
    if out.returncode != 0:
        sys.exit("zhijiao match solve failed: " + out.stderr)
    return {p: set(students) for p, students in json.loads(out.stdout).items()}


def theirs(prefs, ranking, capacity, optimal):
    # `matching` 1.4 fails on players with empty lists (its hospital-optimal loop takes a
    # favourite that does not exist), so they are left out of its input; they cannot be matched.
    residents = {s: list(ps) for s, ps in prefs.items() if ps}
    hospitals = {p: list(r) for p, r in ranking.items() if r}
    game = HospitalResident.create_from_dictionaries(residents, hospitals, {p: capacity[p] for p in hospitals})
    result = game.solve(optimal=optimal)
    return {h.name: {r.name for r in rs} for h, rs in result.items()}


def main():
    warnings.simplefilter("ignore")  # `matching` warns about players with empty lists, which is expected here
    rng = random.Random(2020)
    checked = 0
    for n in range(INSTANCES):
        prefs, ranking, capacity = random_instance(rng)
        for ours_side, their_side in (("student", "resident"), ("enterprise", "hospital")):
            a = ours(prefs, ranking, capacity, ours_side)
            b = theirs(prefs, ranking, capacity, their_side)
            b = {p: b.get(p, set()) for p in ranking}
            if a != b:
                sys.exit(f"instance {n} ({ours_side}-optimal) differs:\nours   {a}\ntheirs {b}\n{json.dumps([prefs, ranking, capacity])}")
            checked += 1
    print(f"matching: {checked} passed, 0 failed  ({INSTANCES} random instances, both optimal sides, equal to `matching` {__import__('matching').__version__})")


if __name__ == "__main__":
    main()
