"""How long a small audited write to the server waits while a large CLI import runs against
the same SQLite file (issue 13: imports must not hold the write lock for seconds).

Makes a CSV of ROWS valid students for one school of the server's database, starts
`zhijiao import students FILE` against the server's SQLite file, and meanwhile sends
`POST /api/v1/program-clusters` as the city administrator one after another (each an audited
write: the row and its audit row in one transaction), timing each. Prints the import's own
time and the writes' count, median, p99 and worst latency during the import, and a baseline
taken before it.

Usage (a server on the demo city, e.g. on port 8291):
    ZHIJIAO_SQLITE_PATH=/tmp/lock.sqlite .build/debug/zhijiao serve --port 8291 &
    BASE=http://127.0.0.1:8291 ZHIJIAO=.build/debug/zhijiao DB=/tmp/lock.sqlite ROWS=200000 \\
        python3 Benchmarks/import_lock_wait.py

Env: BASE, ZHIJIAO (binary), DB (the server's SQLite file; its data key beside it as DB.key),
ROWS (default 200000), YEAR (birth year of the generated people, default 2004; use another
for a second run on the same database), WORK (scratch folder, default /tmp), IMPORT_FLAGS
(e.g. `--one-transaction` for the old way, every row in one transaction, to compare)."""
import os
import sqlite3
import statistics
import subprocess
import sys
import threading
import time

import requests

BASE = os.environ.get("BASE", "http://127.0.0.1:8291")
ZHIJIAO = os.environ["ZHIJIAO"]
DB = os.environ["DB"]
ROWS = int(os.environ.get("ROWS", "200000"))
YEAR = int(os.environ.get("YEAR", "2004"))
WORK = os.environ.get("WORK", "/tmp")
PASSWORD = "Zhijiao-Demo-2026"


def resident_id(region, birth, seq, sex_digit):
    body = f"{region}{birth}{seq:02d}{sex_digit}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]


con = sqlite3.connect(DB)
school, program, level = con.execute(
    "SELECT p.institution_code, p.catalog_code, p.level FROM programs p JOIN institutions i ON i.code = p.institution_code "
    "WHERE i.kind = 'higher_vocational' AND p.level = 'associate' ORDER BY p.catalog_code LIMIT 1").fetchone()
con.close()

path = os.path.join(WORK, f"lock-wait-{YEAR}-{ROWS}.csv")
with open(path, "w", encoding="utf-8") as f:
    f.write("机构代码,学号,姓名,证件号码,性别,专业代码,层次,入学年份,生源\n")
    for n in range(ROWS):
        # Unique for n < 336,000: day, month, sequence and sex digit all vary.
        day, month, seq, sex_digit = 1 + n % 28, 1 + (n // 28) % 12, (n // 336) % 100, (n // 33600) % 10
        f.write(f"{school},L{YEAR}{n:07d},锁测{n},{resident_id('440306', f'{YEAR}{month:02d}{day:02d}', seq, sex_digit)},"
                f"{'男' if sex_digit % 2 else '女'},{program},{level},2025,内地\n")

token = requests.post(BASE + "/api/v1/auth/tokens", json={"username": "city-admin", "password": PASSWORD}, timeout=30).json()["token"]
headers = {"Authorization": f"Bearer {token}"}
counter = [0]


def write_once():
    counter[0] += 1
    body = {"institutionCode": school, "name": f"锁等待{YEAR}-{os.getpid()}-{counter[0]}", "industryCluster": "next_gen_ict"}
    started = time.perf_counter()
    r = requests.post(BASE + "/api/v1/program-clusters", json=body, headers=headers, timeout=120)
    elapsed = time.perf_counter() - started
    if r.status_code != 201:
        print("write failed:", r.status_code, r.text[:200], file=sys.stderr)
    return elapsed


def summary(label, samples):
    ms = sorted(s * 1000 for s in samples)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
    print(f"{label}: {len(ms)} writes, median {statistics.median(ms):.0f} ms, p99 {p99:.0f} ms, worst {ms[-1]:.0f} ms", flush=True)


baseline = [write_once() for _ in range(20)]
summary("before the import", baseline)

env = dict(os.environ, ZHIJIAO_SQLITE_PATH=DB, ZHIJIAO_DEMO="0")
env.pop("DATABASE_URL", None)
started = time.time()
flags = os.environ.get("IMPORT_FLAGS", "").split()
print(f"import flags: {' '.join(flags) or '(none: staged)'}", flush=True)
proc = subprocess.Popen([ZHIJIAO, "import", "students", path] + flags, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
# The import's progress (standard error) gives the time each phase starts: the publish is the
# one transaction that holds the lock for all the rows.
phases = {}
err_chunks = []


def read_progress():
    seen = ""
    while True:
        chunk = proc.stderr.read1(4096) if hasattr(proc.stderr, "read1") else proc.stderr.read(4096)
        if not chunk:
            return
        err_chunks.append(chunk)
        seen = (seen + chunk.decode(errors="replace"))[-400:]
        for phase in ("写入 writing", "发布 publishing"):
            if phase in seen and phase not in phases:
                phases[phase] = time.time() - started
        if "发布 publishing" in phases and f"{ROWS}/{ROWS}" in seen.split("发布 publishing")[-1] and "published" not in phases:
            phases["published"] = time.time() - started


reader = threading.Thread(target=read_progress)
reader.start()
during, starts = [], []
while proc.poll() is None:
    starts.append(time.time() - started)
    during.append(write_once())
out = proc.stdout.read()
reader.join()
err = b"".join(err_chunks)
took = time.time() - started
for phase, at in sorted(phases.items(), key=lambda kv: kv[1]):
    print(f"  {phase} from {at:.1f} s", flush=True)
print(f"import of {ROWS} rows: exit {proc.returncode} in {took:.1f} s ({out.decode(errors='replace').strip()[-120:]})", flush=True)
if proc.returncode != 0:
    print(err.decode(errors="replace")[-2000:], file=sys.stderr)
    sys.exit(1)
summary("during the import", during)
print(f"worst wait for an audited write during the import: {max(during) * 1000:.0f} ms")
if "写入 writing" in phases and "发布 publishing" in phases:
    staging = [d for s, d in zip(starts, during) if phases["写入 writing"] <= s and s + d < phases["发布 publishing"]]
    if staging:
        summary("while rows were being staged", staging)
