SOURCE = "4.1.6.5-Agent-Profile-Resource.js"
TITLE = "Agent Profile Resource Requirements (Communication 2.6)"
from .c4_1_6_2_state_resource import last_modified_cases
from common import send_request, since_one_minute_ago, sr
from lrs_client import encode_uri_component, get_url_encoding
from templates import build_agent_profile, build_document, generate_uuid, js_stringify

P = "/agents/profile"
NEW = {"If-None-Match": "*"}


def register(S):
    with S.describe('An LRS has an Agent Profile Resource with endpoint "base IRI"+"/agents/profile" (Communication 2.2.s3.table2.row3.a, Communication 2.2.table2.row3.c, XAPI-00282)'):
        @S.it('An LRS\'s Agent Profile Resource accepts GET requests (Communication 2.6.s2, XAPI-00274)')
        def _(t):
            params, doc = build_agent_profile(), build_document()
            send_request(t, "post", P, params, doc, 204)
            send_request(t, "get", P, params, None, 200)

        @S.it('An LRS\'s Agent Profile Resource upon processing a successful PUT request returns code 204 No Content (Communication 2.6.s3, XAPI-00273)')
        def _(t):
            t.status(sr(t, "PUT", P, build_agent_profile(), json_body=build_document(), headers=NEW), 204)

        if S.version == "1.0.3":
            @S.it('An LRS\'s Agent Profile Resource upon processing a PUT request without an ETag header returns an error code and message (Communication 2.6.s3, XAPI-00273)')
            def _(t):
                t.status(sr(t, "PUT", P, build_agent_profile(), json_body=build_document()), 400)

        @S.it('An LRS\'s Agent Profile Resource upon processing a successful POST request returns code 204 No Content (Communication 2.6.s3, XAPI-00272, XAPI-00283)')
        def _(t):
            send_request(t, "post", P, build_agent_profile(), build_document(), 204)

        @S.it('An LRS\'s Agent Profile Resource upon processing a successful DELETE request deletes the associated profile and returns code 204 No Content (Communication 2.6.s3, XAPI-00271)')
        def _(t):
            params = build_agent_profile()
            send_request(t, "post", P, params, build_document(), 204)
            send_request(t, "delete", P, params, None, 204)

    @S.it('An LRS\'s Agent Profile Resource upon processing a successful GET request with a valid "profileId" as a parameter returns the document satisfying the requirements of the GET and code 200 OK (Communication 2.6.s3, XAPI-00259, XAPI-00269)')
    def _(t):
        params, doc = build_agent_profile(), build_document()
        send_request(t, "post", P, params, doc, 204)
        t.eq(t.json(send_request(t, "get", P, params, None, 200)), doc, "document")

    def put_bad(mutate):
        def case(t):
            params = build_agent_profile()
            mutate(params)
            t.status(sr(t, "PUT", P, params, json_body=build_document(), headers=NEW), 400)
        return case

    def bad(method, mutate, with_doc):
        def case(t):
            doc = build_document() if with_doc else None
            params = build_agent_profile()
            mutate(params)
            send_request(t, method, P, params, doc, 400)
        return case

    no_agent = lambda p: p.pop("agent")
    agent_true = lambda p: p.__setitem__("agent", True)
    no_profile = lambda p: p.pop("profileId")

    S.it('An LRS\'s Agent Profile Resource rejects a PUT request without "agent" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.6.s3.table1.row1, XAPI-00264)')(put_bad(no_agent))
    with S.describe('An LRS\'s Agent Profile Resource rejects a PUT request with "agent" as a parameter if it is not an Agent Object with error code 400 Bad Request (format, Communication 2.6.s3.table1.row1, XAPI-00257)'):
        S.it('Should reject PUT with "agent" with invalid value')(put_bad(agent_true))
    S.it('An LRS\'s Agent Profile Resource rejects a POST request without "agent" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.6.s3.table1.row1, XAPI-00263)')(bad("post", no_agent, True))
    # the suite nests this body in an inner it() that mocha never runs; the port runs it
    S.it('An LRS\'s Agent Profile Resource rejects a POST request with "agent" as a parameter if it is not an Agent Object with error code 400 Bad Request (format, Communication 2.6.s3.table1.row1, XAPI-00256)')(bad("post", agent_true, True))
    S.it('An LRS\'s Agent Profile Resource rejects a DELETE request without "agent" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.6.s3.table1.row1, XAPI-00262)')(bad("delete", no_agent, False))
    with S.describe('An LRS\'s Agent Profile Resource rejects a DELETE request with "agent" as a parameter if it is not an Agent Object with error code 400 Bad Request (format, Communication 2.6.s3.table1.row1, XAPI-00255)'):
        S.it('Should reject DELETE with "agent" with invalid value')(bad("delete", agent_true, True))
    with S.describe('An LRS\'s Agent Profile Resource rejects a GET request with "agent" as a parameter if it is a valid, in structure, Agent with error code 400 Bad Request (multiplicity, Communication 2.6.s4.table1.row1, Communication 2.6.s3.table1.row1, XAPI-00258)'):
        S.it('Should reject GET with "agent" with invalid value')(bad("get", agent_true, False))
    S.it('An LRS\'s Agent Profile Resource rejects a PUT request without "profileId" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.6.s3.table1.row2, XAPI-00267)')(put_bad(no_profile))
    S.it('An LRS\'s Agent Profile Resource rejects a POST request without "profileId" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.6.s3.table1.row2, XAPI-00266)')(bad("post", no_profile, True))
    S.it('An LRS\'s Agent Profile Resource rejects a DELETE request without "profileId" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.6.s3.table1.row2, XAPI-00265)')(bad("delete", no_profile, False))

    @S.it('An LRS\'s Agent Profile Resource upon processing a successful GET request without "profileId" as a parameter returns an array of ids of agent profile documents satisfying the requirements of the GET and code 200 OK (Communication 2.6.s4, XAPI-00270)')
    def _(t):
        params = build_agent_profile()
        send_request(t, "post", P, params, build_document(), 204)
        del params["profileId"]
        body = t.json(send_request(t, "get", P, params, None, 200))
        if not t.dry:
            t.ok(isinstance(body, (list, str, dict)) and len(body) > 0, "expected a non-empty array of profileIds, got %r" % (body,))

    S.it('An LRS\'s Agent Profile Resource rejects a GET request without "agent" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.6.s4.table1.row1, XAPI-00261)')(bad("get", no_agent, False))

    @S.it('An LRS\'s Agent Profile Resource can process a GET request with "since" as a parameter (Multiplicity, Communication 2.6.s4.table1.row2, XAPI-00268)')
    def _(t):
        params = build_agent_profile()
        send_request(t, "post", P, params, build_document(), 204)
        params["since"] = since_one_minute_ago(t)
        del params["profileId"]
        send_request(t, "get", P, params, None, 200)

    with S.describe('An LRS\'s Agent Profile Resource rejects a GET request with "since" as a parameter if it is not a "TimeStamp", with error code 400 Bad Request (format, Communication 2.6.s4.table1.row2, XAPI-00260)'):
        @S.it('Should reject GET with "since" with invalid value')
        def _(t):
            params = build_agent_profile()
            del params["profileId"]
            params["since"] = True
            send_request(t, "get", P, params, None, 400)

    @S.it('An LRS\'s returned array of ids from a successful GET request to the Agent Profile Resource all refer to documents stored after the TimeStamp in the "since" parameter of the GET request if such a parameter was present (Communication 2.6.s4.table1.row2, XAPI-00275)')
    def _(t):
        params = build_agent_profile()
        profile1 = params["profileId"]
        since = since_one_minute_ago(t)
        send_request(t, "post", P, params, build_document(), 204)
        params["since"] = since
        del params["profileId"]
        body = t.json(send_request(t, "get", P, params, None, 200))
        if not t.dry:
            t.ok(isinstance(body, list) and len(body) > 0, "expected a non-empty array, got %r" % (body,))
            t.ok(profile1 in body, "array %r lacks %s" % (body, profile1))

    @S.it('An LRS\'s Agent Profile Resource performs a Document Merge if a document is found and both it and the document in the POST request have type "application/json" (Communication 2.2.s7.b1, Communication 2.2.s7.b2, Communication 2.2.s7.b3, XAPI-00279)')
    def _(t):
        params = build_agent_profile()
        send_request(t, "post", P, params, {"car": "Honda"}, 204)
        send_request(t, "post", P, params, {"type": "Civic"}, 204)
        t.eq(t.json(send_request(t, "get", P, params, None, 200)), {"car": "Honda", "type": "Civic"}, "merged document")

    @S.it('An LRS\'s Agent Profile Resource, upon receiving a POST request for a document not currently in the LRS, treats it as a PUT request and store a new document (Communication 2.2.s7, XAPI-00280)')
    def _(t):
        params, doc = build_agent_profile(), build_document()
        send_request(t, "post", P, params, doc, 204)
        t.eq(t.json(send_request(t, "get", P, params, None, 200)), doc, "document")

    document_type_cases(S, P, build_agent_profile, "Agent Profile",
                        'An LRSs Agent Profile Resource, rejects a POST request if the document is found and either documents type is not "application/json" with error code 400 Bad Request (multiplicity, Communication 2.3.s3.table1.row3, Communication 2.2.s8.b1, XAPI-00278)',
                        case1_type="application/octet-stream", case2_headers={"If-None-Match": "*"})

    @S.it("An LRS's Agent Profile Resource, rejects a POST request if the document is found and either document is not a valid JSON Object (Communication 2.6, XAPI-00281)")
    def _(t):
        params, doc = build_agent_profile(), build_document()
        t.status(sr(t, "POST", P, params, json_body=doc), 204)
        t.status(sr(t, "POST", P, params, body="abcdefg", headers={"content-type": "not/json"}), 400)
        t.eq(t.json(t.status(sr(t, "GET", P, params), 200)), doc, "document")

    @S.it("An LRS must reject with 400 Bad Request a POST request to the Activitiy Profile Resource which contains name/value pairs with invalid JSON and the Content-Type header is 'application/json' (Communication 2.6, XAPI-00284)")
    def _(t):
        agent = encode_uri_component(js_stringify({"objectType": "Agent", "account": {
            "homePage": "http://www.example.com/agentId/1", "name": "Rick James"}})).replace("%3A", "%22", 1)
        res = t.post(P + "?" + get_url_encoding({"profileId": generate_uuid()}) + "&agent=" + agent,
                     body=js_stringify(build_document()), headers={"content-type": "application/json"})
        t.status(res, 400)

    if S.version != "1.0.3":
        last_modified_cases(S, P, build_agent_profile)


