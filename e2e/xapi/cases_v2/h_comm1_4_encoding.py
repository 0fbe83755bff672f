SOURCE = "H.Communication1.4-Encoding.js"
TITLE = "Encoding Requirements (Communication 1.4)"
from common import now_ms
from templates import generate_uuid


def register(S):
    @S.it('All Strings are encoded and interpreted as UTF-8 (Communication 1.4.s1.b1, XAPI-00015)')
    def _(t):
        verb = "http://adlnet.gov/expapi/test/unicode/target/" + generate_uuid()
        unicode = t.statement({"statement": "{{statements.unicode}}"})
        unicode["verb"]["id"] = verb
        query = "verb=" + verb
        stmt_time = now_ms()
        t.status(t.post("/statements", json_body=unicode), 200)
        t.delay(stmt_time, "?" + query, None)
        res = t.status(t.get("/statements?" + query), 200)
        if t.dry:
            return
        stmts = t.json(res).get("statements") or []
        t.ok(stmts, "GET /statements?verb=... returned no statements")
        languages = stmts[0].get("verb", {}).get("display", {})
        for k, v in languages.items():
            t.ok(v == unicode["verb"]["display"].get(k), "verb.display[%s]: sent %r, got %r" % (k, unicode["verb"]["display"].get(k), v))
