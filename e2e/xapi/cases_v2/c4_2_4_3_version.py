SOURCE = "4.2.4.3-Version-Requirements.js"
TITLE = "Version Property Requirements (Data 2.4.10)"
from common import now_ms
from templated import create_template
from templates import generate_uuid


def register(S):
    create_template(S, S.directory, "version.js")

    @S.it('Statements returned by an LRS MUST retain the version property they are accepted with (Format, Data 2.4.10, XAPI-00332)')
    def _(t):
        stmt_time = now_ms()
        version = t.version  # "2.0.0" in v2_0, "1.0.3" in v1_0_3
        sid = generate_uuid()
        st = t.statement({"statement": "{{statements.default}}"})
        st["id"] = sid
        st["version"] = version
        query = "?statementId=" + sid
        t.status(t.post("/statements", json_body=st), 200)
        t.delay(stmt_time, query, sid)
        res = t.status(t.get("/statements" + query), 200)
        t.eq(t.json(res).get("version"), version, "version")
