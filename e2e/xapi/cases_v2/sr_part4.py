"""4.1.6.1-Statement-Resource.js, last part (Consistent-Through format, XAPI-00161, XAPI-00163,
XAPI-00162, XAPI-00164, extra properties, timestamp defaults)."""
import hashlib
import json
import re

from common import (data, get_statement_exact, has, iso_ms, now_ms, post_statement, send_statement)
from lrs_client import get_boundary, get_url_encoding, parse_date_ms, parse_multipart
from templates import generate_uuid, js_stringify
from .sr_part1 import DEFAULT, get_result, persist_voided, pri_statement

B = "-------314159265358979323846"
ISO_RE = re.compile(r"^\d{4}-?\d\d-?\d\d([T ]\d\d(:?\d\d(:?\d\d([.,]\d+)?)?)?(Z|[+-]\d\d(:?\d\d)?)?)?$")
FILEURL_TEXT_ATT = {"usageType": "http://example.com/attachment-usage/test", "display": {"en-US": "A test attachment"},
                    "description": {"en-US": "A test attachment (description)"}, "contentType": "text/plain",
                    "length": 0, "sha2": "", "fileUrl": "http://over.there.com/file.txt"}


def text_attachment_message(t):
    """statements.attachment with simple_text1.txt sent as a multipart part (the suite's msg)"""
    d = t.statement({"statement": "{{statements.attachment}}"}, {"attachments": [dict(FILEURL_TEXT_ATT)]})
    raw = t.tpl.attachment_bytes("simple_text1.txt")
    d["attachments"][0]["length"] = len(raw)
    d["attachments"][0]["sha2"] = h = hashlib.sha256(raw).hexdigest()
    crlf = "\r\n"
    msg = "--" + B + crlf + "Content-Type: application/json" + crlf + crlf + js_stringify(d) + crlf
    msg += "--" + B + crlf + "Content-Type: text/plain" + crlf + "Content-Transfer-Encoding: binary" + crlf
    msg += "X-Experience-API-Hash: " + h + crlf + crlf + raw.decode("utf-8") + crlf + "--" + B + "--" + crlf
    return msg.encode("utf-8")


def post_multipart(t, body):
    return t.post("/statements", body=body, content_type="multipart/mixed; boundary=" + B)


def deep_search(obj, value):
    """helper.deepSearchObject: some nested value == value"""
    if isinstance(obj, dict):
        items = obj.values()
    elif isinstance(obj, list):
        items = obj
    else:
        return False
    for v in items:
        if v == value:
            return True
        if isinstance(v, (dict, list)) and deep_search(v, value):
            return True
    return False


def path_get(obj, path):
    for p in path.split("."):
        if not isinstance(obj, dict) or p not in obj:
            return KeyError
        obj = obj[p]
    return obj


