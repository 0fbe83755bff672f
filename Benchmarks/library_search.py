#!/usr/bin/env python3
"""Resource library search benchmark (资源库检索): N generated resources, search with facets, p95.

Starts the built server (`.build/debug/zhijiao` unless --binary) on a fresh SQLite file or a fresh
PostgreSQL database, lets it migrate and load the small demo city, writes N resources straight
into the database (titles and programs from the 2021 program catalogue, occupations from the
2022 classification, schools from the demo city), then times `GET /api/v1/library/resources`
over loopback: a mix of Chinese words, English words, facet filters and empty searches, every
answer carrying the five facets' counts. Prints p50/p95/max in milliseconds.

Tokens are written as the app makes them (Han bigrams plus each run's last character, words
lower-cased: `LibrarySearchTokens`); the script checks a few answers' totals against its own
count so a tokenizer drift shows as a failure, not a fast benchmark.

    python3 Benchmarks/library_search.py --rows 100000 --queries 400
    python3 Benchmarks/library_search.py --rows 100000 --postgres postgres://postgres@127.0.0.1:55445/postgres
"""
import argparse, csv, json, os, random, re, shutil, signal, sqlite3, subprocess, sys, tempfile, time, urllib.request, uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "Sources/Registry/Resources/ReferenceData")
PASSWORD = "Zhijiao-Demo-2026"


def fail(message):
    print(f"library_search: {message}", file=sys.stderr)
    sys.exit(1)


def is_han(ch):
    c = ord(ch)
    return 0x3400 <= c <= 0x4DBF or 0x4E00 <= c <= 0x9FFF or 0xF900 <= c <= 0xFAFF or 0x20000 <= c <= 0x2FA1F


def runs(text):
    out, cur, cur_han = [], "", False
    for ch in text.lower():
        han = is_han(ch)
        if han or ch.isalnum():
            if cur and han != cur_han:
                out.append((cur, cur_han)); cur = ""
            cur_han = han; cur += ch
        else:
            if cur: out.append((cur, cur_han))
            cur = ""
    if cur: out.append((cur, cur_han))
    return out


def tokens(text):
    seen, result = set(), []
    for run, han in runs(text):
        if han:
            toks = [run[i:i + 2] for i in range(len(run) - 1)] + ([run[-1]] if len(run) > 1 else [run])
        else:
            toks = [run]
        for t in toks:
            if t not in seen:
                seen.add(t); result.append(t)
    return result