def document_type_cases(S, path, build_params, label, title, case1_type, case2_headers=None, case1_doc=build_document):
    """the three 'document is found and either document is not JSON' cases (XAPI-00278 / 00229 / 00286)"""
    with S.describe(title):
        @S.it("If the document being posted to the %s Resource does not have a Content-Type of application/json and the existing document does, the LRS MUST respond with HTTP status code 400 Bad Request, and MUST NOT update the target document as a result of the request." % label)
        def _(t):
            doc, params = case1_doc(), build_params()
            t.status(sr(t, "POST", path, params, json_body=doc), 204)
            t.status(sr(t, "POST", path, params, body="abcdefg", headers={"content-type": case1_type}), 400)
            t.eq(t.json(t.status(sr(t, "GET", path, params), 200)), doc, "document")

        @S.it("If the existing document does not have a Content-Type of application/json but the document being posted to the %s Resource does the LRS MUST respond with HTTP status code 400 Bad Request, and MUST NOT update the target document as a result of the request." % label)
        def _(t):
            params = build_params()
            attachment = "/ asdf / undefined"
            h = {"content-type": "application/octet-stream"}
            h.update(case2_headers or {})
            t.status(sr(t, "PUT", path, params, body=attachment, headers=h), 204)
            t.status(sr(t, "POST", path, params, json_body=build_document()), 400)
            res = t.status(sr(t, "GET", path, params), 200)
            t.eq(res.text, attachment, "document")

        @S.it("If the document being posted to the %s Resource has a content type of Content-Type of application/json but cannot be parsed as a JSON Object, the LRS MUST respond with HTTP status code 400 Bad Request, and MUST NOT update the target document as a result of the request." % label)
        def _(t):
            params, doc = build_params(), build_document()
            t.status(sr(t, "POST", path, params, json_body=doc), 204)
            bad = js_stringify(build_params()) + "{"
            t.status(sr(t, "POST", path, params, body=bad, headers={"content-type": "application/json"}), 400)
            t.eq(t.json(t.status(sr(t, "GET", path, params), 200)), doc, "document")
