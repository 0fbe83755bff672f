SOURCE = "4.2.4.2-ID-Requirements.js"
TITLE = "Id Property Requirements (Data 2.4.1)"
from common import now_ms
from templated import create_template


def register(S):
    create_template(S, S.directory, "uuids.js")

    with S.describe('An LRS generates the "id" property of a Statement if none is provided (Modify, Data 2.4.1.s2.b1, XAPI-00026)'):
        @S.it('should complete an empty id property')
        def _(t):
            data = t.statement({"statement": "{{statements.default}}"})
            stmt_time = now_ms()
            res = t.status(t.post("/statements", json_body=data), 200)
            body = t.json(res)
            stmtid = body[0] if isinstance(body, list) and body else None
            if t.dry:
                stmtid = "00000000-0000-4000-8000-000000000000"
            query = "?statementId=%s" % stmtid
            t.delay(stmt_time, query, stmtid)
            res = t.get("/statements" + query)
            results = t.json(res)
            t.ok(isinstance(results, dict) and results.get("id") is not None, "GET by the returned id gave no statement id")
            t.eq(results.get("id"), stmtid, "statement id")
