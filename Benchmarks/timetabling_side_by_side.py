#!/usr/bin/env python3
"""ITC 2007 track 3 side by side: `zhijiao timetable solve` against a CP-SAT model (PyPI ortools)
under the same time limit, both solutions scored by one evaluator.

The evaluator here is a line-by-line Python port of the competition's validator
(ctt-validator.cc; weights UD2: RoomCapacity 1, MinWorkingDays 5, CurriculumCompactness 2,
RoomStability 1). Our command also prints its own (Swift) evaluation on standard error; the script
checks that the two agree on our solution, so neither side is scored by code the other does not
share.

    python3 Benchmarks/timetabling_side_by_side.py --zhijiao .build/debug/zhijiao --seconds 60 \
        Benchmarks/itc2007/comp01.ctt Benchmarks/itc2007/comp05.ctt

Best-known costs are printed only where Benchmarks/itc2007/SOURCE.md documents one (none yet).
"""
import argparse
import os
import re
import subprocess
import sys
import time


def parse_ctt(path):
    with open(path) as f:
        lines = [l.split() for l in f]
    header, section = {}, None
    inst = {"courses": [], "rooms": [], "curricula": [], "unavailable": []}
    for fields in lines:
        if not fields:
            continue
        if fields[0] == "END.":
            break
        if fields[0].endswith(":") and fields[0][:-1] in ("COURSES", "ROOMS", "CURRICULA", "UNAVAILABILITY_CONSTRAINTS"):
            section = fields[0][:-1]
            continue
        if section is None:
            header[fields[0].rstrip(":")] = fields[1] if len(fields) > 1 else ""
        elif section == "COURSES":
            inst["courses"].append((fields[0], fields[1], int(fields[2]), int(fields[3]), int(fields[4])))
        elif section == "ROOMS":
            inst["rooms"].append((fields[0], int(fields[1])))
        elif section == "CURRICULA":
            inst["curricula"].append((fields[0], fields[2:2 + int(fields[1])]))
        else:
            inst["unavailable"].append((fields[0], int(fields[1]), int(fields[2])))
    inst["name"] = header.get("Name", "")
    inst["days"] = int(header["Days"])
    inst["ppd"] = int(header["Periods_per_day"])
    return inst


