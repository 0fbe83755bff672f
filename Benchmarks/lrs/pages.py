"""Finds the URLs that the GET benchmarks ask for, from what the LRS has stored.

    python3 Benchmarks/lrs/pages.py sample BASE AUTH [--out DIR] [--statements 2000]
        Reads the newest statements (GET BASE/statements, following `more`) and writes
        DIR/agents.txt and DIR/verbs.txt: one query string a line (`agent=<JSON>`, `verb=<IRI>`,
        URL-encoded), once per statement seen, so the wrk scripts pick agents and verbs as often
        as they occur. Also writes DIR/common_verb.txt, the commonest verb.

    python3 Benchmarks/lrs/pages.py pages BASE AUTH [--out DIR] [--limit 100] [--verb IRI] [--max-pages 5000]
        Follows the `more` links of GET BASE/statements?verb=<commonest verb>&limit=N to the last
        page and writes DIR/first_page.txt and DIR/last_page.txt (paths from the server root, as
        wrk sends them), printing how many pages and statements there were and how long the walk
        took. The last page is the one whose `more` is empty.

BASE is the xAPI endpoint (http://127.0.0.1:8181/xapi), AUTH is KEY:SECRET (HTTP Basic). Only
the standard library; all requests go to BASE's host.
"""
import argparse
import base64
import http.client
import json
import os
import sys
import time
from collections import Counter
from urllib.parse import urlencode, urljoin, urlparse

VERSION = os.environ.get("XAPI_VERSION", "1.0.3")


class LRS:
    def __init__(self, base, auth):
        self.base = base.rstrip("/")
        u = urlparse(self.base)
        self.host, self.port = u.hostname, u.port or (443 if u.scheme == "https" else 80)
        self.https = u.scheme == "https"
        self.root = f"{u.scheme}://{u.netloc}"
        self.headers = {
            "Authorization": "Basic " + base64.b64encode(auth.encode()).decode(),
            "X-Experience-API-Version": VERSION,
        }
        self.conn = None

    def get(self, path):
        """GET a path from the server root; returns (seconds, parsed JSON)."""
        for attempt in range(3):
            try:
                if self.conn is None:
                    cls = http.client.HTTPSConnection if self.https else http.client.HTTPConnection
                    self.conn = cls(self.host, self.port, timeout=120)
                t = time.perf_counter()
                self.conn.request("GET", path, headers=self.headers)
                resp = self.conn.getresponse()
                body = resp.read()
                took = time.perf_counter() - t
                if resp.status != 200:
                    sys.exit(f"GET {path}: HTTP {resp.status} {body[:300]!r}")
                return took, json.loads(body)
            except (ConnectionError, http.client.HTTPException, TimeoutError):
                self.conn = None
                if attempt == 2:
                    raise

    def path_of(self, more):
        """A `more` value as a path from the server root (it may be relative or absolute)."""
        u = urlparse(urljoin(self.base + "/", more))
        if u.netloc and f"{u.scheme}://{u.netloc}" != self.root:
            sys.exit(f"`more` points at another server: {more}")
        return u.path + ("?" + u.query if u.query else "")

    def statements_path(self, **query):
        return urlparse(self.base).path + "/statements" + ("?" + urlencode(query) if query else "")


def compact(obj):
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)


def sample(lrs, out, want):
    agents, verbs = [], []
    path = lrs.statements_path(limit=min(want, 500))
    while path and len(agents) < want:
        _, page = lrs.get(path)
        for s in page["statements"]:
            actor = {k: v for k, v in s["actor"].items() if k != "name"}
            if actor.get("objectType", "Agent") == "Agent":
                agents.append(urlencode({"agent": compact(actor)}))
            verbs.append(urlencode({"verb": s["verb"]["id"]}))
        more = page.get("more")
        path = lrs.path_of(more) if more else None
    if not agents:
        sys.exit("no statements stored: run seed.py first")
    os.makedirs(out, exist_ok=True)
    for name, lines in (("agents", agents), ("verbs", verbs)):
        with open(os.path.join(out, name + ".txt"), "w") as f:
            f.write("\n".join(lines) + "\n")
    common = Counter(verbs).most_common(1)[0][0]
    with open(os.path.join(out, "common_verb.txt"), "w") as f:
        f.write(common + "\n")
    print(f"sampled {len(agents)} statements: {len(set(agents))} agents, {len(set(verbs))} verbs; "
          f"commonest {common}")


def pages(lrs, out, limit, max_pages, max_seconds, verb=None):
    if verb:
        common = urlencode({"verb": verb})
    else:
        try:
            common = open(os.path.join(out, "common_verb.txt")).read().strip()
        except FileNotFoundError:
            sys.exit("run `pages.py sample` first, or give --verb")
    first = urlparse(lrs.base).path + "/statements?" + common + f"&limit={limit}"
    path, count, n, total_time, last, started = first, 0, 0, 0.0, first, time.monotonic()
    ids = set()
    while path:
        took, page = lrs.get(path)
        n += 1
        total_time += took
        count += len(page["statements"])
        ids.update(s["id"] for s in page["statements"])
        last = path
        more = page.get("more")
        if n % 100 == 0:
            print(f"  page {n}: {count} statements, {took * 1000:.1f} ms for this page", flush=True)
        if not more:
            break
        if n >= max_pages or time.monotonic() - started > max_seconds:
            print(f"stopped after {n} pages / {time.monotonic() - started:.0f} s: timing page {n}, not the last")
            break
        path = lrs.path_of(more)
    with open(os.path.join(out, "first_page.txt"), "w") as f:
        f.write(first + "\n")
    with open(os.path.join(out, "last_page.txt"), "w") as f:
        f.write(last + "\n")
    dup = count - len(ids)
    print(f"{n} pages of {limit}, {count} statements ({dup} repeated across pages), "
          f"{total_time / n * 1000:.1f} ms a page on average; last page: {last}")
    if dup:
        print(f"WARNING: {dup} statements came back on more than one page")
    if n < 10:
        print(f"WARNING: only {n} pages: the last page is not deep; give a commoner verb (--verb, PAGE_VERB in run.sh)")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("command", choices=["sample", "pages"])
    ap.add_argument("base")
    ap.add_argument("auth")
    ap.add_argument("--out", default=os.environ.get("LRS_OUT", "/tmp/lrs-bench"))
    ap.add_argument("--statements", type=int, default=2000, help="sample: how many statements to read")
    ap.add_argument("--limit", type=int, default=100, help="pages: page size")
    ap.add_argument("--verb", help="pages: walk this verb IRI instead of the commonest sampled one")
    ap.add_argument("--max-pages", type=int, default=5000)
    ap.add_argument("--max-seconds", type=float, default=600)
    a = ap.parse_args()
    lrs = LRS(a.base, a.auth)
    if a.command == "sample":
        sample(lrs, a.out, a.statements)
    else:
        pages(lrs, a.out, a.limit, a.max_pages, a.max_seconds, a.verb)


if __name__ == "__main__":
    main()
