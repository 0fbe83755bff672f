"""Loads N statements (default 1,000,000) into the LRS the way users do: POST /xapi/statements in
batches, over HTTP with Basic auth, printing statements/s as it goes.

    python3 Benchmarks/lrs/seed.py BASE AUTH [--count 1000000] [--batch 100] [--workers 2]

BASE is the xAPI endpoint (http://127.0.0.1:8181/xapi), AUTH is KEY:SECRET.

The shape is a year of a mid-sized school's records:
- ~20,000 learners (--learners): account agents, homePage = the server's public URL (--home,
  default BASE's scheme://host:port), name = a UUID; how active a learner is varies (a few do a
  lot, most do a little);
- ~200 verbs (--verbs): the ADL verbs, then made-up ones; a few are common, most rare (Zipf);
- ~5,000 activities (--activities) with definitions (name, type), Zipf too;
- registrations: each learner has a few (--registrations-per-learner, default 3), one per course
  attempt, and every statement carries one of its learner's;
- timestamps spread over the year before now; 40 % have a scored result.
Learners, verbs, activities and registrations come from --seed (default 1), so two loads with the
same seed talk about the same people; statement ids are random v4 UUIDs, so loading twice stores
twice. Only the standard library is used.
"""
import argparse
import base64
import http.client
import json
import os
import queue
import random
import sys
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from urllib.parse import urlparse

ADL = ["answered", "asked", "attempted", "attended", "commented", "completed", "exited", "experienced",
       "failed", "imported", "initialized", "interacted", "launched", "mastered", "passed", "preferred",
       "progressed", "registered", "responded", "resumed", "scored", "shared", "suspended", "terminated"]
TYPES = ["course", "lesson", "assessment", "media", "module", "interaction", "simulation", "meeting"]


class Shape:
    def __init__(self, a):
        rng = random.Random(a.seed)
        u = urlparse(a.base)
        home = a.home or f"{u.scheme}://{u.netloc}"
        self.learners = [json.dumps({"objectType": "Agent", "account": {
            "homePage": home, "name": str(uuid.UUID(int=rng.getrandbits(128), version=4))}})
            for _ in range(a.learners)]
        # activity: some learners do far more than others
        self.learner_weights = [rng.paretovariate(1.5) for _ in range(a.learners)]
        self.regs = [[str(uuid.UUID(int=rng.getrandbits(128), version=4)) for _ in range(a.registrations_per_learner)]
                     for _ in range(a.learners)]
        self.verbs = []
        for i in range(a.verbs):
            if i < len(ADL):
                iri, word = "http://adlnet.gov/expapi/verbs/" + ADL[i], ADL[i]
            else:
                iri, word = f"https://zhijiao.example/xapi/verbs/custom-{i:03d}", f"custom {i}"
            self.verbs.append(json.dumps({"id": iri, "display": {"en-US": word, "zh-CN": word}}))
        rng.shuffle(self.verbs)  # which verbs are common does not follow the ADL list's order
        self.activities = []
        for i in range(a.activities):
            kind = TYPES[rng.randrange(len(TYPES))]
            self.activities.append(json.dumps({"objectType": "Activity", "id": f"https://zhijiao.example/xapi/activities/{i:05d}",
                                               "definition": {"name": {"en-US": f"{kind.title()} {i}"},
                                                              "type": "http://adlnet.gov/expapi/activities/" + kind}}))
        self.end = datetime.now(timezone.utc)

    def batch(self, rng, n):
        learners = rng.choices(range(len(self.learners)), weights=self.learner_weights, k=n)
        out = []
        for li in learners:
            verb = self.verbs[int(len(self.verbs) ** rng.random()) - 1]
            activity = self.activities[int(len(self.activities) ** rng.random()) - 1]
            ts = (self.end - timedelta(seconds=rng.uniform(0, 365 * 86400))).isoformat(timespec="milliseconds")
            result = ""
            if rng.random() < 0.4:
                raw = rng.randint(0, 100)
                result = (f',"result":{{"score":{{"raw":{raw},"min":0,"max":100,"scaled":{raw / 100}}},'
                          f'"success":{"true" if raw >= 60 else "false"},"completion":true,"duration":"PT{rng.randint(1, 3600)}S"}}')
            out.append(f'{{"id":"{uuid.uuid4()}","actor":{self.learners[li]},"verb":{verb},"object":{activity}{result},'
                       f'"context":{{"registration":"{rng.choice(self.regs[li])}","platform":"seed.py","language":"zh-CN"}},'
                       f'"timestamp":"{ts.replace("+00:00", "Z")}"}}')
        return "[" + ",".join(out) + "]"


