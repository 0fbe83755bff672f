SOURCE = "H.Communication2.2-DocumentResources.js"
TITLE = "Document Resource Requirements (Communication 2.2)"
import copy

from common import now_ms, send_request
from templates import build_state, generate_uuid


def register(S):
    @S.it('An LRS makes no modifications to stored data for any rejected request (Multiple, including Communication 2.1.2.s2.b4, XAPI-00182)')
    def _(t):
        correct = t.statement({"statement": "{{statements.default}}"})
        incorrect = copy.deepcopy(correct)
        correct["id"] = generate_uuid()
        incorrect["id"] = generate_uuid()
        incorrect["verb"]["id"] = "should fail"
        stmt_time = now_ms()
        t.status(t.post("/statements", json_body=[correct, incorrect]), 400)
        q = "?statementId=" + correct["id"]
        t.delay(stmt_time, q, correct["id"])
        t.status(t.get("/statements" + q), 404)

    def merge_case(doc, another, expected):
        def case(t):
            params = build_state()
            send_request(t, "post", "/activities/state", params, doc, 204)
            send_request(t, "post", "/activities/state", params, another, 204)
            res = send_request(t, "get", "/activities/state", params, None, 200)
            t.eq(t.json(res), expected, "merged document")
        return case

    S.it('A Document Merge overwrites any duplicate Objects from the previous document with the new document. (Communication 2.2.s7.b1, Communication 2.2.s7.b2, Communication 2.2.s7.b3, XAPI-00184)')(
        merge_case({"car": "MKX"}, {"car": "MKZ"}, {"car": "MKZ"}))
    new = {"car": {"make": "Dodge", "model": "Ram"}, "driver": "Jeff", "series": {"nascar": {"series": "nextel"}}}
    S.it('A Document Merge only performs overwrites at one level deep, although the entire object is replaced. (Communication 2.2.s7.b1, Communication 2.2.s7.b2, Communication 2.2.s7.b3, XAPI-00183)')(
        merge_case({"car": {"make": "Ford", "model": "Escape"}, "driver": "Dale", "series": {"nascar": {"series": "sprint"}}},
                   new, new))
