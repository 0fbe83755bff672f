"""Issue 7 and 20's side-by-side benchmark, as a command-line user pays it: the same instance
file (20,000 students, 1,000 posts, 10 choices each, posts ranking exactly their applicants)
solved student-optimally by `zhijiao match solve --input FILE` and by a Python process using
the package `matching` (HospitalResident, optimal="resident") that reads the same file and
writes its matching. Each figure is a WHOLE PROCESS, from start to exit (start-up, reading
and parsing the file, building the instance, solving, writing the answer), the median of RUNS
runs (default 3, the same number for both). Prints both medians, their ratio, and checks that
the two matchings are equal.

    swift build -c release --product zhijiao
    python3 Benchmarks/matching_side_by_side.py      # needs: pip install matching
    ZHIJIAO=.build/debug/zhijiao RUNS=5 python3 Benchmarks/matching_side_by_side.py
"""
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

STUDENTS, POSTS, CHOICES = (int(x) for x in os.environ.get("SIZE", "20000,1000,10").split(","))
ZHIJIAO = os.environ.get("ZHIJIAO", ".build/release/zhijiao")
RUNS = int(os.environ.get("RUNS", "3"))


def peer(path, out):
    """The peer's whole run: read the file, build the game, solve, write {post: [students]}."""
    import threading
    import warnings
    from matching.games import HospitalResident

    with open(path) as f:
        problem = json.load(f)
    prefs = problem["students"]
    ranking = {p: e["ranking"] for p, e in problem["posts"].items() if e["ranking"]}
    capacity = {p: e["capacity"] for p, e in problem["posts"].items() if e["ranking"]}
    # `matching` deep-copies its player graph recursively: at this size that needs a deep stack.
    warnings.simplefilter("ignore")
    sys.setrecursionlimit(10_000_000)
    threading.stack_size(1 << 30)
    result = {}

    def run():
        game = HospitalResident.create_from_dictionaries(prefs, ranking, capacity)
        result["matching"] = game.solve(optimal="resident")

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    with open(out, "w") as f:
        json.dump({h.name: [r.name for r in rs] for h, rs in result["matching"].items()}, f)


def timed(command):
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{command[0]} failed: {done.stderr.decode()[-500:]}")
    return seconds, done.stdout


def main():
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
    path, theirs_path = os.path.join(directory, "instance.json"), os.path.join(directory, "theirs.json")
    with open(path, "w") as f:
        json.dump(problem, f)

    ours_times, theirs_times, ours_out = [], [], b""
    for _ in range(RUNS):  # alternate, so drift in the machine's speed touches both alike
        seconds, ours_out = timed([ZHIJIAO, "match", "solve", "--input", path])
        ours_times.append(seconds)
        seconds, _ = timed([sys.executable, os.path.abspath(__file__), "--peer", path, theirs_path])
        theirs_times.append(seconds)

    ours = {p: set(s) for p, s in json.loads(ours_out).items()}
    with open(theirs_path) as f:
        theirs = {p: set(s) for p, s in json.load(f).items()}
    same = all(ours.get(p, set()) == theirs.get(p, set()) for p in posts)
    ours_s, theirs_s = statistics.median(ours_times), statistics.median(theirs_times)
    import matching
    print(f"instance: {STUDENTS} students, {POSTS} posts, {CHOICES} choices each, {sum(capacity.values())} places, {os.path.getsize(path) / 1e6:.1f} MB of JSON")
    print(f"zhijiao:  {ours_s * 1000:10.1f} ms  whole process, median of {RUNS} ({ZHIJIAO} match solve; runs " + ", ".join(f"{t * 1000:.1f}" for t in ours_times) + ")")
    print(f"matching: {theirs_s * 1000:10.1f} ms  whole process, median of {RUNS} (python3 + matching {matching.__version__}; runs " + ", ".join(f"{t * 1000:.0f}" for t in theirs_times) + ")")
    print(f"ratio:    {theirs_s / ours_s:10.0f}x faster; same matching: {same}")
    if not same:
        sys.exit("the two matchings differ")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--peer":
        peer(sys.argv[2], sys.argv[3])
    else:
        main()
