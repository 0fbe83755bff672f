SOURCE = "4.1.6.6-Activity-Profile-Resource.js"
TITLE = "Activity Profile Resource Requirements (Communication 2.7)"
from .c4_1_6_2_state_resource import last_modified_cases
from .c4_1_6_5_agent_profile_resource import document_type_cases
from common import send_request, since_one_minute_ago, sr
from templates import build_activity_profile, build_document, generate_uuid, js_stringify

P = "/activities/profile"
NEW = {"If-None-Match": "*"}


def register(S):
    @S.it('An LRS has an Activity Profile Resource with endpoint "base IRI"+"/activities/profile" (Communication 2.2.s3.table1.row2, XAPI-00311)')
    def _(t):
        send_request(t, "post", P, build_activity_profile(), build_document(), 204)

    with S.describe('An LRS\'s Activity Profile Resource accepts PUT requests (Communication 2.7, XAPI-00287, XAPI-00293)'):
        @S.it('passes with 204 no content')
        def _(t):
            t.status(sr(t, "PUT", P, build_activity_profile(), json_body=build_document(), headers=NEW), 204)

        if S.version == "1.0.3":
            @S.it('fails without ETag header')
            def _(t):
                t.status(sr(t, "PUT", P, build_activity_profile(), json_body=build_document()), 400)

    @S.it('An LRS\'s Activity Profile Resource accepts POST requests (Communication 2.7, XAPI-00286, XAPI-00292, XAPI-00312)')
    def _(t):
        send_request(t, "post", P, build_activity_profile(), build_document(), 204)

    @S.it('An LRS\'s Activity Profile Resource accepts DELETE requests (Communication 2.7, XAPI-00285, XAPI-00291)')
    def _(t):
        send_request(t, "delete", P, build_activity_profile(), None, 204)

    @S.it('An LRS\'s Activity Profile Resource accepts GET requests (Communication 2.7, XAPI-00290)')
    def _(t):
        params = build_activity_profile()
        send_request(t, "post", P, params, build_document(), 204)
        send_request(t, "get", P, params, None, 200)

    @S.it('An LRS\'s Activity Profile Resource upon processing a successful GET request with a valid "profileId" as a parameter returns the document satisfying the requirements of the GET and code 200 OK (Communication 2.7.s3, XAPI-00288)')
    def _(t):
        params, doc = build_activity_profile(), build_document()
        send_request(t, "post", P, params, doc, 204)
        t.eq(t.json(send_request(t, "get", P, params, None, 200)), doc, "document")

    def put_without(key):
        def case(t):
            params = build_activity_profile()
            del params[key]
            t.status(sr(t, "PUT", P, params, json_body=build_document(), headers=NEW), 400)
        return case

    def without(method, key, with_doc):
        def case(t):
            params = build_activity_profile()
            doc = build_document() if with_doc else None
            del params[key]
            send_request(t, method, P, params, doc, 400)
        return case

    S.it('An LRS\'s Activity Profile Resource rejects a PUT request without "activityId" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.7.s3.table1.row1, XAPI-00299)')(put_without("activityId"))
    S.it('An LRS\'s Activity Profile Resource rejects a POST request without "activityId" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.7.s3.table1.row1, XAPI-00298)')(without("post", "activityId", True))
    S.it('An LRS\'s Activity Profile Resource rejects a DELETE request without "activityId" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.7.s3.table1.row1, XAPI-00297)')(without("delete", "activityId", False))
    S.it('An LRS\'s Activity Profile Resource rejects a GET request without "activityId" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.7.s3.table1.row1, Communication 2.7.s4.table1.row1, XAPI-00296)')(without("get", "activityId", False))
    S.it('An LRS\'s Activity Profile Resource rejects a PUT request without "profileId" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.7.s3.table1.row2, XAPI-00302)')(put_without("profileId"))
    S.it('An LRS\'s Activity Profile Resource rejects a POST request without "profileId" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.7.s3.table1.row2, XAPI-00301)')(without("post", "profileId", True))
    S.it('An LRS\'s Activity Profile Resource rejects a DELETE request without "profileId" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.7.s3.table1.row2, XAPI-00300)')(without("delete", "profileId", False))

    @S.it('An LRS\'s Activity Profile Resource upon processing a successful GET request without "profileId" as a parameter returns an array of ids of activity profile documents satisfying the requirements of the GET and code 200 OK (Communication 2.7.s4, XAPI-00289)')
    def _(t):
        params = build_activity_profile()
        params["activityId"] += generate_uuid()
        send_request(t, "post", P, params, build_document(), 204)
        del params["profileId"]
        body = t.json(send_request(t, "get", P, params, None, 200))
        if not t.dry:
            t.ok(isinstance(body, list) and len(body) > 0, "expected a non-empty array of profileIds, got %r" % (body,))

    @S.it('An LRS\'s Activity Profile Resource can process a GET request with "since" as a parameter (multiplicity, Communication 2.7.s4.table1.row2, XAPI-00303)')
    def _(t):
        params = build_activity_profile()
        send_request(t, "post", P, params, build_document(), 204)
        del params["profileId"]
        params["since"] = since_one_minute_ago(t)
        send_request(t, "get", P, params, None, 200)

    with S.describe('An LRS\'s Activity Profile Resource rejects a GET request with "since" as a parameter if it is not a "TimeStamp", with error code 400 Bad Request (format, Communication 2.7.s4.table1.row2, XAPI-00295)'):
        @S.it('Should reject GET with "since" with invalid value')
        def _(t):
            params = build_activity_profile()
            params["since"] = True
            del params["profileId"]
            send_request(t, "get", P, params, None, 400)

    @S.it('An LRS\'s returned array of ids from a successful GET request to the Activity Profile Resource all refer to documents stored after the TimeStamp in the "since" parameter of the GET request if such a parameter was present (Communication 2.7.s4.table1.row2, XAPI-00294)')
    def _(t):
        params = build_activity_profile()
        profile1 = params["profileId"]
        doc = build_document()
        params["activityId"] += generate_uuid()
        since = since_one_minute_ago(t)
        send_request(t, "post", P, params, doc, 204)
        del params["profileId"]
        params["since"] = since
        body = t.json(send_request(t, "get", P, params, None, 200))
        if not t.dry:
            t.ok(isinstance(body, list) and len(body) > 0, "expected a non-empty array, got %r" % (body,))
            t.ok(profile1 in body, "array %r lacks %s" % (body, profile1))

    @S.it('An LRS\'s Activity Profile Resource, upon receiving a POST request for a document not currently in the LRS, treats it as a PUT request and store a new document (Communication 2.2.s7, XAPI-00310)')
    def _(t):
        params, doc = build_activity_profile(), build_document()
        send_request(t, "post", P, params, doc, 204)
        t.eq(t.json(send_request(t, "get", P, params, None, 200)), doc, "document")

    @S.it('An LRS\'s Activity Profile Resource performs a Document Merge if a document is found and both it and the document in the POST request have type "application/json" (Communication 2.2.s7.b1, Communication 2.2.s7.b2, Communication 2.2.s7.b3, XAPI-00308)')
    def _(t):
        params = build_activity_profile()
        send_request(t, "post", P, params, {"car": "Honda"}, 204)
        send_request(t, "post", P, params, {"type": "Civic"}, 204)
        t.eq(t.json(send_request(t, "get", P, params, None, 200)), {"car": "Honda", "type": "Civic"}, "merged document")

    @S.it('An LRS\'s Activity Profile Resource, rejects a POST request if the document is found and either document\'s type is not "application/json" with error code 400 Bad Request (Communication 2.2.s8.b1, XAPI-00309)')
    def _(t):
        params = build_activity_profile()
        send_request(t, "post", P, params, build_document(), 204)
        send_request(t, "post", P, params, "abc", 400)

    document_type_cases(S, P, build_activity_profile, "Activity Profile",
                        'An LRS\'s Activity Profile Resource, rejects a POST request if the document is found and either document is not a valid JSON Object (Communication 2.7.s3.table1.row3, Communication 2.2.s8.b1, XAPI-00313)',
                        case1_type="application/octet-stream", case2_headers={"If-None-Match": "*"}, case1_doc=build_activity_profile)

    @S.it('An LRS\'s must reject, with 400 Bad Request, a POST request to the Activity Profile Resource which contains name/value pairs with invalid JSON and the Content-Type header is "application/json" (Communication 2.7.s4.table1.row2, XAPI-00314)')
    def _(t):
        doc = js_stringify(build_document()) + "["
        t.status(sr(t, "POST", P, build_activity_profile(), body=doc, headers={"Content-Type": "application/json"}), 400)

    if S.version != "1.0.3":
        last_modified_cases(S, P, build_activity_profile)
