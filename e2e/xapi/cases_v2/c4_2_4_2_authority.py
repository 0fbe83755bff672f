SOURCE = "4.2.4.2-Authority-Requirements.js"
TITLE = "Authority Property Requirements (Data 2.4.9)"
from common import has, post_then_get
from templated import create_template


def register(S):
    create_template(S, S.directory, "authorities.js")

    @S.it('An LRS rejects with error code 400 Bad Request, a Request whose "authority" is a Group and consists of non-O-Auth Agents (Data 2.4.9.s3.b3, XAPI-00100)')
    def _(t):
        data = t.statement({"statement": "{{statements.default}}"},
                           {"authority": {"objectType": "Group", "name": "xAPI Group", "mbox": "mailto:xapigroup@example.com",
                                          "member": [{"name": "agentA", "mbox": "mailto:agentA@example.com"},
                                                     {"name": "agentB", "mbox": "mailto:agentB@example.com"}]}})
        t.status(t.post("/statements", json_body=data), 400)

    with S.describe('An LRS populates the "authority" property if it is not provided in the Statement, based on header information with the Agent corresponding to the user (contained within the header) (Implicit, Data 2.4.9.s3.b4, XAPI-00099) '):
        @S.it('should populate authority ')
        def _(t):
            st = post_then_get(t, t.statement({"statement": "{{statements.default}}"}))
            has(t, st, "authority")