class Counter:
    def __init__(self):
        self.lock = threading.Lock()
        self.done = 0
        self.failed = None


def worker(a, jobs, counter, headers):
    u = urlparse(a.base)
    cls = http.client.HTTPSConnection if u.scheme == "https" else http.client.HTTPConnection
    path = u.path.rstrip("/") + "/statements"
    conn = None
    while True:
        job = jobs.get()
        if job is None:
            return
        body, n = job
        for attempt in range(5):
            try:
                if conn is None:
                    conn = cls(u.hostname, u.port, timeout=300)
                conn.request("POST", path, body=body.encode(), headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                if resp.status != 200:
                    with counter.lock:
                        counter.failed = counter.failed or f"HTTP {resp.status}: {data[:300]!r}"
                    return
                break
            except (ConnectionError, http.client.HTTPException, TimeoutError) as e:
                # same ids on retry: an LRS takes a statement it already has, unchanged, without complaint
                conn = None
                if attempt == 4:
                    with counter.lock:
                        counter.failed = counter.failed or f"{type(e).__name__}: {e}"
                    return
                time.sleep(1 + attempt)
        with counter.lock:
            counter.done += n


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("base", nargs="?", default=os.environ.get("XAPI_BASE", "http://127.0.0.1:8181/xapi"))
    ap.add_argument("auth", nargs="?", default=os.environ.get("XAPI_AUTH"))
    ap.add_argument("--count", type=int, default=1_000_000)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--workers", type=int, default=2, help="connections posting at once")
    ap.add_argument("--learners", type=int, default=20_000)
    ap.add_argument("--verbs", type=int, default=200)
    ap.add_argument("--activities", type=int, default=5_000)
    ap.add_argument("--registrations-per-learner", type=int, default=3)
    ap.add_argument("--home", help="the learners' account homePage (default: BASE's scheme://host:port)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--every", type=float, default=5, help="seconds between progress lines")
    a = ap.parse_args()
    if not a.auth:
        sys.exit("AUTH (KEY:SECRET) is needed: as the second argument or XAPI_AUTH")

    shape = Shape(a)
    headers = {"Authorization": "Basic " + base64.b64encode(a.auth.encode()).decode(),
               "X-Experience-API-Version": os.environ.get("XAPI_VERSION", "1.0.3"),
               "Content-Type": "application/json"}
    counter = Counter()
    jobs = queue.Queue(maxsize=a.workers * 4)
    threads = [threading.Thread(target=worker, args=(a, jobs, counter, headers), daemon=True) for _ in range(a.workers)]
    for t in threads:
        t.start()

    rng = random.Random()  # statements differ from load to load; the people in them do not
    start = last_t = time.monotonic()
    last_n, queued = 0, 0
    print(f"seeding {a.count} statements into {a.base} in batches of {a.batch}, {a.workers} connections", flush=True)
    while queued < a.count and counter.failed is None:
        n = min(a.batch, a.count - queued)
        body = shape.batch(rng, n)
        while counter.failed is None:
            try:
                jobs.put((body, n), timeout=1)
                break
            except queue.Full:
                pass
        queued += n
        now = time.monotonic()
        if now - last_t >= a.every:
            done = counter.done
            print(f"{done:>9} / {a.count}  {(done - last_n) / (now - last_t):8.0f} statements/s now, "
                  f"{done / (now - start):8.0f} overall", flush=True)
            last_t, last_n = now, done
    for _ in threads:
        jobs.put(None)
    while any(t.is_alive() for t in threads):
        for t in threads:
            t.join(timeout=a.every)
        now = time.monotonic()
        if any(t.is_alive() for t in threads) and now - last_t >= a.every:
            done = counter.done
            print(f"{done:>9} / {a.count}  {(done - last_n) / (now - last_t):8.0f} statements/s now", flush=True)
            last_t, last_n = now, done
    took = time.monotonic() - start
    print(f"stored {counter.done} statements in {took:.1f} s: {counter.done / took:.0f} statements/s", flush=True)
    if counter.failed:
        sys.exit(f"seeding stopped: {counter.failed}")


if __name__ == "__main__":
    main()
