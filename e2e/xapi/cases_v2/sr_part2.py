"""4.1.6.1-Statement-Resource.js, second part (XAPI-00176 .. XAPI-00166)."""
import hashlib
import re

from common import has, now_ms, post_statement
from lrs_client import get_boundary, get_url_encoding, parse_multipart
from templates import generate_uuid, js_stringify
from .sr_part1 import get_result, pri_statement

B = "-------314159265358979323846"


def _stmt_by_id(t, res, sid):
    """the statements of a StatementResult (asserting an array) that carry id sid"""
    result = t.json(res)
    if t.dry:
        return []
    stmts = result.get("statements") if isinstance(result, dict) else None
    t.ok(isinstance(stmts, list), "statements should be an array, got %r" % (stmts,))
    return [s for s in stmts if isinstance(s, dict) and s.get("id") == sid]


def _eq(t, got, exp, what):
    t.eq(got, exp, what)


def register(S):
    with S.describe('An LRS\'s Statement Resource can process a GET request with "related_activities" as a parameter  (**Implicit**, Communication 2.1.3.s1.table1.row7)',
                    reqs=["XAPI-00177"]):
        @S.before
        def _(t):
            t.ctx["statement"] = st = pri_statement(t)
            t.ctx["stmtTime"] = now_ms()
            post_statement(t, st)

        @S.it('should process using GET with "related_activities"')
        def _(t):
            st = t.ctx["statement"]
            get_result(t, get_url_encoding({"activity": st["context"]["contextActivities"]["category"]["id"],
                                            "related_activities": True}), t.ctx["stmtTime"])

    with S.describe('An LRS\'s Statement Resource can process a GET request with "related_agents" as a parameter  (**Implicit**, Communication 2.1.3.s1.table1.row8, XAPI-00176)'):
        @S.before
        def _(t):
            t.ctx["statement"] = st = pri_statement(t)
            t.ctx["stmtTime"] = now_ms()
            post_statement(t, st)

        @S.it('should process using GET with "related_agents"')
        def _(t):
            st = t.ctx["statement"]
            get_result(t, get_url_encoding({"agent": st["context"]["instructor"], "related_agents": True}), t.ctx["stmtTime"])

    for title, name, params in [
        ('An LRS\'s Statement Resource can process a GET request with "since" as a parameter  (**Implicit**, Communication 2.1.3.s1.table1.row9, XAPI-00175)',
         'should process using GET with "since"', {"since": "2012-06-01T19:09:13.245Z"}),
        ('An LRS\'s Statement Resource can process a GET request with "until" as a parameter  (**Implicit**, Communication 2.1.3.s1.table1.row10, XAPI-00174)',
         'should process using GET with "until"', {"until": "2012-06-01T19:09:13.245Z"}),
        ('An LRS\'s Statement Resource can process a GET request with "limit" as a parameter  (**Implicit**, Communication 2.1.3.s1.table1.row11, XAPI-00173)',
         'should process using GET with "limit"', {"limit": 1}),
    ]:
        with S.describe(title):
            @S.it(name)
            def _(t, params=params):
                t.status(t.get("/statements?" + get_url_encoding(params)), 200)

    with S.describe('If the "Accept-Language" header is present as part of the GET request to the Statement API and the "format" parameter is set to "canonical", the LRS MUST apply this data to choose the matching language in the response. (Communication 2.1.3.s1.table1.row11, XAPI-00172)'):
        @S.before
        def _(t):
            st = pri_statement(t)
            t.ctx["stmtTime"] = now_ms()
            res = t.status(t.post("/statements", json_body=st), 200)
            body = t.json(res)
            t.ctx["statementID"] = body[0] if isinstance(body, list) and body else None

        def lang_case(fmt, expect_en_us):
            def case(t):
                sid = t.ctx["statementID"]
                params = {"statementId": sid}
                if fmt:
                    params["format"] = fmt
                t.delay(0, None, sid)
                res = t.status(t.get("/statements?" + get_url_encoding(params), headers={"Accept-Language": "en-GB"}), 200)
                st = t.json(res)
                if t.dry:
                    return
                cat = ((st.get("context") or {}).get("contextActivities") or {}).get("category") or [{}]
                maps = [("verb.display", (st.get("verb") or {}).get("display") or {}),
                        ("category[0].definition.description", ((cat[0] or {}).get("definition") or {}).get("description") or {}),
                        ("category[0].definition.name", ((cat[0] or {}).get("definition") or {}).get("name") or {})]
                for what, m in maps:
                    if expect_en_us:
                        t.ok("en-US" in m, "%s should keep en-US without format=canonical, got %r" % (what, m))
                    else:
                        t.ok("en-US" not in m, "%s should not have en-US with format=canonical and Accept-Language en-GB, got %r" % (what, m))
                if expect_en_us:
                    for what, m in maps:
                        t.ok("en-GB" in m, "%s should keep en-GB, got %r" % (what, m))
            return case

        S.it('should apply this data to choose the matching language in the response')(lang_case("canonical", False))
        S.it('should NOT apply this data to choose the matching language in the response when format is not set ')(lang_case(None, True))

    with S.describe('An LRS\'s Statement Resource can process a GET request with "format" as a parameter  (**Implicit**, Communication 2.1.3.s1.table1.row12)'):
        @S.before
        def _(t):
            d = t.statement({"statement": "{{statements.object_substatement}}"}, {"object": "{{statements.unicode}}"},
                            {"actor": "{{groups.default}}"})
            c = t.ctx
            c["agent"] = d["actor"]
            d["actor"]["mbox"] = "mailto:agent%s@adlnet.gov" % generate_uuid()
            c["verb1"] = d["verb"]
            c["group"] = d["object"]["actor"]
            d["object"]["actor"]["mbox"] = "mailto:group%s@adlnet.gov" % generate_uuid()
            c["verb2"] = d["object"]["verb"]
            d["object"]["object"]["id"] = "http://www.example.com/unicode/" + generate_uuid()
            c["activity"] = d["object"]["object"]
            c["stmtTime"] = now_ms()
            body = t.json(t.status(t.post("/statements", json_body=d), 200))
            c["id"] = body[0] if isinstance(body, list) and body else None

        def fetch(t, query, headers=None):
            sid = t.ctx["id"]
            t.delay(t.ctx["stmtTime"], "?statementId=%s" % sid, sid)
            res = t.status(t.get("/statements" + (("?" + query) if query else ""), headers=headers), 200)
            return _stmt_by_id(t, res, sid)

        @S.it('should process using GET with "format" absent (XAPI-00168)')
        def _(t):
            c = t.ctx
            for st in fetch(t, None):
                _eq(t, st.get("actor"), c["agent"], "actor")
                _eq(t, st.get("verb"), c["verb1"], "verb")
                _eq(t, st["object"].get("actor"), c["group"], "object.actor")
                _eq(t, st["object"].get("object"), c["activity"], "object.object")
                _eq(t, st["object"].get("verb"), c["verb2"], "object.verb")

        @S.it('should process using GET with "format" canonical (XAPI-00169)')
        def _(t):
            c = t.ctx
            agent, verb1, verb2, activity, group = c["agent"], c["verb1"], c["verb2"], c["activity"], c["group"]
            canonical_actor = {"mbox": agent.get("mbox"), "objectType": agent.get("objectType"), "name": agent.get("name")}
            main_verb = {"id": verb1["id"], "display": {"en-GB": verb1["display"].get("en-GB")}}
            sub_verb = {"id": verb2["id"], "display": {"en-GB": verb2["display"].get("en-GB")}}
            d = activity.get("definition", {})
            sub_activity = {"objectType": activity.get("objectType"), "id": activity["id"], "definition": {
                "name": {"en-GB": d["name"].get("en-GB")}, "description": {"en-GB": d["description"].get("en-GB")},
                "type": d.get("type"), "moreInfo": d.get("moreInfo"), "interactionType": d.get("interactionType"),
                "correctResponsesPattern": d.get("correctResponsesPattern"), "extensions": d.get("extensions")}}
            canonical_group = {"mbox": group.get("mbox"), "objectType": group.get("objectType"), "name": group.get("name")}
            for st in fetch(t, get_url_encoding({"format": "canonical"}), {"Accept-Language": "en-GB"}):
                _eq(t, st.get("actor"), canonical_actor, "actor")
                _eq(t, st.get("verb"), main_verb, "verb")
                _eq(t, st["object"].get("verb"), sub_verb, "object.verb")
                _eq(t, st["object"].get("object"), sub_activity, "object.object")
                _eq(t, st["object"].get("actor"), canonical_group, "object.actor")

        @S.it('should process using GET with "format" exact (XAPI-00170)')
        def _(t):
            c = t.ctx
            for st in fetch(t, get_url_encoding({"format": "exact"})):
                _eq(t, st.get("actor"), c["agent"], "actor")
                _eq(t, st.get("verb"), c["verb1"], "verb")
                _eq(t, st["object"].get("actor"), c["group"], "object.actor")
                _eq(t, st["object"].get("verb"), c["verb2"], "object.verb")
                _eq(t, st["object"].get("object"), c["activity"], "object.object")

        @S.it('should process using GET with "format" ids (XAPI-00171)')
        def _(t):
            c = t.ctx
            for st in fetch(t, get_url_encoding({"format": "ids"})):
                o = st.get("object") or {}
                t.ok(1 <= len(st.get("actor") or {}) <= 2, "ids format: actor should have 1-2 keys, got %r" % st.get("actor"))
                t.eq(len(o.get("actor") or {}), 2, "ids format: object.actor key count")
                t.eq(len(o.get("object") or {}), 1, "ids format: object.object key count")
                t.eq(len(st.get("verb") or {}), 1, "ids format: verb key count")
                t.eq(len(o.get("verb") or {}), 1, "ids format: object.verb key count")
                t.eq(st["actor"].get("mbox"), c["agent"].get("mbox"), "actor.mbox")
                if st["actor"].get("objectType"):
                    t.eq(st["actor"]["objectType"], c["agent"].get("objectType"), "actor.objectType")
                t.eq(st["verb"].get("id"), c["verb1"]["id"], "verb.id")
                t.eq(o["actor"].get("mbox"), c["group"].get("mbox"), "object.actor.mbox")
                t.eq(o["actor"].get("objectType"), c["group"].get("objectType"), "object.actor.objectType")
                t.eq(o["object"].get("id"), c["activity"]["id"], "object.object.id")
                t.eq(o["verb"].get("id"), c["verb2"]["id"], "object.verb.id")

    with S.describe('An LRS\'s Statement Resource can process a GET request with "attachments" as a parameter  (**Implicit**, Communication 2.1.3.s1.table1.row13, XAPI-00167)'):
        @S.before
        def _(t):
            att = {"usageType": "http://example.com/attachment-usage/test", "display": {"en-US": "A test attachment"},
                   "contentType": "text/plain", "length": 0, "sha2": "",
                   "description": {"en-US": "A test attachment (description)"}}
            d = t.statement({"statement": "{{statements.attachment}}"}, {"attachments": [dict(att), dict(att)]})
            raw1, raw2 = t.tpl.attachment_bytes("simple_text1.txt"), t.tpl.attachment_bytes("simple_text2.txt")
            t.ctx["h1"], t.ctx["h2"] = hashlib.sha256(raw1).hexdigest(), hashlib.sha256(raw2).hexdigest()
            d["attachments"][0].update(length=len(raw1), sha2=t.ctx["h1"])
            d["attachments"][1].update(length=len(raw2), sha2=t.ctx["h2"])
            crlf = "\r\n"
            msg = "--" + B + crlf + "Content-Type: application/json" + crlf + crlf + js_stringify(d) + crlf
            for raw, h in ((raw1, t.ctx["h1"]), (raw2, t.ctx["h2"])):
                msg += "--" + B + crlf + "Content-Type: text/plain" + crlf + "Content-Transfer-Encoding: binary" + crlf
                msg += "X-Experience-API-Hash: " + h + crlf + crlf + raw.decode("utf-8") + crlf
            msg += "--" + B + "--" + crlf
            t.ctx["stmtTime"] = now_ms()
            res = t.status(t.post("/statements", body=msg.encode("utf-8"), content_type="multipart/mixed; boundary=" + B), 200)
            body = t.json(res)
            t.ctx["stmtId"] = body[0] if isinstance(body, list) and body else None

        if S.version != "1.0.3":
            S.it('should return multipart response format StatementResult using GET with "attachments" parameter as true')(attachments_true_case)
            S.it('should not return multipart response format using GET with "attachments" parameter as false')(attachments_false_case)

        @S.it('should process using GET with "attachments"')
        def _(t):
            _process_attachments(t)

    _rest(S)


