SOURCE = "E.Data2.6-SignedStatements.js"
TITLE = "Signed Statements (Data 2.6)"
from common import post_signed
from templates import generate_uuid


def register(S):
    with S.describe('LRS must validate and store statement signatures if they are provided (Data 2.6)'):
        def signed(expect, **opts):
            def case(t):
                data = t.statement({"statement": "{{statements.default}}"})
                data["id"] = generate_uuid()
                post_signed(t, data, expect, **opts)
            return case

        with S.describe("A Signed Statement MUST include a JSON web signature, JWS (Data 2.6.s4.b1, XAPI-00115)"):
            S.it('rejects a signed statement with a malformed signature - bad content type')(signed(400, content_type="text/plain; charset=ascii"))
            S.it('rejects a signed statement with a malformed signature - bad JWS')(signed(400, break_json=True))
        with S.describe("The JWS signature MUST have a payload of a valid JSON serialization of the complete Statement before the signature was added. (Data 2.6.s4.b3, XAPI-00116)"):
            S.it("rejects statement with invalid JSON serialization")(signed(400, break_json=True))
        with S.describe('The JWS signature MUST use an algorithm of "RS256", "RS384", or "RS512". (Data 2.6.s4.b4, XAPI-00117)'):
            S.it('Accepts signed statement with "RS256"')(signed(200))
            S.it('Accepts signed statement with "RS384"')(signed(200, algorithm="RS384"))
            S.it('Accepts signed statement with "RS512"')(signed(200, algorithm="RS512"))
            S.it('Rejects signed statement with another algorithm')(signed(400, algorithm="HS256"))
