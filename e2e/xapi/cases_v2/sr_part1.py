"""4.1.6.1-Statement-Resource.js, first part (XAPI-00139 .. XAPI-00176)."""
import copy

from common import (data, get_statement_exact, has, now_ms, post_statement, put_statement, send_statement)
from lrs_client import get_url_encoding, parse_date_ms
from templates import generate_uuid

DEFAULT = {"statement": "{{statements.default}}"}
INSTRUCTOR_PRI = {"instructor": {"objectType": "Agent", "name": "xAPI mbox", "mbox": "mailto:pri@adlnet.gov"}}
INSTRUCTOR_SUB = {"instructor": {"objectType": "Agent", "name": "xAPI mbox", "mbox": "mailto:sub@adlnet.gov"}}


def pri_statement(t):
    st = t.statement({"statement": "{{statements.context}}"}, {"context": "{{contexts.category}}"}, copy.deepcopy(INSTRUCTOR_PRI))
    st["context"]["contextActivities"]["category"]["id"] = "http://www.example.com/test/array/statements/pri"
    return st


def sub_statement(t):
    sub = t.statement({"statement": "{{statements.object_substatement}}"}, {"object": "{{substatements.context}}"},
                      {"context": "{{contexts.category}}"}, copy.deepcopy(INSTRUCTOR_SUB))
    sub["object"]["context"]["contextActivities"]["category"]["id"] = "http://www.example.com/test/array/statements/sub"
    return sub


def persist_voided(t):
    """before('persist voided statement') + before('persist voiding statement')"""
    vid = t.ctx["voidedId"] = generate_uuid()
    voided = t.statement(DEFAULT)
    voided["id"] = vid
    post_statement(t, voided)
    voiding = t.statement({"statement": "{{statements.voiding}}"})
    voiding["object"]["id"] = vid
    t.ctx["stmtTime"] = now_ms()
    post_statement(t, voiding)


def get_result(t, query, stmt_time, sid=None):
    """GET /statements?query after genDelay; 200; parsed body"""
    t.delay(stmt_time, "?" + query, sid)
    return t.json(t.status(t.get("/statements?" + query), 200))


def statements_array(t, result):
    v = has(t, result, "statements")
    t.ok(t.dry or isinstance(v, list), "statements should be an array, got %r" % (v,))


