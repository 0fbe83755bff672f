"""4.1.6.1-Statement-Resource.js, third part (XAPI-00151, XAPI-00150, XAPI-00149, XAPI-00153)."""
from common import has, now_ms, post_statement
from lrs_client import get_url_encoding
from templates import generate_uuid
from .sr_part1 import DEFAULT, persist_voided

OTHERS = [
    ("verb", "http://adlnet.gov/expapi/non/existent"),
    ("activity", "http://www.example.com/meetings/occurances/12345"),
    ("registration", None),  # a fresh uuid
    ("related_activities", True),
    ("related_agents", True),
    ("since", "2012-06-01T19:09:13.245Z"),
    ("until", "2012-06-01T19:09:13.245Z"),
    ("limit", 1),
    ("ascending", True),
]


def register(S):
    def combo_cases(label, id_key, pass_key):
        """the suite builds every 'fail' query with statementId (also in the voidedStatementId block)
        and the two 'pass' queries with pass_key"""
        @S.it('should fail when using "%s" with "agent"' % label)
        def _(t):
            d = t.tpl.create_from_template([{"agent": "{{agents.default}}"}])
            d["statementId"] = t.ctx[id_key]
            q = get_url_encoding(d)
            t.delay(t.ctx["stmtTime"], "?" + q, t.ctx[id_key])
            t.status(t.get("/statements?" + q), 400)

        for name, value in OTHERS:
            @S.it('should fail when using "%s" with "%s"' % (label, name))
            def _(t, name=name, value=value):
                d = {"statementId": t.ctx[id_key], name: generate_uuid() if value is None else value}
                q = get_url_encoding(d)
                t.delay(t.ctx["stmtTime"], "?" + q, t.ctx[id_key])
                t.status(t.get("/statements?" + q), 400)

        for name, value in (("format", "ids"), ("attachments", True)):
            @S.it('should pass when using "%s" with "%s"' % (label, name))
            def _(t, name=name, value=value):
                q = get_url_encoding({pass_key: t.ctx[id_key], name: value})
                t.delay(t.ctx["stmtTime"], "?" + q, t.ctx[id_key])
                t.status(t.get("/statements?" + q), 200)

    with S.describe('An LRS\'s Statement Resource rejects with error code 400 a GET request with both "statementId" and anything other than "attachments" or "format" as parameters (Communication 2.1.3.s2.b2, XAPI-00151)'):
        @S.before
        def _(t):
            d = t.statement(DEFAULT)
            d["id"] = t.ctx["id"] = generate_uuid()
            t.ctx["stmtTime"] = now_ms()
            post_statement(t, d)

        combo_cases("statementId", "id", "statementId")

    with S.describe('An LRS\'s Statement Resource rejects with error code 400 a GET request with both "voidedStatementId" and anything other than "attachments" or "format" as parameters (Communication 2.1.3.s2.b2, XAPI-00150)'):
        S.before(persist_voided)
        combo_cases("voidedStatementId", "voidedId", "voidedStatementId")

    with S.describe('The LRS will NOT reject a GET request which returns an empty "statements" property (**Implicit**, Communication 2.1.3.s2.b4, XAPI-00149)'):
        @S.it('should return empty array list')
        def _(t):
            res = t.status(t.get("/statements?" + get_url_encoding({"verb": "http://adlnet.gov/expapi/non/existent"})), 200)
            v = has(t, t.json(res), "statements")
            t.ok(t.dry or v == [], "statements should be an empty array, got %r" % (v,))

    with S.describe('An LRS\'s Statement Resource upon processing a GET request, returns a header with name "X-Experience-API-Consistent-Through" regardless of the code returned. (Communication 2.1.3.s2.b5, XAPI-00153)'):
        def through(query_fn, expect):
            def case(t):
                q = query_fn(t)
                res = t.status(t.get("/statements" + (("?" + q) if q else "")), expect)
                t.ok(t.dry or bool(res.headers.get("X-Experience-API-Consistent-Through")),
                     "no X-Experience-API-Consistent-Through header")
            return case

        S.it('should return "X-Experience-API-Consistent-Through" using GET')(through(lambda t: None, 200))
        S.it('should return "X-Experience-API-Consistent-Through" misusing GET (status code 400)')(through(lambda t: "LIMIT=1", 400))
        S.it('should return "X-Experience-API-Consistent-Through" using GET with "agent"')(
            through(lambda t: get_url_encoding(t.tpl.create_from_template([{"agent": "{{agents.default}}"}])), 200))
        for name, value in [("verb", "http://adlnet.gov/expapi/non/existent"),
                            ("activity", "http://www.example.com/meetings/occurances/12345"),
                            ("registration", None), ("related_activities", True), ("related_agents", True),
                            ("since", "2012-06-01T19:09:13.245Z"), ("until", "2012-06-01T19:09:13.245Z"),
                            ("limit", 1), ("ascending", True), ("format", "ids"), ("attachments", True)]:
            S.it('should return "X-Experience-API-Consistent-Through" using GET with "%s"' % name)(
                through(lambda t, name=name, value=value: get_url_encoding({name: generate_uuid() if value is None else value}), 200))
