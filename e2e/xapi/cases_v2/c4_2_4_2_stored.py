SOURCE = "4.2.4.2-Stored-Requirements.js"
TITLE = "Stored Property Requirements (Data 2.4.8)"
from common import has, milli_checker, now_ms
from templates import generate_uuid

STORED_TIME = "2011-07-15T00:00:00.000Z"  # new Date('July 15, 2011').toISOString() on a UTC machine


def register(S):
    with S.describe('An LRS MUST accept statements with the stored property (Data 2.4.8.s3.b2, XAPI-00097)'):
        @S.before
        def _(t):
            t.ctx["data"] = t.statement({"statement": "{{statements.default}}"}, {"stored": STORED_TIME})

        @S.it('using POST')
        def _(t):
            stmt_time = now_ms()
            res = t.status(t.post("/statements", json_body=t.ctx["data"]), 200)
            body = t.json(res)
            post_id = body[0] if isinstance(body, list) and body else None
            query = "?statementId=%s" % post_id
            t.delay(stmt_time, query, post_id)
            res = t.status(t.get("/statements" + query), 200)
            stored = has(t, t.json(res), "stored")
            t.ok(stored != STORED_TIME, "stored should be assigned by the LRS, got the statement's own %r" % stored)

        @S.it('using PUT')
        def _(t):
            put_id = generate_uuid()
            param = "?statementId=" + put_id
            stmt_time = now_ms()
            t.status(t.put("/statements" + param, json_body=t.ctx["data"]), 204)
            t.delay(stmt_time, param, put_id)
            res = t.status(t.get("/statements" + param), 200)
            stored = has(t, t.json(res), "stored")
            t.ok(stored != STORED_TIME, "stored should be assigned by the LRS, got the statement's own %r" % stored)

    with S.describe('A stored property must be a TimeStamp (Data 2.4.8.s2, XAPI-00023)'):
        @S.it('retrieve statements, test a stored property')
        def _(t):
            milli_checker(t, "stored")