def evaluate(inst, solution_lines):
    """Port of ctt-validator.cc: returns (hard violations, soft cost)."""
    days, ppd = inst["days"], inst["ppd"]
    periods = days * ppd
    cidx = {c[0]: i for i, c in enumerate(inst["courses"])}
    ridx = {r[0]: i for i, r in enumerate(inst["rooms"])}
    nc = len(inst["courses"])
    tt = [[-1] * periods for _ in range(nc)]
    for line in solution_lines:
        f = line.split()
        if len(f) != 4 or f[0] not in cidx or f[1] not in ridx:
            continue
        d, s = int(f[2]), int(f[3])
        if not (0 <= d < days and 0 <= s < ppd):
            continue
        c, p = cidx[f[0]], d * ppd + s
        if tt[c][p] >= 0:
            continue
        tt[c][p] = ridx[f[1]]
    conflict = [[False] * nc for _ in range(nc)]
    for _, members in inst["curricula"]:
        ms = [cidx[m] for m in members]
        for a in ms:
            for b in ms:
                if a != b:
                    conflict[a][b] = True
    for a in range(nc):
        for b in range(nc):
            if a != b and inst["courses"][a][1] == inst["courses"][b][1]:
                conflict[a][b] = True
    available = [[True] * periods for _ in range(nc)]
    for c, d, s in inst["unavailable"]:
        available[cidx[c]][d * ppd + s] = False
    hard = soft = 0
    for c, (_, _, lectures, mwd, students) in enumerate(inst["courses"]):
        placed = [p for p in range(periods) if tt[c][p] >= 0]
        hard += abs(lectures - len(placed))
        hard += sum(1 for p in placed if not available[c][p])
        soft += sum(max(0, students - inst["rooms"][tt[c][p]][1]) for p in placed)
        working = len({p // ppd for p in placed})
        soft += 5 * max(0, mwd - working)
        soft += max(0, len({tt[c][p] for p in placed}) - 1)
        for c2 in range(c + 1, nc):
            if conflict[c][c2]:
                hard += sum(1 for p in placed if tt[c2][p] >= 0)
    for p in range(periods):
        used = {}
        for c in range(nc):
            if tt[c][p] >= 0:
                used[tt[c][p]] = used.get(tt[c][p], 0) + 1
        hard += sum(n - 1 for n in used.values() if n > 1)
    for _, members in inst["curricula"]:
        ms = [cidx[m] for m in members]
        count = [sum(1 for c in ms if tt[c][p] >= 0) for p in range(periods)]
        for p in range(periods):
            if count[p] == 0:
                continue
            s = p % ppd
            before = count[p - 1] if s > 0 else 0
            after = count[p + 1] if s + 1 < ppd else 0
            if before == 0 and after == 0:
                soft += 2 * count[p]
    return hard, soft


def cpsat(inst, seconds, workers):
    """A direct CP-SAT model: x[c,p,r] booleans, the four hard constraints, the UD2 objective."""
    from ortools.sat.python import cp_model
    days, ppd = inst["days"], inst["ppd"]
    periods = days * ppd
    courses, rooms = inst["courses"], inst["rooms"]
    cidx = {c[0]: i for i, c in enumerate(courses)}
    unavailable = {(cidx[c], d * ppd + s) for c, d, s in inst["unavailable"]}
    m = cp_model.CpModel()
    x, y = {}, {}
    for c in range(len(courses)):
        for p in range(periods):
            if (c, p) in unavailable:
                continue
            row = [m.NewBoolVar("") for _ in rooms]
            for r, v in enumerate(row):
                x[c, p, r] = v
            y[c, p] = m.NewBoolVar("")
            m.Add(sum(row) == y[c, p])
    for c, course in enumerate(courses):
        m.Add(sum(y[c, p] for p in range(periods) if (c, p) in y) == course[2])
    for p in range(periods):
        for r in range(len(rooms)):
            m.Add(sum(x[c, p, r] for c in range(len(courses)) if (c, p, r) in x) <= 1)
    groups = [[cidx[m_] for m_ in members] for _, members in inst["curricula"]]
    by_teacher = {}
    for c, course in enumerate(courses):
        by_teacher.setdefault(course[1], []).append(c)
    groups_all = groups + [g for g in by_teacher.values() if len(g) > 1]
    for g in groups_all:
        for p in range(periods):
            vs = [y[c, p] for c in g if (c, p) in y]
            if len(vs) > 1:
                m.Add(sum(vs) <= 1)
    cost = []
    for (c, p, r), v in x.items():
        over = courses[c][4] - rooms[r][1]
        if over > 0:
            cost.append(over * v)
    for c, course in enumerate(courses):
        day_used = []
        for d in range(days):
            z = m.NewBoolVar("")
            vs = [y[c, p] for p in range(d * ppd, (d + 1) * ppd) if (c, p) in y]
            m.Add(z <= sum(vs)) if vs else m.Add(z == 0)
            day_used.append(z)
        short = m.NewIntVar(0, course[3], "")
        m.Add(short >= course[3] - sum(day_used))
        cost.append(5 * short)
        used = [m.NewBoolVar("") for _ in rooms]
        for (cc, p, r), v in x.items():
            if cc == c:
                m.AddImplication(v, used[r])
        extra = m.NewIntVar(0, len(rooms), "")
        m.Add(extra >= sum(used) - 1)
        cost.append(extra)
    for g in groups:
        q = []
        for p in range(periods):
            vs = [y[c, p] for c in g if (c, p) in y]
            qp = m.NewBoolVar("")
            m.Add(qp == sum(vs)) if vs else m.Add(qp == 0)
            q.append(qp)
        for p in range(periods):
            s = p % ppd
            iso = m.NewBoolVar("")
            nb = ([q[p - 1]] if s > 0 else []) + ([q[p + 1]] if s + 1 < ppd else [])
            m.Add(iso >= q[p] - sum(nb))
            cost.append(2 * iso)
    m.Minimize(sum(cost))
    solver = cp_model.CpSolver()
    solver.parameters.max_time_in_seconds = seconds
    solver.parameters.num_workers = workers
    solver.parameters.random_seed = 1
    status = solver.Solve(m)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None, solver.StatusName(status)
    lines = []
    for (c, p, r), v in x.items():
        if solver.BooleanValue(v):
            lines.append(f"{courses[c][0]} {rooms[r][0]} {p // ppd} {p % ppd}")
    return lines, solver.StatusName(status)


def best_known(path):
    source = os.path.join(os.path.dirname(path), "SOURCE.md")
    name = os.path.basename(path).replace(".ctt", "")
    try:
        with open(source) as f:
            for line in f:
                m = re.match(rf"\|\s*{name}\s*\|\s*(\d+)\s*\|", line)
                if m:
                    return int(m.group(1))
    except OSError:
        pass
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("instances", nargs="+")
    ap.add_argument("--zhijiao", default=".build/release/zhijiao")
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    print(f"{'instance':10} {'ours hard':>9} {'ours soft':>9} {'ours s':>7} {'cp-sat hard':>11} {'cp-sat soft':>11} {'cp-sat s':>8} {'status':>9} {'best known':>10}")
    for path in args.instances:
        inst = parse_ctt(path)
        start = time.monotonic()
        run = subprocess.run([args.zhijiao, "timetable", "solve", "--ctt", path, "--seconds", str(args.seconds), "--seed", str(args.seed)],
                             capture_output=True, text=True)
        ours_time = time.monotonic() - start
        ours = run.stdout.splitlines()
        oh, os_ = evaluate(inst, ours)
        m = re.search(r"hard violations (\d+).*?soft cost (\d+)", run.stderr)
        if m is None or (int(m.group(1)), int(m.group(2))) != (oh, os_):
            print(f"evaluators disagree on {path}: command said {run.stderr.strip()!r}, port says hard {oh} soft {os_}", file=sys.stderr)
            sys.exit(1)
        start = time.monotonic()
        lines, status = cpsat(inst, args.seconds, args.workers)
        cp_time = time.monotonic() - start
        ch, cs = evaluate(inst, lines) if lines is not None else ("-", "-")
        bk = best_known(path)
        name = os.path.basename(path).replace(".ctt", "")
        print(f"{name:10} {oh:>9} {os_:>9} {ours_time:>7.1f} {ch:>11} {cs:>11} {cp_time:>8.1f} {status:>9} {bk if bk is not None else 'n/a':>10}", flush=True)


if __name__ == "__main__":
    main()