def attachments_true_case(t):
    res = get_result_raw(t, get_url_encoding({"attachments": True}), t.ctx["stmtTime"])
    if t.dry:
        return
    ct = res.headers.get("Content-Type")
    t.ok(ct is not None, "no Content-Type header")
    boundary = get_boundary(ct)
    t.ok(boundary, "no multipart boundary in Content-Type %r" % ct)
    try:
        parsed = parse_multipart(boundary, res.text)
    except ValueError as e:
        t.fail("response is not multipart/mixed: %s" % e)
    t.ok(parsed, "empty multipart response")
    try:
        import json
        results = json.loads(parsed[0]["body"])
    except ValueError:
        t.fail("first part is not JSON: %r" % parsed[0]["body"][:100])
    has(t, results, "statements")


def attachments_false_case(t):
    res = get_result_raw(t, get_url_encoding({"attachments": False}), t.ctx["stmtTime"])
    has(t, t.json(res), "statements")


def _process_attachments(t):
    sid = t.ctx["stmtId"]
    res = get_result_raw(t, get_url_encoding({"attachments": True, "statementId": sid}), t.ctx["stmtTime"], sid)
    if t.dry:
        return
    ct = res.headers.get("Content-Type") or ""
    t.ok("multipart/mixed" in ct, "Content-Type %r is not multipart/mixed" % ct)
    b = ct.split(";")
    t.ok(len(b) > 1, "no boundary in Content-Type %r" % ct)
    if '"' in b[1]:
        boundary = re.search(r'"([^"]+)"', b[1].strip()).group(1)
    else:
        temp = b[1].strip()
        boundary = temp[temp.find("=") + 1:]
    body = res.text
    x = body.split(boundary)
    t.ok(len(x) > 1, "boundary %r not found in the body" % boundary)
    c = x[1][x[1].find("{"): x[1].rfind("}") + 1]
    try:
        import json
        result = json.loads(c)
    except ValueError:
        t.fail("first part is not a JSON statement: %r" % c[:100])
    t.eq(has(t, result, "id"), sid, "statement id")
    t.eq(len(re.findall(t.ctx["h1"], body)), 2, "occurrences of the first attachment's sha2")
    t.eq(len(re.findall(t.ctx["h2"], body)), 2, "occurrences of the second attachment's sha2")


def _rest(S):
    with S.describe('An LRSs Statement Resource, upon receiving a GET request, MUST have a "Content-Type" header(**Implicit**, Communication 2.1.3.s1.table1.row14, XAPI-00165)'):
        @S.it('should contain the content-type header')
        def _(t):
            res = t.get("/statements?" + get_url_encoding({"ascending": True}))
            t.ok(t.dry or res.headers.get("Content-Type") is not None, "no Content-Type header")

    with S.describe('An LRS\'s Statement Resource can process a GET request with "ascending" as a parameter  (**Implicit**, Communication 2.1.3.s1.table1.row14, XAPI-00166)'):
        @S.it('should process using GET with "ascending"')
        def _(t):
            t.status(t.get("/statements?" + get_url_encoding({"ascending": True})), 200)


def get_result_raw(t, query, stmt_time, sid=None):
    t.delay(stmt_time, "?" + query, sid)
    return t.status(t.get("/statements?" + query), 200)
