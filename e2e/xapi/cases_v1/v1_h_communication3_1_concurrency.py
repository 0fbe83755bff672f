"""test/v1_0_3/H.Communication3.1-Concurrency.js (the 2.0 suite replaced it with 4.1.4-Concurrency.js)."""
import re

from common import send_request
from templates import build_activity_profile, build_agent_profile, build_document

SOURCE = "H.Communication3.1-Concurrency.js"
TITLE = "Concurrency Requirements (Communication 3.1)"
AP, AC = "/agents/profile", "/activities/profile"


def put(t, path, params, document, headers, expect):
    """supertest PUT with .send(document) and the suite's explicit headers"""
    res = t.lrs.request("PUT", path, params=params, json_body=document, headers=headers)
    return t.status(res, expect)


def register(S):
    with S.describe('An LRS must support HTTP/1.1 entity tags (ETags) to implement optimistic concurrency control when handling Resources where PUT may overwrite existing data (Agent Profile, and Activity Profile, Communication 3.1, XAPI-00322)'):
        def etag_on_get(path, build):
            def case(t):
                params = build()
                put(t, path, params, build_document(), {"If-None-Match": "*"}, 204)
                res = send_request(t, "get", path, params, None, 200)
                t.ok(t.dry or res.headers.get("ETag") is not None, "no ETag header on GET %s" % path)
            return case

        S.it('When responding to a GET request to Agent Profile resource, include an ETag HTTP header in the response')(etag_on_get(AP, build_agent_profile))
        S.it('When responding to a GET request to Activities Profile resource, include an ETag HTTP header in the response')(etag_on_get(AC, build_activity_profile))

        @S.it('When returning an ETag header, the value should be calculated as a SHA1 hexadecimal value')
        def _(t):
            params = build_agent_profile()
            send_request(t, "post", AP, params, build_document(), 204)
            res = send_request(t, "get", AP, params, None, 200)
            if not t.dry:
                etag = res.headers.get("ETag")
                t.ok(etag, "no ETag header")
                t.ok(re.search(r"\b[0-9a-fA-F]{40}\b", etag), "ETag %r is not a SHA1 hex value" % etag)

        @S.it('When responding to a GET Request the Etag header must be enclosed in quotes')
        def _(t):
            params = build_agent_profile()
            send_request(t, "post", AP, params, build_document(), 204)
            res = send_request(t, "get", AP, params, None, 200)
            if t.dry:
                return
            s = res.headers.get("ETag")
            t.ok(s, "no ETag header")
            if s[0] != '"':
                t.ok(s[:2] == "W/", "ETag %r neither quoted nor weak" % s)
                s = s[2:]
            t.ok(s[:1] == '"' and len(s) > 41 and s[41] == '"', "ETag %r is not a quoted 40-character value" % s)

        with S.describe('With a valid etag'):
            @S.before
            def _(t):
                t.ctx["parameters"] = params = build_agent_profile()
                send_request(t, "post", AP, params, build_document(), 204)

            @S.it('When responding to a PUT request, must handle the If-Match header as described in RFC 2616, HTTP/1.1 if it contains an ETag')
            def _(t):
                params = t.ctx["parameters"]
                res = send_request(t, "get", AP, params, None, 200)
                good = None if t.dry else res.headers.get("ETag")
                put(t, AP, params, build_document(), {"If-Match": good}, 204)

        with S.describe('When responding to a PUT request, handle the If-None-Match header as described in RFC 2616, HTTP/1.1 if it contains "*"'):
            parameters = build_activity_profile()

            @S.it('succeeds when no document exists')
            def _(t):
                put(t, AC, parameters, build_document(), {"If-None-Match": "*"}, 204)

            @S.it('rejects if a document already exists')
            def _(t):
                put(t, AC, parameters, build_document(), {"If-None-Match": "*"}, 412)

        with S.describe('If Header precondition in PUT Requests for RFC2616 fail'):
            p1, d1 = build_agent_profile(), build_document()

            @S.before
            def _(t):
                send_request(t, "post", AP, p1, d1, 204)
                send_request(t, "get", AP, p1, None, 200)

            @S.it('Return HTTP 412 (Precondition Failed)')
            def _(t):
                put(t, AP, p1, build_document(), {"If-Match": '"1111111111111111111111111111111111111111"'}, 412)

            @S.it('Do not modify the resource')
            def _(t):
                t.eq(t.json(send_request(t, "get", AP, p1, None, 200)), d1, "document")

        with S.describe('If put request is received without either header for a resource that already exists'):
            p2, d2, d3 = build_activity_profile(), build_document(), build_document()

            @S.before
            def _(t):
                send_request(t, "post", AC, p2, d2, 204)
                send_request(t, "get", AC, p2, None, 200)

            @S.it('Return 409 conflict')
            def _(t):
                send_request(t, "put", AC, p2, d3, 409)

            @S.it('Return error message explaining the situation')
            def _(t):
                res = send_request(t, "put", AC, p2, d3, 409)
                t.ok(t.dry or len(res.text) > 0, "409 answer has an empty body")

            @S.it('Do not modify the resource')
            def _(t):
                send_request(t, "put", AC, p2, d3, 409)
                t.eq(t.json(send_request(t, "get", AC, p2, None, 200)), d2, "document")