def request(base, path, token=None, body=None):
    req = urllib.request.Request(base + path, data=None if body is None else json.dumps(body).encode(), method="POST" if body is not None else "GET")
    if body is not None: req.add_header("Content-Type", "application/json")
    if token: req.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(req, timeout=60) as res:
        return json.loads(res.read())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=400)
    parser.add_argument("--port", type=int, default=8295)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build/debug/zhijiao"))
    parser.add_argument("--postgres", help="server URL; a fresh database is made on it and dropped after")
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    if not os.path.exists(args.binary): fail(f"no server binary at {args.binary}; run swift build first")
    rng = random.Random(args.seed)

    majors = [r for r in csv.DictReader(open(os.path.join(DATA, "vocational-2021-majors.csv"), encoding="utf-8"))]
    occupations = [r["code"] for r in csv.DictReader(open(os.path.join(DATA, "occupation_categories_2022.csv"), encoding="utf-8")) if r["level"] not in ("major",)]
    kinds = ["video", "document", "slides", "picture", "question_set", "cmi5_package", "lti_link"]
    licences = ["cc-by", "cc-by-sa", "cc-by-nc", "cc-by-nc-sa", "cc-by-nd", "cc0", "school-only"]
    suffixes = ["实训教程", "微课", "虚拟仿真实验", "课程标准", "习题集", "教学视频", "案例库"]
    english = ["basics", "lab", "workshop", "simulation", "training", "practice", "introduction"]

    work = tempfile.mkdtemp(prefix="zt-library-bench-")
    env = dict(os.environ, ZHIJIAO_DATA_KEY="AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", ZHIJIAO_LIBRARY_DIR=os.path.join(work, "files"),
               ZHIJIAO_REQUEST_LOG="0", ZHIJIAO_INSECURE_COOKIES="1")
    dbname = None
    if args.postgres:
        dbname = "zt_libbench_" + uuid.uuid4().hex[:8]
        subprocess.run(["psql", args.postgres, "-qc", f"CREATE DATABASE {dbname}"], check=True)
        env["DATABASE_URL"] = re.sub(r"/[^/]*$", "/" + dbname, args.postgres)
    else:
        env["ZHIJIAO_SQLITE_PATH"] = os.path.join(work, "bench.sqlite")
    log = open(os.path.join(work, "server.log"), "w")
    server = subprocess.Popen([args.binary, "serve", "--hostname", "127.0.0.1", "--port", str(args.port)], env=env, stdout=log, stderr=log, cwd=work)
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2); break
            except Exception:
                if server.poll() is not None: fail("the server stopped; see " + log.name)
                time.sleep(0.5)
        else:
            fail("the server did not start")
        city = request(base, "/api/v1/auth/tokens", body={"username": "city-admin", "password": PASSWORD})["token"]
        teacher = request(base, "/api/v1/auth/tokens", body={"username": "teacher-demo", "password": PASSWORD})["token"]

        # Rows straight into the database, as the app writes them.
        def query(sql):
            if args.postgres:
                out = subprocess.run(["psql", env["DATABASE_URL"], "-Atc", sql], check=True, capture_output=True, text=True).stdout
                return [line.split("|") for line in out.splitlines() if line]
            con = sqlite3.connect(env["ZHIJIAO_SQLITE_PATH"]); rows = con.execute(sql).fetchall(); con.close(); return rows
        schools = [r[0] for r in query("SELECT id FROM institutions")] if args.postgres else [r[0] for r in query("SELECT id FROM institutions")]
        contributor = query("SELECT id FROM users WHERE username = 'city-admin'")[0][0]
        if not schools: fail("the demo city has no schools")
        started = time.time()
        rows, expected = [], {"数控": 0, "simulation": 0}
        now = int(time.time() * 1000)
        for n in range(args.rows):
            major = rng.choice(majors)
            kind = rng.choice(kinds)
            title = f"{major['major_name']}{rng.choice(suffixes)} {rng.choice(english).title()} {n}"
            description = f"{major['class_name']}（{major['category_name']}）{kind} resource for {major['level_cn']}"
            tags = "\n".join([major["class_name"], rng.choice(english)])
            toks = " ".join(tokens(" ".join([title, description, tags.replace("\n", " ")])))
            status = "shared" if rng.random() < 0.8 else rng.choice(["contributed", "under_review", "returned"])
            rows.append((uuid.UUID(int=rng.getrandbits(128)), rng.choice(schools), contributor, kind, title, description, tags, major["major_code"],
                         rng.choice(occupations), rng.choice(licences), status, toks, now - n))
            for word in expected:
                if word in toks.split(" "): expected[word] += 1
        columns = "id, institution_id, contributor_id, contributor_name, kind, title, description, tags, program_code, occupation_code, level, language, licence, author, link_url, status, current_version, search_tokens, created_at_ms, updated_at_ms"
        if args.postgres:
            copy = os.path.join(work, "rows.tsv")
            with open(copy, "w", encoding="utf-8") as f:
                for r in rows:
                    fields = [str(r[0]), r[1], r[2], "bench", r[3], r[4], r[5], r[6].replace("\n", "\\n"), r[7], r[8], "\\N", "zh", r[9], "bench", "\\N", r[10], "0", r[11], str(r[12]), str(r[12])]
                    f.write("\t".join(fields) + "\n")
            subprocess.run(["psql", env["DATABASE_URL"], "-qc", f"\\copy library_resources ({columns}) FROM '{copy}'"], check=True)
            # Two -c: psql runs one -c string as one transaction, and VACUUM refuses to run inside one.
            subprocess.run(["psql", env["DATABASE_URL"], "-q", "-c", "UPDATE library_resources SET search_vector = array_to_tsvector(string_to_array(search_tokens, ' '))",
                            "-c", "VACUUM ANALYZE library_resources"], check=True)
        else:
            # Ids as the driver stores them: a blob or text, like the schools' ids read back.
            as_id = (lambda u: u.bytes) if isinstance(schools[0], bytes) else (lambda u: str(u).upper() if schools[0].isupper() else str(u))
            con = sqlite3.connect(env["ZHIJIAO_SQLITE_PATH"])
            con.executemany(f"INSERT INTO library_resources ({columns}) VALUES (?,?,?,'bench',?,?,?,?,?,?,NULL,'zh',?,'bench',NULL,?,0,?,?,?)",
                            [(as_id(r[0]), r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[12]) for r in rows])
            con.executemany("INSERT INTO library_search (resource_id, tokens) VALUES (?, ?)", [(as_id(r[0]), r[11]) for r in rows])
            con.commit(); con.execute("ANALYZE"); con.close()
        print(f"wrote {args.rows} resources in {time.time() - started:.1f} s ({'PostgreSQL' if args.postgres else 'SQLite'})")

        # Sanity: the server's totals for the city equal the script's own count.
        for word, count in expected.items():
            total = request(base, "/api/v1/library/resources?per=1&q=" + urllib.parse.quote(word), city)["total"]
            if total != count: fail(f"'{word}': the server found {total}, the generator wrote {count}")

        words = [m["major_name"][i:i + 2] for m in rng.sample(majors, 60) for i in (0,)] + english + ["数控", "护理", "汽车", "机器人", "电子商务"]
        programs = [m["major_code"] for m in rng.sample(majors, 30)]
        timings = []
        for n in range(args.queries):
            params = {}
            r = rng.random()
            if r < 0.6: params["q"] = rng.choice(words)
            if rng.random() < 0.3: params["kind"] = rng.choice(kinds)
            if rng.random() < 0.2: params["program"] = rng.choice(programs)
            if rng.random() < 0.2: params["licence"] = rng.choice(licences[:-1])
            token = city if n % 2 == 0 else teacher
            path = "/api/v1/library/resources?" + urllib.parse.urlencode(params)
            t0 = time.perf_counter()
            answer = request(base, path, token)
            timings.append((time.perf_counter() - t0) * 1000)
            if "facets" not in answer: fail("an answer without facets")
        timings.sort()
        p = lambda q: timings[min(len(timings) - 1, int(q * len(timings)))]
        print(f"search with facets over {args.rows} resources, {args.queries} queries ({'PostgreSQL' if args.postgres else 'SQLite'}, {os.path.basename(os.path.dirname(args.binary))} build): "
              f"p50 {p(0.5):.1f} ms, p95 {p(0.95):.1f} ms, max {timings[-1]:.1f} ms")
    finally:
        server.send_signal(signal.SIGINT)
        try: server.wait(timeout=20)
        except subprocess.TimeoutExpired: server.kill()
        if dbname: subprocess.run(["psql", args.postgres, "-qc", f"DROP DATABASE IF EXISTS {dbname} WITH (FORCE)"])
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    import urllib.parse
    main()
