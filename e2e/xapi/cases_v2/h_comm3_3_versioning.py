SOURCE = "H.Communication3.3-Versioning.js"
TITLE = "Versioning Requirements (Communication 3.3)"
import re

from common import now_ms, post_then_get
from templates import generate_uuid



def register(S):
    LATEST = S.version
    REJECT_RE = r"^%s$|^0\.95?$" % re.escape(S.version)
    sh = "S" if S.version == "2.0.0" else "s"  # the 1.0.3 file writes these names in lower case
    @S.it('An LRS sends a header response with "X-Experience-API-Version" as the name and the latest patch version after "1.0.0" as the value (Format, Communication 3.3.s3.b1, Communication 3.3.s3.b2, XAPI-00333)')
    def _(t):
        sid = generate_uuid()
        st = t.statement({"statement": "{{statements.default}}"})
        st["id"] = sid
        query = "?statementId=" + sid
        stmt_time = now_ms()
        t.status(t.post("/statements", json_body=st), 200)
        t.delay(stmt_time, query, sid)
        res = t.status(t.get("/statements" + query), 200)
        t.header(res, "X-Experience-API-Version", t.version)

    with S.describe('An LRS will not modify Statements based on a "version" before "1.0.1" (Communication 3.3.s3.b4, XAPI-00330)'):
        @S.it('should not convert newer version format to prior version format')
        def _(t):
            data = t.statement({"statement": "{{statements.default}}"})
            st = post_then_get(t, data)
            if not t.dry:
                for k in ("actor", "object", "verb"):
                    t.eq(st.get(k), data[k], k)

    with S.describe('An LRS rejects with error code 400 Bad Request, a Request which does not use a "X-Experience-API-Version" header name to any Resource except the About Resource (Format, Communication 3.3.s4.b1, Communication 3.3.s3.b7, Communication 2.8.s5.b4, XAPI-00331)'):
        @S.it(sh + 'hould pass when About GET without header "X-Experience-API-Version"')
        def _(t):
            t.status(t.get("/about", version=None, auth=False), 200)

        def check(t, res):
            if t.dry:
                return
            v = res.headers.get("X-Experience-API-Version")
            if res.status == 400:
                t.ok(v is not None and re.search(REJECT_RE, v), "400 with X-Experience-API-Version %r" % v)
            elif res.status == 404:
                t.ok(v is not None and re.search(r"^0\.95?$", v), "404 with X-Experience-API-Version %r" % v)
            else:
                t.fail("Version header (%s) and Status Code (%s) do not match specification.  Expected version header %s with status code 400 or version header 0.9 or 0.95 with status code either 400 or 404."
                       % (v, res.status, LATEST))

        @S.it(sh + 'hould fail when Statement GET without header "X-Experience-API-Version"')
        def _(t):
            # the suite's nested before() inside this it() never runs: the statement is not stored first
            check(t, t.get("/statements?statementId=" + generate_uuid(), version=None))

        @S.it(sh + 'hould fail when Statement POST without header "X-Experience-API-Version"')
        def _(t):
            check(t, t.post("/statements", json_body=t.statement({"statement": "{{statements.default}}"}), version=None))

        @S.it(sh + 'hould fail when Statement PUT without header "X-Experience-API-Version"')
        def _(t):
            check(t, t.put("/statements?statementId=" + generate_uuid(),
                           json_body=t.statement({"statement": "{{statements.default}}"}), version=None))