def register(S):
    with S.describe('An LRS\'s "X-Experience-API-Consistent-Through" header is an ISO 8601 combined date and time (Type, Communication 2.1.3.s2.b5).',
                    reqs=["XAPI-00160"]):
        @S.before
        def _(t):
            t.ctx["statement"] = st = pri_statement(t)
            t.ctx["stmtTime"] = now_ms()
            post_statement(t, st)

        def valid_through(query_fn):
            def case(t):
                q = query_fn(t)
                t.delay(t.ctx["stmtTime"], ("?" + q) if q else None, None)
                res = t.status(t.get("/statements" + (("?" + q) if q else "")), 200)
                if t.dry:
                    return
                v = res.headers.get("X-Experience-API-Consistent-Through")
                t.ok(v, "no X-Experience-API-Consistent-Through header")
                t.ok(ISO_RE.match(v) and parse_date_ms(v) is not None,
                     "X-Experience-API-Consistent-Through %r is not an ISO 8601 date and time" % v)
            return case

        S.it('should return valid "X-Experience-API-Consistent-Through" using GET')(valid_through(lambda t: None))
        st = lambda t: t.ctx["statement"]
        for name, build in [
            ("agent", lambda t: t.tpl.create_from_template([{"agent": "{{agents.default}}"}])),
            ("verb", lambda t: {"verb": "http://adlnet.gov/expapi/non/existent"}),
            ("activity", lambda t: {"activity": "http://www.example.com/meetings/occurances/12345"}),
            ("registration", lambda t: {"registration": generate_uuid()}),
            ("related_activities", lambda t: {"activity": st(t)["context"]["contextActivities"]["category"]["id"], "related_activities": True}),
            ("related_agents", lambda t: {"agent": st(t)["context"]["instructor"], "related_agents": True}),
            ("since", lambda t: {"since": "2012-06-01T19:09:13.245Z"}),
            ("until", lambda t: {"until": "2012-06-01T19:09:13.245Z"}),
            ("limit", lambda t: {"limit": 1}),
            ("ascending", lambda t: {"ascending": True}),
            ("format", lambda t: {"format": "ids"}),
            ("attachments", lambda t: {"attachments": True}),
        ]:
            S.it('should return "X-Experience-API-Consistent-Through" using GET with "%s"' % name)(
                valid_through(lambda t, build=build: get_url_encoding(build(t))))

    with S.describe('An LRSs Statement Resource does not return attachment data and only returns application/json if the "attachment" parameter set to "false" (Communication 2.1.3.s1.b1, XAPI-00161)'):
        @S.before
        def _(t):
            t.ctx["stmtTime"] = now_ms()
            res = t.status(post_multipart(t, text_attachment_message(t)), 200)
            body = t.json(res)
            t.ctx["statementId"] = body[0] if isinstance(body, list) and body else None

        def fetch(t, extra):
            sid = t.ctx["statementId"]
            query = "?statementId=%s%s" % (sid, extra)
            t.delay(t.ctx["stmtTime"], query, sid)
            return t.status(t.get("/statements" + query), 200)

        @S.it('should NOT return the attachment if "attachments" is missing')
        def _(t):
            res = fetch(t, "")
            t.ok(t.dry or re.match(r"^application/json", res.headers.get("Content-Type") or ""),
                 "Content-Type %r is not application/json" % (None if t.dry else res.headers.get("Content-Type")))

        @S.it('should NOT return the attachment if "attachments" is false')
        def _(t):
            res = fetch(t, "&attachments=false")
            t.ok(t.dry or re.match(r"^application/json", res.headers.get("Content-Type") or ""),
                 "Content-Type %r is not application/json" % (None if t.dry else res.headers.get("Content-Type")))

        @S.it('should return the attachment when "attachment" is true')
        def _(t):
            res = fetch(t, "&attachments=true")
            if t.dry:
                return
            ct = res.headers.get("Content-Type") or ""
            t.eq(ct.split(";")[0], "multipart/mixed", "Content-Type")
            t.ok(len(ct.split(";")) > 1, "no boundary in Content-Type %r" % ct)
            boundary = ct.split(";")[1].replace(" boundary=", "")
            parts = res.text.split("--" + boundary)
            t.ok(any("here is a simple attachment" in p for p in parts), "the attachment's text is not in the response")

    with S.describe('An LRS\'s Statement Resource, upon processing a successful GET request, can only return a Voided Statement if that Statement is specified in the voidedStatementId parameter of that request (Communication 2.1.4.s1.b1, XAPI-00163)'):
        S.before(persist_voided)

        @S.it('should not return a voided statement if using GET "statementId"')
        def _(t):
            q = get_url_encoding({"statementId": t.ctx["voidedId"]})
            t.delay(t.ctx["stmtTime"], "?" + q, t.ctx["voidedId"])
            t.status(t.get("/statements?" + q), 404)

    with S.describe('An LRS\'s Statement Resource, upon processing a successful GET request wishing to return a Voided Statement still returns Statements which target it (Communication 2.1.4.s1.b2, XAPI-00162)'):
        @S.before
        def _(t):
            c = t.ctx
            c["verb"] = "http://adlnet.gov/expapi/test/voided/target/" + generate_uuid()
            c["voidedId"], c["voidingId"], c["statementRefId"] = generate_uuid(), generate_uuid(), generate_uuid()
            margin = t.lrs.time_margin or 0
            c["sinceVoidingTime"] = iso_ms(now_ms() - margin - 4000)
            voided = t.statement(DEFAULT)
            voided["id"] = c["voidedId"]
            voided["verb"]["id"] = c["verb"]
            post_statement(t, voided)
            voiding = t.statement({"statement": "{{statements.voiding}}"})
            voiding["id"] = c["voidingId"]
            voiding["object"]["id"] = c["voidedId"]
            prev = now_ms()
            t.delay(parse_date_ms(c["sinceVoidingTime"]), "?statementId=" + c["voidedId"], c["voidedId"])
            post_statement(t, voiding)
            ref = t.statement({"statement": "{{statements.object_statementref}}"})
            ref["id"] = c["statementRefId"]
            ref["object"]["id"] = c["voidedId"]
            ref["verb"]["id"] = c["verb"]
            c["stmtTime"] = now_ms()
            t.delay(prev, "?statementId=" + c["voidingId"], c["voidingId"])
            post_statement(t, ref)
            t.delay(c["stmtTime"], "?statementId=" + c["statementRefId"], c["statementRefId"])
            t.status(t.get("/statements"), 200)
            c["untilVoidingTime"] = iso_ms(now_ms() - margin + 4000)

        def ids_for(t, params):
            c = t.ctx
            res = get_result(t, get_url_encoding(params), c["stmtTime"])
            stmts = has(t, res, "statements")
            return [] if t.dry else [s.get("id") for s in stmts or []], stmts

        def since_until(key):
            def case(t):
                c = t.ctx
                ids, _ = ids_for(t, {"verb": c["verb"], key: c["sinceVoidingTime" if key == "since" else "untilVoidingTime"]})
                if t.dry:
                    return
                t.ok(c["statementRefId"] in ids, "the StatementRef %s is missing from %r" % (c["statementRefId"], ids))
                t.ok(c["voidingId"] in ids, "the voiding statement %s is missing from %r" % (c["voidingId"], ids))
                t.ok(c["voidedId"] not in ids, "the voided statement %s was returned" % c["voidedId"])
            return case

        S.it('should only return statements stored after designated "since" timestamp when using "since" parameter')(since_until("since"))
        S.it('should only return statements stored at or before designated "before" timestamp when using "until" parameter')(since_until("until"))

        @S.it('should return the number of statements listed in "limit" parameter')
        def _(t):
            ids, _ = ids_for(t, {"verb": t.ctx["verb"], "limit": 1})
            if not t.dry:
                t.eq(ids, [t.ctx["statementRefId"]], "statement ids")

        @S.it('should return StatementRef and voiding statement when not using "since", "until", "limit"')
        def _(t):
            ids, _ = ids_for(t, {"verb": t.ctx["verb"]})
            if not t.dry:
                t.eq(ids, [t.ctx["statementRefId"], t.ctx["voidingId"]], "statement ids (newest first)")

    with S.describe('The Statements within the "statements" property will correspond to the filtering criterion sent in with the GET request (Communication 2.1.3.s1, XAPI-00164)'):
        @S.before
        def _(t):
            import copy
            st = t.statement({"statement": "{{statements.context}}"}, {"context": "{{contexts.category}}"},
                             {"instructor": {"objectType": "Agent", "name": "xAPI mbox", "mbox": "mailto:pri@adlnet.gov"}})
            st["context"]["contextActivities"]["category"]["id"] += generate_uuid()
            st["verb"]["id"] += generate_uuid()
            st["actor"]["mbox"] = "mailto:%s@adlnet.gov" % generate_uuid()
            st["context"]["registration"] = generate_uuid()
            st["context"]["instructor"]["mbox"] = "mailto:%s@adlnet.gov" % generate_uuid()
            st["object"]["id"] += generate_uuid()
            st["context"]["contextActivities"]["category"]["id"] = "http://www.example.com/test/array/statements/pri"
            t.ctx["statement"] = st
            post_statement(t, st)
            sub = t.statement({"statement": "{{statements.object_substatement}}"}, {"object": "{{substatements.context}}"},
                              {"context": "{{contexts.category}}"},
                              {"instructor": {"objectType": "Agent", "name": "xAPI mbox", "mbox": "mailto:sub@adlnet.gov"}})
            sub["verb"]["id"] += generate_uuid()
            sub["actor"]["mbox"] = "mailto:%s@adlnet.gov" % generate_uuid()
            sub["object"]["verb"]["id"] += generate_uuid()
            sub["object"]["actor"]["mbox"] = "mailto:%s@adlnet.gov" % generate_uuid()
            sub["object"]["object"]["id"] += generate_uuid()
            sub["object"]["context"]["contextActivities"]["category"]["id"] = "http://www.example.com/test/array/statements/sub"
            t.ctx["stmtTime"] = now_ms()
            post_statement(t, sub)

        def filtered(build, check, what):
            def case(t):
                result = get_result(t, get_url_encoding(build(t)), t.ctx["stmtTime"])
                stmts = has(t, result, "statements")
                if t.dry:
                    return
                t.ok(isinstance(stmts, list), "statements should be an array")
                for s in stmts:
                    t.ok(check(t, s), "statement %s does not match the filter (%s)" % (s.get("id") if isinstance(s, dict) else s, what))
            return case

        S_ = lambda t: t.ctx["statement"]
        S.it('should return StatementResult with statements as array using GET with "agent"')(filtered(
            lambda t: t.tpl.create_from_template([{"agent": S_(t)["actor"]}]),
            lambda t, s: path_get(s, "actor.mbox") == S_(t)["actor"]["mbox"], "actor.mbox"))
        S.it('should return StatementResult with statements as array using GET with "verb"')(filtered(
            lambda t: {"verb": S_(t)["verb"]["id"]}, lambda t, s: path_get(s, "verb.id") == S_(t)["verb"]["id"], "verb.id"))
        S.it('should return StatementResult with statements as array using GET with "activity"')(filtered(
            lambda t: {"activity": S_(t)["object"]["id"]}, lambda t, s: path_get(s, "object.id") == S_(t)["object"]["id"], "object.id"))
        S.it('should return StatementResult with statements as array using GET with "registration"')(filtered(
            lambda t: {"registration": S_(t)["context"]["registration"]},
            lambda t, s: path_get(s, "context.registration") == S_(t)["context"]["registration"], "context.registration"))
        S.it('should return StatementResult with statements as array using GET with "related_activities"')(filtered(
            lambda t: {"activity": S_(t)["context"]["contextActivities"]["category"]["id"], "related_activities": True},
            lambda t, s: deep_search(s, S_(t)["context"]["contextActivities"]["category"]["id"]), "mentions the activity"))
        S.it('should return StatementResult with statements as array using GET with "related_agents"')(filtered(
            lambda t: {"agent": S_(t)["context"]["instructor"], "related_agents": True},
            lambda t, s: deep_search(s, S_(t)["context"]["instructor"]["mbox"]), "mentions the agent"))
        cutoff = parse_date_ms("2012-06-01T19:09:13.245Z")
        S.it('should return StatementResult with statements as array using GET with "since"')(filtered(
            lambda t: {"since": "2012-06-01T19:09:13.245Z"},
            lambda t, s: not ((parse_date_ms(s.get("stored")) or 0) < cutoff), "stored after since"))
        S.it('should return StatementResult with statements as array using GET with "until"')(filtered(
            lambda t: {"until": "2012-06-01T19:09:13.245Z"},
            lambda t, s: not ((parse_date_ms(s.get("stored")) or 0) > cutoff), "stored before until"))

        @S.it('should return StatementResult with statements as array using GET with "limit"')
        def _(t):
            stmts = has(t, get_result(t, get_url_encoding({"limit": 1}), t.ctx["stmtTime"]), "statements")
            t.ok(t.dry or (isinstance(stmts, list) and len(stmts) == 1), "expected exactly 1 statement, got %r" % (stmts,))

        @S.it('should return StatementResult with statements as array using GET with "ascending"')
        def _(t):
            stmts = has(t, get_result(t, get_url_encoding({"ascending": True}), t.ctx["stmtTime"]), "statements")
            if t.dry:
                return
            t.ok(isinstance(stmts, list), "statements should be an array")
            for a, b in zip(stmts, stmts[1:]):
                t.ok(not ((parse_date_ms(a.get("stored")) or 0) > (parse_date_ms(b.get("stored")) or 0)),
                     "not ascending: %s before %s" % (a.get("stored"), b.get("stored")))

        @S.it('should return StatementResult with statements as array using GET with "format"')
        def _(t):
            stmts = has(t, get_result(t, get_url_encoding({"format": "ids"}), t.ctx["stmtTime"]), "statements")
            t.ok(t.dry or isinstance(stmts, list), "statements should be an array")

        @S.it('should return StatementResult with statements as array using GET with "attachments"')
        def _(t):
            query = get_url_encoding({"attachments": True})
            stmt_time = now_ms()
            t.status(post_multipart(t, text_attachment_message(t)), 200)
            t.delay(stmt_time, "?" + query, None)
            res = t.status(t.get("/statements?" + query), 200)
            if t.dry:
                return
            boundary = get_boundary(res.headers.get("Content-Type"))
            t.ok(boundary, "no multipart boundary in Content-Type %r" % res.headers.get("Content-Type"))
            try:
                parsed = parse_multipart(boundary, res.text)
                results = json.loads(parsed[0]["body"])
            except (ValueError, IndexError) as e:
                t.fail("could not read the multipart StatementResult: %s" % e)
            has(t, results, "statements")

    if S.version == "1.0.3":  # the 1.0.3 file ends here
        return

    with S.describe('An LRS\'s Statement Resource rejects with error code 400 a GET request with additional properties than extensions in the locations where extensions are allowed'):
        @S.it('should fail when using property not defined in specification')
        def _(t):
            st = t.tpl.build_statement()
            st["dummy"] = "dummy"
            t.status(send_statement(t, st), 400)

    with S.describe('The LRS shall set the "timestamp" property to the value of the "stored" property if not provided.'):
        @S.it('should set timestamp property to equal "stored" value if retrieved statement does not have its own timestamp')
        def _(t):
            sid = generate_uuid()
            st = t.tpl.build_statement()
            st["timestamp"] = None
            st["id"] = sid
            send_statement(t, st)
            got = data(t, get_statement_exact(t, sid))
            if not t.dry:
                t.ok(isinstance(got, dict), "statement %s not retrieved: %r" % (sid, got))
                t.eq(got.get("timestamp"), got.get("stored"), "timestamp (vs stored %r)" % got.get("stored"))

    with S.describe('The LRS shall not reject a timestamp for having a greater value than the current time, within an acceptable margin of error'):
        @S.it('accepts statements with greater value than current time')
        def _(t):
            st = t.tpl.build_statement()
            st["timestamp"] = iso_ms(now_ms() + 5 * 60 * 1000)
            st["id"] = generate_uuid()
            t.status(send_statement(t, st), 200)
