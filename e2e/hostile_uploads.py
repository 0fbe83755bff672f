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
AIM = 200 * 1024 * 1024      # the aim for the rise in resident memory
CEILING = 512 * 1024 * 1024  # never acceptable
passed = 0
over_aim = []


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
    """A signed-in browser session. The cookie is Secure (__Host-), which Python's cookie jar
    will not send over plain HTTP, so it travels as an explicit header."""
    r = requests.post(BASE + "/sign-in", data={"username": username, "password": PASSWORD}, timeout=30, allow_redirects=False)
    match = re.search(r"(__Host-zhijiao|zhijiao)=([^;]+)", r.headers.get("Set-Cookie", ""))
    check(match is not None, f"{username} signs in to the pages ({r.status_code})")
    s = requests.Session()
    s.headers["Cookie"] = f"{match.group(1)}={match.group(2)}"
    home = s.get(BASE + "/", timeout=30, allow_redirects=False).text
    found = re.search(r'name="csrf" value="([^"]+)"', home)
    check(found is not None, f"{username}'s pages carry a CSRF token")
    return s, found.group(1)


def alive():
    return requests.get(BASE + "/healthz", timeout=10).text == "ok"


spec = requests.get(BASE + "/api/v1/openapi.json", timeout=30).json()
# Paths in the document are relative to its server, /api/v1.
paths = sorted(p for p, ops in spec["paths"].items() if p.endswith("/import") and "post" in ops)
check(len(paths) >= 16, f"the OpenAPI document lists the import routes ({len(paths)})")
api_routes = ["/api/v1" + p for p in paths]
page_routes = ["/registry/" + p.split("/")[1] + "/import" for p in paths if p.count("/") == 2] + ["/credit-bank/import"]
files = sorted(os.listdir(DIR))
check(len(files) >= 8, f"hostile files generated ({len(files)})")

learner = token("learner-demo")
admin = token("city-admin")
teacher = token("teacher-demo")
# The other upload routes: a course package (a ZIP the platform opens) and a library file (kept
# as bytes, its type sniffed), as a teacher who may use both and as the learner, who may not.
uploads = [("/api/v1/courses", "application/zip"), ("/api/v1/library/files", "application/octet-stream")]
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
    imported = r.status_code
    for route, content_type in uploads:
        r = requests.post(BASE + route, data=body, headers={"Authorization": "Bearer " + learner, "Content-Type": content_type}, timeout=120)
        check(r.status_code in (403, 413), f"learner {route} {name}: {r.status_code}")
        r = requests.post(BASE + route, data=body, headers={"Authorization": "Bearer " + teacher, "Content-Type": content_type}, timeout=300)
        check(r.status_code < 500, f"teacher {route} {name}: {r.status_code} {r.text[:200]}")
        if route == "/api/v1/courses":
            check(r.status_code in (400, 413, 415, 422), f"teacher {route} {name}: a hostile file is not a course ({r.status_code})")
    check(alive(), f"the server still answers after {name}")
    grown = rss() - baseline
    print(f"hostile: {name}: {imported}; resident memory {grown / 1048576:+.0f} MiB", flush=True)
    check(grown < CEILING, f"{name}: resident memory rose {grown / 1048576:.0f} MiB (ceiling 512 MiB)")
    if grown >= AIM:
        # Over the aim: it must at least be a plateau, not a leak — the same file again adds nothing.
        requests.post(BASE + "/api/v1/students/import", data=body,
                      headers={"Authorization": "Bearer " + admin, "Content-Type": "text/csv", "X-File-Name": name}, timeout=300)
        again = rss() - baseline
        print(f"hostile: {name} again: resident memory {again / 1048576:+.0f} MiB (over the 200 MiB aim)", flush=True)
        check(again < grown + 64 * 1024 * 1024, f"{name}: memory grows on a repeat upload ({grown / 1048576:.0f} → {again / 1048576:.0f} MiB)")
        over_aim.append(f"{name} {grown / 1048576:.0f} MiB")

if over_aim:
    print("hostile: over the 200 MiB aim (a plateau, not a leak): " + ", ".join(over_aim))
print(f"hostile: {passed} passed, 0 failed")
