SOURCE = "E.Data2.5-RetrievalofStatements.js"
TITLE = "Retrieval of Statements (Data 2.5)"
import urllib.parse

from common import has, now_ms
from templates import generate_uuid


def _more_url(t, res, more):
    return urllib.parse.urljoin(res.url, more if isinstance(more, str) else "")


def register(S):
    with S.describe('An LRS\'s Statement API, upon processing a successful GET request, will return a single "statements" property and a single "more" property. (Data 2.5.s2.table1, XAPI-00113)'):
        @S.before
        def _(t):
            tp = {"statement": "{{statements.default}}"}
            t.status(t.post("/statements", json_body=[t.statement(tp), t.statement(tp)]), 200)

        @S.it('will return single statements property and may return')
        def _(t):
            query = "?limit=1"
            t.delay(now_ms(), query, None)
            result = t.json(t.status(t.get("/statements" + query), 200))
            has(t, result, "statements")
            has(t, result, "more")

    with S.describe('A "statements" property is an Array of Statements (Type, Data 2.5.s2.table1.row1, XAPI-00110)'):
        @S.before
        def _(t):
            st = t.statement({"statement": "{{statements.context}}"}, {"context": "{{contexts.category}}"},
                             {"instructor": {"objectType": "Agent", "name": "xAPI mbox", "mbox": "mailto:pri@adlnet.gov"}})
            st["context"]["contextActivities"]["category"]["id"] += generate_uuid()
            st["verb"]["id"] += generate_uuid()
            st["actor"]["mbox"] = "mailto:%s@adlnet.gov" % generate_uuid()
            st["context"]["registration"] = generate_uuid()
            st["context"]["instructor"]["mbox"] = "mailto:%s@adlnet.gov" % generate_uuid()
            st["object"]["id"] += generate_uuid()
            st["context"]["contextActivities"]["category"]["id"] = "http://www.example.com/test/array/statements/pri"
            t.status(t.post("/statements", json_body=st), 200)
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
            t.status(t.post("/statements", json_body=sub), 200)

        @S.it('should return StatementResult with statements as array using GET without "statementId" or "voidedStatementId"')
        def _(t):
            t.delay(t.ctx["stmtTime"], None, None)
            result = t.json(t.status(t.get("/statements"), 200))
            v = has(t, result, "statements")
            t.ok(isinstance(v, list), "statements should be an array")

    @S.it('A "statements" property which is too large for a single page will create a container for each additional page (Data 2.5.s2.table1.row1, XAPI-00114)')
    def _(t):
        tp = {"statement": "{{statements.default}}"}
        stmt_time = now_ms()
        t.status(t.post("/statements", json_body=[t.statement(tp), t.statement(tp)]), 200)
        t.delay(stmt_time, "?limit=1", None)
        results = t.json(t.status(t.get("/statements?limit=1"), 200))
        if not t.dry:
            t.ok(results.get("statements") is not None, "no statements property")
            t.ok(results.get("more") is not None, "no more property")

    with S.describe('The "more" property is absent or an empty string (no whitespace) if the entire results of the original GET request have been returned. (Data 2.5.s2.table1.row2, XAPI-00109)'):
        @S.it('should return empty "more" property or no "more" property when all statements returned')
        def _(t):
            res = t.status(t.get("/statements?verb=http://adlnet.gov/expapi/non/existent/344588672021038"), 200)
            result = t.json(res)
            if not t.dry:
                t.ok(not result.get("more"), "more should be empty or absent, got %r" % result.get("more"))

    with S.describe('If not empty, the "more" property\'s IRL refers to a specific container object corresponding to the next page of results from the orignal GET request (Data 2.5.s2.table1.row2, XAPI-00108)'):
        @S.it('should return "more" which refers to next page of results')
        def _(t):
            res = t.status(t.get("/statements?limit=1"), 200)
            more = has(t, t.json(res), "more")
            res2 = t.status(t.get(_more_url(t, res, more)), 200)
            r2 = t.json(res2)
            if not t.dry:
                t.ok(r2.get("statements") is not None, "next page has no statements property")
                t.ok(r2.get("more") is not None, "next page has no more property")

    @S.it('A "more" property\'s referenced container object follows the same rules as the original GET request, originating with a single "statements" property and a single "more" property (Data 2.5.s2.table1.row2, XAPI-00111)')
    def _(t):
        tp = {"statement": "{{statements.default}}"}
        s1, s2 = t.statement(tp), t.statement(tp)
        s1["verb"]["id"] = "http://adlnet.gov/expapi/test/more/target/one"
        s1["id"] = generate_uuid()
        s2["verb"]["id"] = "http://adlnet.gov/expapi/test/more/target/two"
        s2["id"] = generate_uuid()
        stmt_time = now_ms()
        t.status(t.post("/statements", json_body=[s1, s2]), 200)
        t.delay(stmt_time, "?limit=1", s2["id"])
        res = t.status(t.get("/statements?limit=1"), 200)
        more = t.json(res).get("more")
        res2 = t.status(t.get(_more_url(t, res, more)), 200)
        if not t.dry:
            t.ok(t.json(res2).get("statements") is not None, "more page has no statements property")
