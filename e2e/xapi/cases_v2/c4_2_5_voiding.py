SOURCE = "4.2.5-Statement-Voiding.js"
TITLE = "Statement Lifecycle Requirements (Data 2.3)"
from common import now_ms
from templated import create_template
from templates import generate_uuid


def register(S):
    v1 = S.version == "1.0.3"
    sh = "s" if v1 else "S"  # the 1.0.3 file writes these names in lower case
    create_template(S, S.directory, "voiding.js")

    with S.describe('A Voided Statement is defined as a Statement that is not a Voiding Statement and is the Target of a Voiding Statement within the LRS (Data 2.3.2.s2.b3, XAPI-00018)'):
        @S.before
        def _(t):
            t.ctx["voidedId"] = vid = generate_uuid()
            voided = t.statement({"statement": "{{statements.default}}"})
            voided["id"] = vid
            t.status(t.post("/statements", json_body=voided), 200)
            voiding = t.statement({"statement": "{{statements.voiding}}"})
            voiding["object"]["id"] = vid
            t.ctx["stmtTime"] = now_ms()
            t.status(t.post("/statements", json_body=voiding), 200)

        @S.it(sh + 'hould return a voided statement when using GET "voidedStatementId"')
        def _(t):
            vid = t.ctx["voidedId"]
            query = "?voidedStatementId=" + vid
            t.delay(t.ctx["stmtTime"], query, vid)
            res = t.status(t.get("/statements" + query), 200)
            t.eq(t.json(res).get("id"), vid, "statement id")

        @S.it(sh + 'hould return 404 when using GET with "statementId"')
        def _(t):
            vid = t.ctx["voidedId"]
            query = "?statementId=" + vid
            t.delay(t.ctx["stmtTime"], query, vid)
            t.status(t.get("/statements" + query), 404)

    with S.describe('A Voiding Statement cannot Target another Voiding Statement (Data 2.3.2.s2.b7, XAPI-00016)'):
        @S.before
        def _(t):
            res = t.status(t.post("/statements", json_body=t.statement({"statement": "{{statements.default}}"})), 200)
            t.ctx["voidedId"] = vid = _first(t, res)
            data = t.statement({"statement": "{{statements.voiding}}"})
            data["object"]["id"] = vid
            res = t.status(t.post("/statements", json_body=data), 200)
            t.ctx["voidingId"] = _first(t, res)

        @S.it(sh + 'hould not void an already voided statement')
        def _(t):
            data = t.statement({"statement": "{{statements.object_statementref}}"}, {"verb": "{{verbs.voided}}"})
            data["object"]["id"] = t.ctx["voidedId"]
            stmt_time = now_ms()
            t.post("/statements", json_body=data)
            t.delay(stmt_time, "?voidedStatementId=%s" % t.ctx["voidedId"], t.ctx["voidedId"])
            t.status(t.get("/statements"), 200)

        @S.it(sh + 'hould not void a voiding statement')
        def _(t):
            data = t.statement({"statement": "{{statements.object_statementref}}"}, {"verb": "{{verbs.voided}}"})
            data["object"]["id"] = t.ctx["voidingId"]
            stmt_time = now_ms()
            t.post("/statements", json_body=data)
            query = "?statementId=%s" % t.ctx["voidingId"]
            t.delay(stmt_time, query, t.ctx["voidingId"])
            t.status(t.get("/statements" + query), 200)

    if v1:
        return
    with S.describe('An LRS SHALL NOT reject a voided statement because it cannot find the ID of the Object of that statement, nor does the LRS have to try to find it. (4.2.4.1 LRS Rejection Cases, XAPI-00016)'):
        @S.it('Shall not reject a voided statement.')
        def _(t):
            data = t.statement({"statement": "{{statements.object_statementref}}"}, {"verb": "{{verbs.voided}}"})
            data["object"]["id"] = generate_uuid()
            t.status(t.post("/statements", json_body=data), 200)


def _first(t, res):
    body = t.json(res)
    if t.dry:
        return "00000000-0000-4000-8000-000000000000"
    t.ok(isinstance(body, list) and body, "POST /statements should answer an array of ids, got %r" % (body,))
    return body[0]
