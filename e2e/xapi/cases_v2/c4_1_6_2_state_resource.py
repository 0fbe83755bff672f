SOURCE = "4.1.6.2-State-Resource.js"
TITLE = "State Resource Requirements (Communication 2.3)"
import time

from common import (data, delete_document, get_documents, post_document, send_request, since_one_minute_ago, sr)
from lrs_client import encode_uri_component, get_url_encoding, parse_date_ms
from templates import build_document, build_state, generate_uuid, js_stringify

P = "/activities/state"


def _contains(t, body, item, what="array"):
    if t.dry:
        return
    t.ok(isinstance(body, list), "expected an array, got %r" % (body,))
    t.ok(item in body, "%s %r does not contain %r" % (what, body, item))


def register(S):
    def post_only(t):
        send_request(t, "post", P, build_state(), build_document(), 204)

    def put_only(t):
        send_request(t, "put", P, build_state(), build_document(), 204)

    def post_get(t):
        params, doc = build_state(), build_document()
        send_request(t, "post", P, params, doc, 204)
        t.eq(t.json(send_request(t, "get", P, params, None, 200)), doc, "document")

    def post_delete(t):
        params, doc = build_state(), build_document()
        send_request(t, "post", P, params, doc, 204)
        send_request(t, "delete", P, params, None, 204)

    def without(method, key, with_doc=True):
        def case(t):
            params = build_state()
            del params[key]
            send_request(t, method, P, params, build_document() if with_doc else None, 400)
        return case

    def invalid(method, key, value, with_doc=True):
        def case(t):
            doc = build_document() if with_doc else None
            params = build_state()
            params[key] = value
            send_request(t, method, P, params, doc, 400)
        return case

    def with_registration(method):
        def case(t):
            params, doc = build_state(), build_document()
            params["registration"] = generate_uuid()
            if method == "put" or method == "post":
                send_request(t, method, P, params, doc, 204)
            elif method == "get":
                send_request(t, "post", P, params, doc, 204)
                t.eq(t.json(send_request(t, "get", P, params, None, 200)), doc, "document")
            else:
                send_request(t, "post", P, params, doc, 204)
                send_request(t, "delete", P, params, None, 204)
        return case

    S.it('An LRS has a State Resource with endpoint "base IRI"+"/activities/state" (Communication 2.2.s3.table1.row1, XAPI-00230)')(post_only)
    S.it('An LRS\'s State Resource accepts PUT requests (Communication 2.3, XAPI-00190)')(put_only)
    S.it('An LRS\'s State Resource accepts POST requests (Communication 2.3, XAPI-00189, XAPI-00231)')(post_only)
    S.it('An LRS\'s State Resource accepts GET requests (Communication 2.3, XAPI-00188)')(post_get)
    S.it('An LRS\'s State Resource accepts DELETE requests (Communication 2.3, XAPI-00187)')(post_delete)
    S.it('An LRS\'s State Resource upon processing a successful GET request with a valid "stateId" as a parameter returns the document satisfying the requirements of the GET and code 200 OK (Communication 2.3.s3, XAPI-00192)')(post_get)
    S.it('An LRS\'s State Resource upon processing a successful DELETE request with a valid "stateId" as a parameter deletes the document satisfying the requirements of the DELETE and returns code 204 No Content (Communication 2.3.s3, XAPI-00191)')(post_delete)
    S.it('An LRS\'s State Resource rejects a PUT request without "activityId" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.3.s3.table1.row1, XAPI-00210)')(without("put", "activityId"))
    S.it('An LRS\'s State Resource rejects a POST request without "activityId" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.3.s3.table1.row1, XAPI-00209)')(without("post", "activityId"))
    S.it('An LRS\'s State Resource rejects a GET request without "activityId" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.3.s3.table1.row1, XAPI-00208)')(without("get", "activityId", False))
    S.it('An LRS\'s State Resource rejects a DELETE request without "activityId" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.3.s3.table1.row1, XAPI-00207)')(without("delete", "activityId", False))
    S.it('An LRS\'s State Resource rejects a PUT request without "agent" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.3.s3.table1.row2, XAPI-00215)')(without("put", "agent"))
    S.it('An LRS\'s State Resource rejects a PUT request with "agent" as a parameter if it is not in JSON format with error code 400 Bad Request (format, Communication 2.3.s3.table1.row2, XAPI-00199)')(invalid("put", "agent", "not JSON"))
    S.it('An LRS\'s State Resource rejects a POST request without "agent" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.3.s3.table1.row2)', reqs=["XAPI-00214"])(without("post", "agent"))
    with S.describe('An LRS\'s State Resource rejects a POST request with "agent" as a parameter if it is not in JSON format with error code 400 Bad Request (format, Communication 2.3.s3.table1.row2, XAPI-00198)'):
        S.it('Should reject POST State with agent invalid value')(invalid("post", "agent", True))
    S.it('An LRS\'s State Resource rejects a GET request without "agent" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.3.s3.table1.row2, XAPI-00213)')(without("get", "agent", False))
    with S.describe('An LRS\'s State Resource rejects a GET request with "agent" as a parameter if it is not in JSON format with error code 400 Bad Request (format, Communication 2.3.s3.table1.row2, XAPI-00197)'):
        S.it('Should reject GET with "agent" with invalid value')(invalid("get", "agent", True, False))
    S.it('An LRS\'s State Resource rejects a DELETE request without "agent" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.3.s3.table1.row2, XAPI-00212)')(without("delete", "agent", False))
    with S.describe('An LRS\'s State Resource rejects a DELETE request with "agent" as a parameter if it is not in JSON format with error code 400 Bad Request (format, Communication 2.3.s3.table1.row2, XAPI-00196)'):
        S.it('Should reject DELETE with "agent" with invalid value')(invalid("delete", "agent", True, False))
    S.it('An LRS\'s State Resource can process a PUT request with "registration" as a parameter (multiplicity, Communication 2.3.s3.table1.row3, XAPI-00218)')(with_registration("put"))
    with S.describe('An LRS\'s State Resource rejects a PUT request with "registration" as a parameter if it is not a UUID with error code 400 Bad Request(format, Communication 2.3.s3.table1.row3, XAPI-00203)'):
        S.it('Should reject PUT with "registration" with invalid value')(invalid("put", "registration", True))

    with S.describe('An LRSs State Resource, rejects a POST request if the document is found and either document is not a valid JSON Object (multiplicity, Communication 2.3.s3.table1.row3, Communication 2.2.s8.b1, XAPI-00229)'):
        @S.it("If the document being posted to the State Resource does not have a Content-Type of application/json and the existing document does, the LRS MUST respond with HTTP status code 400 Bad Request, and MUST NOT update the target document as a result of the request.")
        def _(t):
            params, doc = build_state(), build_document()
            t.status(sr(t, "POST", P, params, json_body=doc), 204)
            t.status(sr(t, "POST", P, params, body="abcdefg", headers={"content-type": "not/json"}), 400)
            t.eq(t.json(t.status(sr(t, "GET", P, params), 200)), doc, "document")

        @S.it("If the existing document does not have a Content-Type of application/json but the document being posted to the State Resource does the LRS MUST respond with HTTP status code 400 Bad Request, and MUST NOT update the target document as a result of the request.")
        def _(t):
            params = build_state()
            attachment = "/ asdf / undefined"
            t.status(sr(t, "PUT", P, params, body=attachment, headers={"content-type": "application/octet-stream"}), 204)
            t.status(sr(t, "POST", P, params, json_body=build_document()), 400)
            res = t.status(sr(t, "GET", P, params), 200)
            t.eq(res.text, attachment, "document")

        @S.it("If the document being posted to the State Resource has a content type of Content-Type of application/json but cannot be parsed as a JSON Object, the LRS MUST respond with HTTP status code 400 Bad Request, and MUST NOT update the target document as a result of the request.")
        def _(t):
            params, doc = build_state(), build_document()
            t.status(sr(t, "POST", P, params, json_body=doc), 204)
            bad = js_stringify(build_state()) + "{"
            t.status(sr(t, "POST", P, params, body=bad, headers={"content-type": "application/json"}), 400)
            t.eq(t.json(t.status(sr(t, "GET", P, params), 200)), doc, "document")

    @S.it('An LRS\'s State Resource, rejects a POST request if the document is found and either document\'s type is not "application/json" with error code 400 Bad Request (Communication 2.2.s8.b1, XAPI-00232)')
    def _(t):
        params = build_state()
        send_request(t, "post", P, params, build_document(), 204)
        send_request(t, "post", P, params, "abc", 400)

    S.it('An LRS\'s State Resource, upon receiving a POST request for a document not currently in the LRS, treats it as a PUT request and store a new document (Communication 2.2.s7, XAPI-00233)')(post_get)

    @S.it('An LRS\'s State Resource performs a Document Merge if a document is found and both it and the document in the POST request have type "application/json" (Communication 2.2.s7.b1, Communication 2.2.s7.b2, Communication 2.2.s7.b3, XAPI-00234)')
    def _(t):
        params = build_state()
        send_request(t, "post", P, params, {"car": "Honda"}, 204)
        send_request(t, "post", P, params, {"type": "Civic"}, 204)
        t.eq(t.json(send_request(t, "get", P, params, None, 200)), {"car": "Honda", "type": "Civic"}, "merged document")

    @S.it("An LRS must reject with 400 Bad Request a POST request to the State Resource which contains name/value pairs with invalid JSON and the Content-Type header is 'application/json' (Communication 2.3, XAPI-00235)")
    def _(t):
        params = {"activityId": "http://www.example.com/activityId/hashset", "stateId": generate_uuid()}
        agent = encode_uri_component(js_stringify({"objectType": "Agent", "account": {
            "homePage": "http://www.example.com/agentId/1", "name": "Rick James"}})).replace("%3A", "%22", 1)
        params["registration"] = generate_uuid()
        res = t.post(P + "?" + get_url_encoding(params) + "&agent=" + agent, body=js_stringify(build_document()),
                     headers={"content-type": "application/json"})
        t.status(res, 400)

    S.it('An LRS\'s State Resource can process a POST request with "registration" as a parameter (multiplicity, Communication 2.3.s3.table1.row3, XAPI-00227)')(with_registration("post"))
    with S.describe('An LRS\'s State Resource rejects a POST request with "registration" as a parameter if it is not a UUID with error code 400 Bad Request (format, Communication 2.3.s3.table1.row3, XAPI-00202)'):
        S.it('Should reject POST with "registration" with invalid value')(invalid("post", "registration", True))
    S.it('An LRS\'s State Resource can process a GET request with "registration" as a parameter (multiplicity, Communication 2.3.s3.table1.row3, XAPI-00220)')(with_registration("get"))
    with S.describe('An LRS\'s State Resource rejects a GET request with "registration" as a parameter if it is not a UUID with error code 400 Bad Request (format, Communication 2.3.s3.table1.row3, XAPI-00201)'):
        S.it('Should reject GET with "registration" with invalid value')(invalid("get", "registration", True, False))
    S.it('An LRS\'s State Resource can process a DELETE request with "registration" as a parameter (multiplicity, Communication 2.3.s3.table1.row3, XAPI-00219)')(with_registration("delete"))
    with S.describe('An LRS\'s State Resource rejects a DELETE request with "registration" as a parameter if it is not a UUID with error code 400 Bad Request (format, Communication 2.3.s3.table1.row3, XAPI-00200)'):
        S.it('Should reject DELETE with "registration" with invalid value')(invalid("delete", "registration", True, False))
    S.it('An LRS\'s State Resource rejects a PUT request without "stateId" as a parameter with error code 400 Bad Request(multiplicity, Communication 2.3.s3.table1.row4, XAPI-00206)')(without("put", "stateId"))
    S.it('An LRS\'s State Resource rejects a POST request without "stateId" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.3.s3.table1.row4, XAPI-00211)')(without("post", "stateId"))
    S.it('An LRS\'s State Resource can process a GET request with "stateId" as a parameter (multiplicity, Communication 2.3.s3.table1.row4, XAPI-00217)')(post_get)

    @S.it('An LRS\'s State Resource can process a GET request with "since" as a parameter (multiplicity, Communication 2.3.s4.table1.row4, XAPI-00221)')
    def _(t):
        params, doc = build_state(), build_document()
        state_id = params["stateId"]
        send_request(t, "post", P, params, doc, 204)
        params["since"] = since_one_minute_ago(t)
        del params["stateId"]
        _contains(t, t.json(send_request(t, "get", P, params, None, 200)), state_id)

    @S.it('An LRS\'s State Resource rejects a GET request with "since" as a parameter if it is not a "TimeStamp", with error code 400 Bad Request (format, Communication 2.3.s4.table1.row4, XAPI-00204)')
    def _(t):
        params = build_state()
        del params["stateId"]
        params["since"] = "not a timestamp"
        send_request(t, "get", P, params, None, 400)

    S.it('An LRS\'s State Resource can process a DELETE request with "stateId" as a parameter (multiplicity, Communication 2.3.s3.table1.row4, XAPI-00216)')(post_delete)

    @S.it('An LRS\'s State Resource upon processing a successful GET request without "stateId" as a parameter returns an array of ids of state data documents satisfying the requirements of the GET and code 200 OK (Communication 2.3.s4, XAPI-00193)')
    def _(t):
        params, doc = build_state(), build_document()
        send_request(t, "post", P, params, doc, 204)
        del params["stateId"]
        body = t.json(send_request(t, "get", P, params, None, 200))
        t.ok(isinstance(body, list), "expected an array of stateIds, got %r" % (body,))

    @S.it('An LRS\'s returned array of ids from a successful GET request to the State Resource all refer to documents stored after the TimeStamp in the "since" parameter of the GET request (Communication 2.3.s4.table1.row4, XAPI-00195)')
    def _(t):
        doc, s1, s2 = build_document(), build_state(), build_state()
        since = since_one_minute_ago(t)
        send_request(t, "post", P, s1, doc, 204)
        send_request(t, "post", P, s2, doc, 204)
        params = build_state()
        del params["stateId"]
        params["since"] = since
        body = t.json(send_request(t, "get", P, params, None, 200))
        if not t.dry:
            t.ok(isinstance(body, list) and len(body) > 1, "expected an array of more than 1 stateId, got %r" % (body,))
        _contains(t, body, s1["stateId"])
        _contains(t, body, s2["stateId"])

    @S.it('An LRS\'s State Resource upon processing a successful DELETE request without "stateId" as a parameter deletes documents satisfying the requirements of the DELETE and code 204 No Content (Communication 2.3.s5, XAPI-00194)')
    def _(t):
        params = build_state()
        params["activityId"] = params["activityId"] + generate_uuid()
        send_request(t, "post", P, params, build_document(), 204)
        del params["stateId"]
        send_request(t, "post", P, build_state(), build_document(), 204)
        send_request(t, "delete", P, params, None, 204)
        body = t.json(send_request(t, "get", P, params, None, 200))
        t.ok(body == [], "expected an empty array after the DELETE, got %r" % (body,))

    if S.version != "1.0.3":
        last_modified_cases(S, P, build_state)


def last_modified_cases(S, path, build_params):
    with S.describe("The LRS shall include a Last-Modified header indicating when the document was last modified."):
        document = build_document()
        updated = dict(document, name="Updated Name:" + generate_uuid())
        params = build_params()

        @S.before
        def _(t):
            delete_document(t, path, params)
            post_document(t, path, document, params)

        @S.it("Returns a Last-Modified header at all")
        def _(t):
            res = get_documents(t, path, params)
            if not t.dry:
                v = res.headers.get("Last-Modified")
                t.ok(parse_date_ms(v) is not None, "Last-Modified %r is not a date" % (v,))

        @S.it("Updates the Last-Modified value when the corresponding document is updated.")
        def _(t):
            before = get_documents(t, path, params)
            if not t.dry:
                time.sleep(1.5)
            t.status(post_document(t, path, updated, params), 204)
            after = get_documents(t, path, params)
            if not t.dry:
                a = parse_date_ms(before.headers.get("Last-Modified"))
                b = parse_date_ms(after.headers.get("Last-Modified"))
                t.ok(a is not None and b is not None and b > a,
                     "Last-Modified did not advance: %r -> %r" % (before.headers.get("Last-Modified"), after.headers.get("Last-Modified")))
