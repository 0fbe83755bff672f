"""Drives a cmi5 launch against a running Zhijiao the way a cmi5 assignable unit does, with
nothing but the Python standard library (no code of the server's):

    BASE=http://127.0.0.1:8181 XAPI_AUTH=KEY:SECRET python3 e2e/cmi5_check.py

A teacher (demo account teacher-demo) imports a small cmi5 package built here (a block with one
AU, moveOn CompletedAndPassed, masteryScore 0.8); the learner (learner-demo) enrols and
launches it; then, as the AU: read the launch URL's parameters, POST the fetch URL for the auth
token, read LMS.LaunchData from the State API with it, send initialized, completed, passed and
terminated (xAPI 1.0.3 headers, the context template copied into each). Checks that the fetch
URL refuses a second POST, that a statement for another actor is refused, that the LRS (read
with XAPI_AUTH, a client with read scope) holds the LMS's launched and satisfied statements, and
that the course shows satisfied to the learner. Optional: DEMO_PASSWORD (the demo accounts').
Prints `cmi5: N passed, M failed` and exits non-zero on any failure.
"""
import base64
import copy
import datetime
import io
import json
import os
import sys
import urllib.error
import urllib.parse
import urllib.request
import uuid
import zipfile

BASE = os.environ.get("BASE", "http://127.0.0.1:8181").rstrip("/")
XAPI_AUTH = os.environ.get("XAPI_AUTH", "")
PASSWORD = os.environ.get("DEMO_PASSWORD", "Zhijiao-Demo-2026")

CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5"
MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon"
SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
VERBS = {
    "launched": "http://adlnet.gov/expapi/verbs/launched",
    "initialized": "http://adlnet.gov/expapi/verbs/initialized",
    "completed": "http://adlnet.gov/expapi/verbs/completed",
    "passed": "http://adlnet.gov/expapi/verbs/passed",
    "terminated": "http://adlnet.gov/expapi/verbs/terminated",
    "satisfied": "https://w3id.org/xapi/adl/verbs/satisfied",
}

passed = 0
failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"ok   {name}")
    else:
        failed += 1
        print(f"FAIL {name} {detail}")


def request(method, url, body=None, headers=None):
    """(status, headers, body text); HTTP errors are answers, not exceptions."""
    data = body if isinstance(body, (bytes, type(None))) else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None and "Content-Type" not in (headers or {}):
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=60) as res:
            return res.status, res.headers, res.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def token(username):
    status, _, body = request("POST", f"{BASE}/api/v1/auth/tokens", {"username": username, "password": PASSWORD})
    if status not in (200, 201):
        raise SystemExit(f"cmi5: cannot sign in as {username}: {status} {body[:200]}")
    return json.loads(body)["token"]


def package(run):
    """A cmi5 ZIP: cmi5.xml at its root and the AU's page."""
    xml = f"""<?xml version="1.0" encoding="utf-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="https://example.org/zhijiao-e2e/{run}/course">
    <title><langstring lang="zh-CN">e2e 课程 {run}</langstring><langstring lang="en-US">e2e course {run}</langstring></title>
    <description><langstring lang="en-US">A course the cmi5 check builds.</langstring></description>
  </course>
  <block id="https://example.org/zhijiao-e2e/{run}/block">
    <title><langstring lang="en-US">Block</langstring></title>
    <description><langstring lang="en-US">Block</langstring></description>
    <au id="https://example.org/zhijiao-e2e/{run}/au" moveOn="CompletedAndPassed" masteryScore="0.8" launchMethod="AnyWindow">
      <title><langstring lang="en-US">AU</langstring></title>
      <description><langstring lang="en-US">AU</langstring></description>
      <url>index.html</url>
      <launchParameters>e2e=1</launchParameters>
    </au>
  </block>
</courseStructure>
"""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("cmi5.xml", xml)
        z.writestr("index.html", "<!doctype html><title>AU</title><p>cmi5 AU</p>")
    return out.getvalue()


