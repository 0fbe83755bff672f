SOURCE = "H.Communication4.0-Authentication.js"
TITLE = "Authentication Requirements (Communication 4.0)"
import base64

from templates import generate_uuid


def _b64(s):
    return base64.b64encode(s.encode()).decode()


def register(S):
    with S.describe('An LRS rejects a Statement of bad authorization, either authentication needed or failed credentials, with error code 401 Unauthorized (Authentication, Communication 4.0, XAPI-00334)'):
        def bad_auth_case(authorization):
            def case(t):
                data = t.statement({"statement": "{{statements.default}}"})
                data["id"] = generate_uuid()
                headers = {"Authorization": authorization}
                # the suite fires this PUT with .expect(401) and does not wait for it
                t.status(t.put("/statements?statementId=" + data["id"], json_body=data, headers=headers), 401)
                headers["X-Experience-API-Version"] = "BAD"
                res = t.get("/statements", headers=headers)
                t.ok(res.status in (400, 401), "Response should have been either 401 or 400 (got %s)." % res.status)
            return case

        S.it("fails when given a random name pass pair")(bad_auth_case("Basic " + _b64("RobCIsNot:AUserOnThisLRS123")))
        S.it("fails with a malformed header")(bad_auth_case("Basic:" + _b64("RobCIsNot:AUserOnThisLRS")))

    @S.it('An LRS must support HTTP Basic Authentication (Authentication, Communication 4.0, XAPI-00335)')
    def _(t):
        data = t.statement({"statement": "{{statements.default}}"})
        data["id"] = generate_uuid()
        t.status(t.put("/statements?statementId=" + data["id"], json_body=data), 204)
