SOURCE = "H.Communication3.2-ErrorCodes.js"
TITLE = "Error Codes Requirements (Communication 3.2)"
import copy

from common import now_ms
from lrs_client import get_url_encoding
from templates import generate_uuid


def register(S):
    @S.it('An LRS rejects with error code 400 Bad Request any request to an Resource which uses a parameter not recognized by the LRS (Communication 3.2.s2.b1, XAPI-00324)')
    def _(t):
        t.status(t.get("/statements?foo=bar"), 400)

    with S.describe('An LRS rejects with error code 400 Bad Request any request to an Resource which uses a parameter with differing case (Communication 3.2.s3.b8, XAPI-00325)'):
        @S.it('should fail on PUT statement when not using "statementId"')
        def _(t):
            data = t.statement({"statement": "{{statements.default}}"})
            data["id"] = generate_uuid()
            t.status(t.put("/statements?" + get_url_encoding({"StatementId": data["id"]}), json_body=data), 400)

        cases = [
            ("statementId", lambda t: {"StatementId": generate_uuid()}),
            ("voidedStatementId", lambda t: {"VoidedStatementId": generate_uuid()}),
            ("agent", lambda t: t.tpl.create_from_template([{"Agent": "{{agents.default}}"}])),
            ("verb", lambda t: {"Verb": "http://adlnet.gov/expapi/verbs/attended"}),
            ("activity", lambda t: {"Activity": "http://www.example.com/meetings/occurances/34534"}),
            ("registration", lambda t: {"Registration": "ec531277-b57b-4c15-8d91-d292c5b2b8f7"}),
            ("related_activities", lambda t: {"Related_Activities": True}),
            ("related_agents", lambda t: {"Related_Agents": True}),
            ("since", lambda t: {"Since": "2012-06-01T19:09:13.245Z"}),
            ("until", lambda t: {"Until": "2012-06-01T19:09:13.245Z"}),
            ("limit", lambda t: {"Limit": 10}),
            ("format", lambda t: {"Format": "ids"}),
            ("attachments", lambda t: {"Attachments": True}),
            ("ascending", lambda t: {"Ascending": True}),
        ]
        for name, build in cases:
            @S.it('should fail on GET statement when not using "%s"' % name)
            def _(t, build=build):
                t.status(t.get("/statements?" + get_url_encoding(build(t))), 400)

    with S.describe('An LRS does not process any batch of Statements in which one or more Statements is rejected and if necessary, restores the LRS to the state in which it was before the batch began processing (Communication 3.2.s3.b9, XAPI-00326, **Implicit**)'):
        @S.it('should not persist any statements on a single failure')
        def _(t):
            correct = t.statement({"statement": "{{statements.default}}"})
            incorrect = copy.deepcopy(correct)
            correct["id"] = generate_uuid()
            incorrect["id"] = generate_uuid()
            incorrect["verb"]["id"] = "should fail"
            query = "?statementId=" + correct["id"]
            stmt_time = now_ms()
            t.status(t.post("/statements", json_body=[correct, incorrect]), 400)
            t.delay(stmt_time, query, correct["id"])
            t.status(t.get("/statements" + query), 404)
