"""The floor under the import benchmark: SQLite alone (Python's C sqlite3 module) inserting
500,000 rows of the students table's shape, with the same primary key, unique and foreign-key
indexes, WAL and synchronous=FULL, in one transaction, with the same 256 MB page cache.
No parsing, validation or encryption. Run: python3 Benchmarks/sqlite_floor.py
"""
import sqlite3, uuid, os, time, random, hashlib, sys
import tempfile
path = os.path.join(tempfile.mkdtemp(), "floor.sqlite")
for s in ["", "-wal", "-shm"]:
    if os.path.exists(path + s): os.remove(path + s)
db = sqlite3.connect(path, isolation_level=None)
db.execute("PRAGMA journal_mode=WAL"); db.execute("PRAGMA synchronous=FULL"); db.execute("PRAGMA foreign_keys=ON")
cache = sys.argv[1] if len(sys.argv) > 1 else "-262144"
db.execute(f"PRAGMA cache_size={cache}")
db.execute('CREATE TABLE institutions (id TEXT PRIMARY KEY, code TEXT)')
db.execute('CREATE TABLE programs (id TEXT PRIMARY KEY, code TEXT)')
db.execute('''CREATE TABLE students (id TEXT PRIMARY KEY, district_code TEXT NOT NULL, institution_id TEXT REFERENCES institutions(id), enterprise_id TEXT,
 created_at REAL NOT NULL, updated_at REAL NOT NULL, institution_code TEXT NOT NULL, student_no TEXT NOT NULL, name TEXT NOT NULL, sex TEXT NOT NULL,
 program_code TEXT NOT NULL, program_id TEXT NOT NULL REFERENCES programs(id), level TEXT NOT NULL, enrolment_year INTEGER NOT NULL, origin TEXT NOT NULL,
 document_kind TEXT NOT NULL, id_cipher TEXT NOT NULL, id_index TEXT NOT NULL, id_masked TEXT NOT NULL, UNIQUE(id_index), UNIQUE(institution_id, student_no))''')
db.execute('CREATE INDEX students_district ON students(district_code)')
insts = [str(uuid.uuid4()).upper() for _ in range(300)]
progs = [str(uuid.uuid4()).upper() for _ in range(3000)]
db.executemany("INSERT INTO institutions VALUES (?, ?)", [(i, "c") for i in insts])
db.executemany("INSERT INTO programs VALUES (?, ?)", [(p, "c") for p in progs])
rows = []
for n in range(500000):
    rows.append((str(uuid.uuid4()).upper(), "440305", insts[n % 300], None, 1.0, 1.0, "SZ-1", "S%07d" % n, "王小明", "male", "510201",
                 progs[n % 3000], "associate", 2025, "mainland", "resident_id", "k1:" + "A" * 60, hashlib.sha256(str(n).encode()).hexdigest(), "440**********12"))
t = time.time()
db.execute("BEGIN")
db.executemany("INSERT INTO students VALUES (" + ",".join("?" * 19) + ")", rows)
db.execute("COMMIT")
print("raw sqlite3 (cache %s): %.2f s for 500k rows = %.0f rows/s" % (cache, time.time() - t, 500000 / (time.time() - t)))
