"""Shared steps of the hand-written cases (the request chains the suite repeats)."""
import time

from templates import generate_uuid


def now_ms():
    return time.time() * 1000


def post_statement(t, data, expect=200, **kw):
    res = t.post("/statements", json_body=data, **kw)
    if expect is not None:
        t.status(res, expect)
    return res


def put_statement(t, data, sid=None, expect=204, **kw):
    res = t.put("/statements", query="statementId=%s" % (sid or data["id"]), json_body=data, **kw)
    if expect is not None:
        t.status(res, expect)
    return res


def get_statement(t, sid, expect=200, delay_time=None, voided=False, extra="", **kw):
    """GET /statements?statementId=sid (or voidedStatementId) after helper.genDelay."""
    query = "?%s=%s%s" % ("voidedStatementId" if voided else "statementId", sid, extra)
    if delay_time is not None:
        t.delay(delay_time, query, sid)
    res = t.get("/statements" + query, **kw)
    if expect is not None:
        t.status(res, expect)
    return res


def post_then_get(t, data, post_expect=200):
    """The suite's most common chain: give the statement an id, POST it, wait, GET it back."""
    if "id" not in data:
        data["id"] = generate_uuid()
    stmt_time = now_ms()
    post_statement(t, data, post_expect)
    res = get_statement(t, data["id"], delay_time=stmt_time)
    return t.json(res)


def has(t, obj, *path):
    """chai: expect(obj).to.have.property(a).to.have.property(b)..."""
    cur = obj
    walked = []
    for p in path:
        walked.append(str(p))
        if t.dry:
            return None
        if not isinstance(cur, dict) or p not in cur:
            t.fail("expected property %s in response" % ".".join(walked))
        cur = cur[p]
    return cur


# ---- test/v2_0/util/requests.js (axios) -------------------------------------------------

def send_statement(t, statement, headers=None):
    return t.lrs.ax("POST", "/statements", statement, headers=headers)


def get_statement_exact(t, sid, headers=None):
    return t.lrs.ax("GET", "/statements", params={"statementId": sid}, headers=headers)


def get_activity_with_iri(t, iri, headers=None):
    from lrs_client import encode_uri_component
    return t.lrs.ax("GET", "/activities", query="activityId=" + encode_uri_component(iri), headers=headers)


def random_boundary():
    return "-------------__%s__123__456" % generate_uuid()


def signed_statement_body(t, statement, boundary=None):
    from templates import sign_statement
    return sign_statement(statement, boundary=boundary or random_boundary()).decode("utf-8")


def send_signed_statement_body(t, body, boundary, headers=None):
    h = dict(headers or {})
    h["Content-Type"] = "multipart/mixed; boundary=%s" % boundary
    return t.lrs.ax("POST", "/statements", body, headers=h)


def put_document(t, path, document, params, headers=None):
    return t.lrs.ax("PUT", path, document, params=params, headers=headers)


def post_document(t, path, document, params, headers=None):
    return t.lrs.ax("POST", path, document, params=params, headers=headers)


def get_documents(t, path, params, headers=None):
    return t.lrs.ax("GET", path, params=params, headers=headers)


def delete_document(t, path, params, headers=None):
    return t.lrs.ax("DELETE", path, params=params, headers=headers)


def data(t, res):
    """axios response.data: parsed JSON when it parses, else the text."""
    if t.dry:
        return t.json(res)
    try:
        return res.json()
    except ValueError:
        return res.text


# ---- helper.sendRequest (supertest) -----------------------------------------------------

def send_request(t, method, path, params, body, expect):
    """helper.sendRequest: params url-encoded by getUrlEncoding; an object body is sent as
    JSON, a string body as superagent sends strings (form content type)."""
    kw = {}
    if body is not None:
        if isinstance(body, (dict, list)):
            kw["json_body"] = body
        else:
            kw["body"] = body
            kw["content_type"] = "application/x-www-form-urlencoded"
    res = t.lrs.request(method.upper(), path, params=params, **kw)
    t.status(res, expect)
    return res


def moment_ms(s):
    """moment(s, moment.ISO_8601)._pf.parsedDateParts[6]: the millisecond part, or None."""
    import re
    if not isinstance(s, str):
        return None
    m = re.match(r"^\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d[.,](\d+)", s)
    if not m:
        return None
    return int(float("0." + m.group(1)) * 1000)


def milli_checker(t, prop):
    """The suite's milliChecker over GET /statements: walk the statements until one has a
    `prop` whose millisecond part does not end in 0; every one walked must have milliseconds."""
    res = t.status(t.get("/statements"), 200)
    if t.dry:
        return
    stmts = (t.json(res) or {}).get("statements") or []
    t.ok(stmts, "GET /statements returned no statements to check")
    for st in stmts:
        v = has(t, st, prop)
        ms = moment_ms(v)
        t.ok(ms is not None, "%s %r is not an ISO 8601 timestamp with a fraction of a second" % (prop, v))
        if ms % 10 > 0:
            return
    t.fail("no %s has millisecond precision (last: %r)" % (prop, stmts[-1].get(prop)))


def post_signed(t, data, expect, **opts):
    """helper.signStatement + super-request POST with multipart/mixed."""
    from templates import sign_statement
    boundary = "-------------" + str(__import__("random").randint(0, 0xFFFFFFFF))
    body = sign_statement(data, boundary=boundary, **opts)
    res = t.post("/statements", body=body, content_type="multipart/mixed; boundary=" + boundary)
    return t.status(res, expect)


def iso_ms(ms):
    """new Date(ms).toISOString()"""
    from datetime import datetime, timezone
    d = datetime.fromtimestamp(ms / 1000.0, tz=timezone.utc)
    return d.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (d.microsecond // 1000)


def since_one_minute_ago(t):
    """new Date(Date.now() - 60 * 1000 - helper.getTimeMargin()).toISOString()"""
    return iso_ms(now_ms() - 60 * 1000 - (t.lrs.time_margin or 0))


def sr(t, method, path, params, body=None, headers=None, json_body=None):
    """super-request with the suite's query string (path + '?' + getUrlEncoding(params))."""
    kw = {}
    if json_body is not None:
        kw["json_body"] = json_body
    if body is not None:
        kw["body"] = body
    return t.lrs.request(method, path, params=params, headers=headers, **kw)