def main():
    run = uuid.uuid4().hex[:8]
    au_id = f"https://example.org/zhijiao-e2e/{run}/au"
    course_iri = f"https://example.org/zhijiao-e2e/{run}/course"
    teacher = {"Authorization": "Bearer " + token("teacher-demo")}
    learner = {"Authorization": "Bearer " + token("learner-demo")}

    # The teacher imports the package as an open course.
    status, _, body = request("POST", f"{BASE}/api/v1/courses?fileName=e2e-{run}.zip", package(run), {**teacher, "Content-Type": "application/zip"})
    check("teacher imports the cmi5 package", status == 201, f"{status} {body[:300]}")
    if status != 201:
        return
    course = json.loads(body)["course"]["id"]
    # A broken package is refused with the reason.
    status, _, body = request("POST", f"{BASE}/api/v1/courses", b"<courseStructure/>", {**teacher, "Content-Type": "application/xml"})
    check("an invalid package is refused with the reason", status == 422 and "package" in body, f"{status} {body[:200]}")

    # The learner enrols and launches the AU.
    status, _, body = request("POST", f"{BASE}/api/v1/courses/{course}/enrolment", None, learner)
    check("learner enrols", status == 201, f"{status} {body[:200]}")
    status, _, body = request("POST", f"{BASE}/api/v1/courses/{course}/aus/1/launch", {"launchMode": "Normal"}, learner)
    check("learner launches the AU", status == 200, f"{status} {body[:200]}")
    if status != 200:
        return
    launch_url = json.loads(body)["launchUrl"]

    # As the AU: the launch URL's parameters.
    query = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(launch_url).query))
    check("launch URL carries endpoint, fetch, actor, registration, activityId",
          all(k in query for k in ("endpoint", "fetch", "actor", "registration", "activityId")), launch_url)
    check("activityId is the LMS's, not the publisher's", query.get("activityId") != au_id)
    endpoint = query["endpoint"] if query["endpoint"].endswith("/") else query["endpoint"] + "/"
    actor = json.loads(query["actor"])
    registration = query["registration"]
    activity = query["activityId"]

    status, _, body = request("POST", query["fetch"])
    answer = json.loads(body) if body.startswith("{") else {}
    check("fetch URL returns the auth token", status == 200 and "auth-token" in answer, f"{status} {body[:200]}")
    if "auth-token" not in answer:
        return
    xapi = {"Authorization": "Basic " + answer["auth-token"], "X-Experience-API-Version": "1.0.3"}
    status, _, body = request("POST", query["fetch"])
    second = json.loads(body) if body.startswith("{") else {}
    check("a second POST to the fetch URL is refused (error-code 1)", status != 200 and second.get("error-code") == "1", f"{status} {body[:200]}")

    # LMS.LaunchData from the State API, with the session's token.
    state = urllib.parse.urlencode({"stateId": "LMS.LaunchData", "activityId": activity, "agent": json.dumps(actor), "registration": registration})
    status, _, body = request("GET", f"{endpoint}activities/state?{state}", None, xapi)
    check("LMS.LaunchData is in the State document", status == 200, f"{status} {body[:200]}")
    launch_data = json.loads(body) if status == 200 else {}
    check("LaunchData: Normal, CompletedAndPassed, masteryScore 0.8, launchParameters",
          launch_data.get("launchMode") == "Normal" and launch_data.get("moveOn") == "CompletedAndPassed"
          and float(launch_data.get("masteryScore", 0)) == 0.8 and launch_data.get("launchParameters") == "e2e=1", body[:300])
    template = launch_data.get("contextTemplate", {})
    session = template.get("extensions", {}).get(SESSION)
    check("the context template names the session and the AU", bool(session) and
          template.get("contextActivities", {}).get("grouping", [{}])[0].get("id") == au_id, json.dumps(template)[:300])
    status, _, _ = request("GET", f"{endpoint}agents/profile?" + urllib.parse.urlencode({"profileId": "cmi5LearnerPreferences", "agent": json.dumps(actor)}), None, xapi)
    check("the learner preferences profile can be asked for (404: none)", status in (200, 404), str(status))

    def statement(verb, result=None, moveon=False, who=None):
        context = copy.deepcopy(template)
        context["registration"] = registration
        activities = context.setdefault("contextActivities", {})
        activities["category"] = [{"id": CMI5}] + ([{"id": MOVEON}] if moveon else [])
        s = {"id": str(uuid.uuid4()), "actor": who or actor, "verb": {"id": VERBS[verb], "display": {"en-US": verb}},
             "object": {"id": activity, "objectType": "Activity"}, "context": context,
             "timestamp": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")}
        if result:
            s["result"] = result
        return s

    def send(s):
        return request("POST", f"{endpoint}statements", s, {**xapi, "Content-Type": "application/json"})

    stranger = {"objectType": "Agent", "account": {"homePage": "https://example.org", "name": "someone-else"}}
    status, _, body = send(statement("initialized", who=stranger))
    check("a statement for another actor is refused", status == 400, f"{status} {body[:200]}")
    status, _, body = send(statement("completed", {"completion": True, "duration": "PT1M"}, moveon=True))
    check("completed before initialized is refused (session rules)", status == 400, f"{status} {body[:200]}")
    for verb, result, moveon in [("initialized", None, False), ("completed", {"completion": True, "duration": "PT4M"}, True),
                                 ("passed", {"success": True, "score": {"scaled": 0.9}, "duration": "PT5M"}, True),
                                 ("terminated", {"duration": "PT6M"}, False)]:
        status, _, body = send(statement(verb, result, moveon))
        check(f"AU sends {verb}", status == 200, f"{status} {body[:300]}")

    # The LRS holds the LMS's statements (read with a reading client).
    if XAPI_AUTH:
        reader = {"Authorization": "Basic " + base64.b64encode(XAPI_AUTH.encode()).decode(), "X-Experience-API-Version": "1.0.3"}
        found = {}
        for verb in ("launched", "satisfied"):
            status, _, body = request("GET", f"{BASE}/xapi/statements?" + urllib.parse.urlencode({"registration": registration, "verb": VERBS[verb]}), None, reader)
            found[verb] = json.loads(body).get("statements", []) if status == 200 else []
        check("the LRS holds the LMS's launched statement", len(found["launched"]) == 1 and found["launched"][0]["object"]["id"] == activity,
              json.dumps(found["launched"])[:300])
        objects = {s["object"]["id"] for s in found["satisfied"]}
        check("the LRS holds the satisfied statements of the block and the course", course_iri in objects and f"https://example.org/zhijiao-e2e/{run}/block" in objects,
              str(objects))
    else:
        check("XAPI_AUTH given to read the LRS", False, "set XAPI_AUTH=KEY:SECRET of a client with read scope")

    # The course shows satisfied to the learner.
    status, _, body = request("GET", f"{BASE}/api/v1/courses/{course}", None, learner)
    detail = json.loads(body) if status == 200 else {}
    check("the course shows satisfied", (detail.get("enrolment") or {}).get("satisfied") is True, body[:300])
    check("the AU shows satisfied", bool(detail.get("aus")) and detail["aus"][0].get("satisfied") is True)


if __name__ == "__main__":
    try:
        main()
    except Exception as error:  # a crash is a failure, counted and shown
        failed += 1
        print(f"FAIL crashed: {error!r}")
    print(f"cmi5: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
