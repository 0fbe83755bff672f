"""Uploads every hostile file to every import route, as the lowest role and as the city
administrator, and checks that the server still answers and that its resident memory stayed
bounded (issue 13). The hostile files come from e2e/hostile/make_hostile.py.

Env: BASE (server), SERVER_PID (to read /proc/PID/status), HOSTILE_DIR (the files).
Prints "hostile: N passed, 0 failed" on success; exits 1 on the first failure."""
import os
import re
import sys

import requests

BASE = os.environ.get("BASE", "http://127.0.0.1:8080")
PID = os.environ["SERVER_PID"]
DIR = os.environ["HOSTILE_DIR"]
PASSWORD = "Zhijiao-Demo-2026"
BOUND = 200 * 1024 * 1024
passed = 0


def check(condition, what):
    global passed
    if not condition:
        print("hostile: FAILED -", what, flush=True)
        sys.exit(1)
    passed += 1


def rss():
    with open(f"/proc/{PID}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS")


def token(username):
    r = requests.post(BASE + "/api/v1/auth/tokens", json={"username": username, "password": PASSWORD}, timeout=30)
    r.raise_for_status()
    return r.json()["token"]


def session(username):
    s = requests.Session()
    page = s.get(BASE + "/sign-in", timeout=30).text
    csrf = re.search(r'name="csrf" value="([^"]+)"', page)
    data = {"username": username, "password": PASSWORD}
    if csrf:
        data["csrf"] = csrf.group(1)
    s.post(BASE + "/sign-in", data=data, timeout=30, allow_redirects=False)
    home = s.get(BASE + "/", timeout=30).text
    found = re.search(r'name="csrf" value="([^"]+)"', home)
    return s, (found.group(1) if found else "")


def alive():
    return requests.get(BASE + "/healthz", timeout=10).text == "ok"


spec = requests.get(BASE + "/api/v1/openapi.json", timeout=30).json()
api_routes = sorted(p for p, ops in spec["paths"].items() if p.endswith("/import") and "post" in ops)
check(len(api_routes) >= 16, f"the OpenAPI document lists the import routes ({len(api_routes)})")
page_routes = ["/registry/" + p.split("/")[3] + "/import" for p in api_routes if p.count("/") == 4] + ["/credit-bank/import"]
files = sorted(os.listdir(DIR))
check(len(files) >= 8, f"hostile files generated ({len(files)})")

learner = token("learner-demo")
admin = token("city-admin")
learner_page, learner_csrf = session("learner-demo")
baseline = rss()
print(f"hostile: server resident memory before: {baseline / 1048576:.0f} MiB; {len(files)} files × "
      f"{len(api_routes)} API + {len(page_routes)} page routes", flush=True)

for name in files:
    body = open(os.path.join(DIR, name), "rb").read()
    # The lowest role: refused before the file is read, on every route, API and page.
    for route in api_routes:
        r = requests.post(BASE + route, data=body, headers={"Authorization": "Bearer " + learner, "Content-Type": "text/csv"}, timeout=120)
        check(r.status_code in (403, 413), f"learner {route} {name}: {r.status_code}")
    for route in page_routes:
        r = learner_page.post(BASE + route, files={"file": (name, body)}, data={"csrf": learner_csrf}, timeout=120, allow_redirects=False)
        check(r.status_code in (403, 413), f"learner page {route} {name}: {r.status_code}")
    # A role that may import: the file is read — and refused with a reason, never a crash.
    r = requests.post(BASE + "/api/v1/students/import", data=body,
                      headers={"Authorization": "Bearer " + admin, "Content-Type": "text/csv", "X-File-Name": name}, timeout=300)
    check(r.status_code in (413, 422), f"city-admin students import {name}: {r.status_code} {r.text[:200]}")
    if r.status_code == 422:
        problem = r.json()
        check(len(problem.get("errors") or []) <= 1000, f"{name}: the error list is bounded")
        first = (problem.get("errors") or [{}])[0]
        check(bool(first.get("reasonZh")) and bool(first.get("reasonEn")), f"{name}: the reason is given in Chinese and English")
    check(alive(), f"the server still answers after {name}")
    grown = rss() - baseline
    print(f"hostile: {name}: {r.status_code}; resident memory {grown / 1048576:+.0f} MiB", flush=True)
    check(grown < BOUND, f"{name}: resident memory rose {grown / 1048576:.0f} MiB (bound 200 MiB)")

print(f"hostile: {passed} passed, 0 failed")
