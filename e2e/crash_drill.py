"""Crash drill (issue 13): a student import killed with SIGKILL at random moments must leave
a database that passes PRAGMA integrity_check and holds all of the file's rows or none.

Works on a copy of the running server's database made with `zhijiao backup` (so the online
backup is exercised too). Env: ZHIJIAO (binary), SOURCE_DB (the server's SQLite file), WORK
(a scratch folder), TRIALS (default 6). Prints "crash drill: N passed, 0 failed"."""
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import time

ZHIJIAO = os.environ["ZHIJIAO"]
SOURCE = os.environ["SOURCE_DB"]
WORK = os.environ["WORK"]
TRIALS = int(os.environ.get("TRIALS", "6"))
ROWS = 30_000
passed = 0


def check(condition, what):
    global passed
    if not condition:
        print("crash drill: FAILED -", what, flush=True)
        sys.exit(1)
    passed += 1
    print("ok -", what, flush=True)


def resident_id(region, birth, seq, sex_digit):
    body = f"{region}{birth}{seq:02d}{sex_digit}"
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return body + "10X98765432"[sum(int(c) * w for c, w in zip(body, weights)) % 11]


drill = os.path.join(WORK, "drill.sqlite")
for suffix in ["", "-wal", "-shm", ".key"]:
    if os.path.exists(drill + suffix):
        os.remove(drill + suffix)
env = dict(os.environ, ZHIJIAO_SQLITE_PATH=SOURCE, ZHIJIAO_DEMO="0")
env.pop("DATABASE_URL", None)
backup = subprocess.run([ZHIJIAO, "backup", drill], env=env, capture_output=True, text=True)
check(backup.returncode == 0 and os.path.exists(drill), f"zhijiao backup copies the live database ({backup.stderr.strip()[-200:]})")
shutil.copy(SOURCE + ".key", drill + ".key")
os.chmod(drill + ".key", 0o600)
db = sqlite3.connect(drill)
check(db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "the backup passes integrity_check")
school, program, level = db.execute(
    "SELECT p.institution_code, p.catalog_code, p.level FROM programs p JOIN institutions i ON i.code = p.institution_code "
    "WHERE i.kind = 'higher_vocational' AND p.level = 'associate' ORDER BY p.catalog_code LIMIT 1").fetchone()
db.close()

env["ZHIJIAO_SQLITE_PATH"] = drill
rng = random.Random(63)
durations = []
for trial in range(TRIALS):
    path = os.path.join(WORK, f"drill-{trial}.csv")
    with open(path, "w", encoding="utf-8") as f:
        f.write("机构代码,学号,姓名,证件号码,性别,专业代码,层次,入学年份,生源\n")
        for n in range(ROWS):
            day = 1 + n % 28
            month = 1 + (n // 28) % 12
            seq = (n // 336) % 100
            birth = f"{2005 + trial % 2}{month:02d}{day:02d}"
            sex_digit = (trial * 2 + (n % 2)) % 10
            f.write(f"{school},K{trial}{n:06d},测试{n},{resident_id('440305', birth, seq, sex_digit)},{'男' if sex_digit % 2 else '女'},{program},{level},2025,内地\n")
    con = sqlite3.connect(drill)
    before = con.execute("SELECT COUNT(*) FROM students").fetchone()[0]
    con.close()
    started = time.time()
    proc = subprocess.Popen([ZHIJIAO, "import", "students", path], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    # Kill somewhere between start-up and the end of the write; the first trial runs whole to learn how long that is.
    if trial == 0:
        err = proc.communicate()[1].decode(errors="replace")
        durations.append(time.time() - started)
        check(proc.returncode == 0, f"trial 0 imports {ROWS} rows whole in {durations[0]:.1f} s ({err.strip()[-200:]})")
        killed_at = None
    else:
        killed_at = rng.uniform(0.3, max(1.0, durations[0] * 1.1))
        try:
            proc.wait(timeout=killed_at)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    con = sqlite3.connect(drill)
    integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    after = con.execute("SELECT COUNT(*) FROM students").fetchone()[0]
    con.close()
    check(integrity == "ok", f"trial {trial}: integrity_check ok after SIGKILL at {killed_at or 0:.2f} s")
    check(after in (before, before + ROWS), f"trial {trial}: all rows or none ({after - before} of {ROWS})")

print(f"crash drill: {passed} passed, 0 failed")