def register(S):
    v1 = S.version == "1.0.3"
    with S.describe('An LRS has a Statement Resource with endpoint "base IRI"+"/statements" (Communication 2.1, XAPI-00139)'):
        @S.it('should allow "/statements" POST')
        def _(t):
            post_statement(t, t.statement(DEFAULT))

        @S.it('should allow "/statements" PUT')
        def _(t):
            d = t.statement(DEFAULT)
            d["id"] = generate_uuid()
            put_statement(t, d)

        @S.it('should allow "/statements" GET')
        def _(t):
            t.status(t.get("/statements?" + get_url_encoding({"verb": "http://adlnet.gov/expapi/non/existent"})), 200)

    def put_204(t):
        d = t.statement(DEFAULT)
        d["id"] = generate_uuid()
        put_statement(t, d)

    with S.describe('An LRS\'s Statement Resource upon processing a successful PUT request returns code 204 No Content (Communication 2.1.1.s1, XAPI-00143)'):
        S.it('should persist statement and return status 204')(put_204)

    with S.describe('An LRS\'s Statement Resource accepts PUT requests only if it contains a "statementId" parameter (Multiplicity, Communication 2.1.1.s1.table1.row1, XAPI-00144, XAPI-00145)'):
        S.it('should persist statement using "statementId" parameter')(put_204)

        @S.it('should fail without using "statementId" parameter')
        def _(t):
            d = t.statement(DEFAULT)
            d["id"] = generate_uuid()
            t.status(t.put("/statements", json_body=d), 400)

    with S.describe('An LRS cannot modify a Statement, state, or Object in the event it receives a Statement with statementID equal to a Statement in the LRS already. (Communication 2.1.1.s2.b2, XAPI-00142)'):
        def not_updated(method):
            def case(t):
                d = t.statement(DEFAULT)
                d["id"] = generate_uuid()
                query = "?statementId=" + d["id"]
                modified = copy.deepcopy(d)
                modified["verb"]["id"] = "different value" if v1 else "http://example.com/different/verb/iri"
                stmt_time = now_ms()
                if method == "PUT":
                    t.status(t.put("/statements" + query, json_body=d), 204)
                    t.put("/statements" + query, json_body=modified)
                else:
                    t.status(t.post("/statements", json_body=d), 200)
                    t.post("/statements", json_body=modified)
                t.delay(stmt_time, query, d["id"])
                st = t.json(t.status(t.get("/statements" + query), 200))
                if not t.dry:
                    t.eq((st.get("verb") or {}).get("id"), d["verb"]["id"], "verb.id")
            return case

        S.it('should not update statement with matching "statementId" on PUT')(not_updated("PUT"))
        S.it('should not update statement with matching "statementId" on POST')(not_updated("POST"))

        if not v1:  # the 1.0.3 file does not have these two
            @S.it('should reject a batch of two or more statements where the same ID is used more than once.')
            def _(t):
                one = t.tpl.build_statement()
                two = copy.deepcopy(one)
                one["id"] = two["id"] = generate_uuid()
                t.status(send_statement(t, [one, two]), 400)

            @S.it('should include a Last-Modified header which matches the "stored" Timestamp of the statement.')
            def _(t):
                post = send_statement(t, t.tpl.build_statement())
                ids = data(t, post)
                stored_id = ids[0] if isinstance(ids, list) and ids else None
                res = get_statement_exact(t, stored_id)
                if t.dry:
                    return
                lm_str = res.headers.get("Last-Modified")
                lm = parse_date_ms(lm_str)
                t.ok(lm is not None, "The Last-Modified header could not be parsed -- received: %s" % lm_str)
                st = data(t, res)
                stored_str = st.get("stored") if isinstance(st, dict) else None
                stored = parse_date_ms(stored_str)
                t.ok(stored is not None, 'The "stored" property could not be parsed into a DateTime, received: %s' % stored_str)
                t.ok(int(stored // 1000) == int(lm // 1000),
                     'The "stored" property did not match the Last-Modified to the seconds value: %s vs. %s' % (stored_str, lm_str))

    _part1b(S, v1)


def _part1b(S, v1):
    with S.describe('An LRS\'s Statement Resource accepts POST requests (Communication 2.1.2.s1, XAPI-00147)'):
        @S.it('should persist statement using "POST"')
        def _(t):
            post_statement(t, t.statement(DEFAULT))

    with S.describe('An LRS\'s Statement Resource upon processing a successful POST request returns code 200 OK and all Statement UUIDs within the POST **Implicit** (Communication 2.1.2.s1, XAPI-00146)'):
        @S.it('should persist statement using "POST" and return array of IDs')
        def _(t):
            d = t.statement(DEFAULT)
            d["id"] = generate_uuid()
            body = t.json(post_statement(t, d))
            t.ok(t.dry or (isinstance(body, list) and len(body) > 0), "expected a non-empty array of ids, got %r" % (body,))

    with S.describe('LRS\'s Statement Resource accepts GET requests (Communication 2.1.3.s1, XAPI-00159)'):
        @S.it('should return using GET')
        def _(t):
            t.status(t.get("/statements"), 200)

    with S.describe('An LRS\'s Statement Resource upon processing a successful GET request with a "statementId" parameter, returns code 200 OK and a single Statement with the corresponding "id".  (Communication 2.1.3.s1, XAPI-00156)'):
        @S.before
        def _(t):
            d = t.statement(DEFAULT)
            d["id"] = t.ctx["id"] = generate_uuid()
            t.ctx["stmtTime"] = now_ms()
            post_statement(t, d)

        @S.it('should retrieve statement using "statementId"')
        def _(t):
            st = get_result(t, "statementId=" + t.ctx["id"], t.ctx["stmtTime"], t.ctx["id"])
            if not t.dry:
                t.eq(st.get("id"), t.ctx["id"], "statement id")

    with S.describe('An LRS\'s Statement Resource upon processing a successful GET request with a "voidedStatementId" parameter, returns code 200 OK and a single Statement with the corresponding "id".  (Communication 2.1.3.s1, XAPI-00155)'):
        S.before(persist_voided)

        @S.it('should return a voided statement when using GET "voidedStatementId"')
        def _(t):
            st = get_result(t, get_url_encoding({"voidedStatementId": t.ctx["voidedId"]}), t.ctx["stmtTime"], t.ctx["voidedId"])
            if not t.dry:
                t.eq(st.get("id"), t.ctx["voidedId"], "statement id")

    with S.describe('An LRS\'s Statement Resource upon processing a successful GET request with neither a "statementId" nor a "voidedStatementId" parameter, returns code 200 OK and a StatementResult Object.  (Communication 2.1.3.s1, XAPI-00154)'):
        @S.before
        def _(t):
            t.ctx["statement"] = st = pri_statement(t)
            post_statement(t, st)
            sub = sub_statement(t)
            t.ctx["stmtTime"] = now_ms()
            post_statement(t, sub)

        @S.it('should return StatementResult using GET without "statementId" or "voidedStatementId"')
        def _(t):
            t.delay(t.ctx["stmtTime"], None, None)
            statements_array(t, t.json(t.status(t.get("/statements"), 200)))

        queries = [
            ("agent", lambda t: t.tpl.create_from_template([{"agent": "{{agents.default}}"}])),
            ("verb", lambda t: {"verb": t.ctx["statement"]["verb"]["id"]}),
            ("activity", lambda t: {"activity": t.ctx["statement"]["object"]["id"]}),
            ("registration", lambda t: {"registration": t.ctx["statement"]["context"]["registration"]}),
            ("related_activities", lambda t: {"activity": t.ctx["statement"]["context"]["contextActivities"]["category"]["id"],
                                              "related_activities": True}),
            ("related_agents", lambda t: {"agent": t.ctx["statement"]["context"]["instructor"], "related_agents": True}),
            ("since", lambda t: {"since": "2012-06-01T19:09:13.245Z"}),
            ("until", lambda t: {"until": "2012-06-01T19:09:13.245Z"}),
            ("limit", lambda t: {"limit": 1}),
            ("ascending", lambda t: {"ascending": True}),
        ]
        for name, build in queries:
            @S.it('should return StatementResult using GET with "%s"' % name)
            def _(t, build=build):
                statements_array(t, get_result(t, get_url_encoding(build(t)), t.ctx["stmtTime"]))

        @S.it('should return StatementResult using GET with "format"')
        def _(t):
            has(t, get_result(t, get_url_encoding({"format": "ids"}), t.ctx["stmtTime"]), "statements")

        if v1:  # the 1.0.3 file has these two here rather than under XAPI-00167
            from .sr_part2 import attachments_false_case, attachments_true_case
            S.it('should return multipart response format StatementResult using GET with "attachments" parameter as true')(attachments_true_case)
            S.it('should not return multipart response format using GET with "attachments" parameter as false')(attachments_false_case)

    with S.describe('An LRS\'s Statement Resource can process a GET request with "statementId" as a parameter (Communication 2.1.3.s1.table1.row1, XAPI-00158)'):
        @S.it('should process using GET with "statementId"')
        def _(t):
            d = t.statement(DEFAULT)
            d["id"] = generate_uuid()
            stmt_time = now_ms()
            post_statement(t, d)
            get_result(t, "statementId=" + d["id"], stmt_time, d["id"])

    with S.describe('An LRS\'s Statement Resource can process a GET request with "voidedStatementId" as a parameter  (Communication 2.1.3.s1.table1.row2, XAPI-00157)'):
        S.before(persist_voided)

        @S.it('should process using GET with "voidedStatementId"')
        def _(t):
            get_result(t, get_url_encoding({"voidedStatementId": t.ctx["voidedId"]}), t.ctx["stmtTime"], t.ctx["voidedId"])

    for title, name, build in [
        ('An LRS\'s Statement Resource can process a GET request with "agent" as a parameter  (**Implicit**, Communication 2.1.3.s1.table1.row3, XAPI-00181)',
         'should process using GET with "agent"', lambda t: t.tpl.create_from_template([{"agent": "{{agents.default}}"}])),
        ('An LRS\'s Statement Resource can process a GET request with "verb" as a parameter  (**Implicit**, Communication 2.1.3.s1.table1.row4, XAPI-00180)',
         'should process using GET with "verb"', lambda t: {"verb": "http://adlnet.gov/expapi/non/existent"}),
        ('An LRS\'s Statement Resource can process a GET request with "activity" as a parameter  (**Implicit**, Communication 2.1.3.s1.table1.row5, XAPI-00179)',
         'should process using GET with "activity"', lambda t: {"activity": "http://www.example.com/meetings/occurances/12345"}),
        ('An LRS\'s Statement Resource can process a GET request with "registration" as a parameter  (**Implicit**, Communication 2.1.3.s1.table1.row6, XAPI-00178)',
         'should process using GET with "registration"', lambda t: {"registration": generate_uuid()}),
    ]:
        with S.describe(title):
            @S.it(name)
            def _(t, build=build):
                t.status(t.get("/statements?" + get_url_encoding(build(t))), 200)
