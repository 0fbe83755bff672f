SOURCE = "4.1.4-Concurrency.js"
TITLE = "(4.1.4) Concurrency"
from common import data, delete_document, get_documents, post_document, put_document
from templates import build_activity_profile, build_agent_profile, build_document, build_state, generate_uuid


def _etag(t, res):
    return None if t.dry else res.headers.get("ETag")


def run_concurrency_tests(S, resource_name, path, params):
    with S.describe("Concurrency for the %s Resource." % resource_name):
        document = build_document()

        @S.before
        def _(t):
            delete_document(t, path, params)
            post_document(t, path, document, params)

        @S.it('An LRS responding to a GET request SHALL add an ETag HTTP header to the response.')
        def _(t):
            etag = _etag(t, get_documents(t, path, params))
            t.ok(isinstance(etag, str), "no ETag header on GET %s" % path)

        @S.it('When responding to a GET Request the Etag header must be enclosed in quotes')
        def _(t):
            etag = _etag(t, get_documents(t, path, params))
            if t.dry:
                return
            t.ok(isinstance(etag, str), "no ETag header on GET %s" % path)
            if etag[:1] != '"':
                t.ok(etag[:2] == "W/", "ETag %r neither quoted nor weak" % etag)
                etag = etag[2:]
            t.ok(len(etag) >= 3 and etag[0] == '"' and etag[-1] == '"', "ETag %r is not enclosed in quotes" % etag)

        with S.describe('When responding to a PUT, POST, or DELETE request, must handle the If-Match header as described in RFC 2616, HTTP/1.1 if it contains an ETag'):
            for verb, send in (("PUT", put_document), ("POST", post_document)):
                with S.describe("Properly handles %s requests with If-Match" % verb):
                    doc = build_document()
                    updated = dict(doc, name="Updated Name:" + generate_uuid())

                    @S.before
                    def _(t, doc=doc):
                        delete_document(t, path, params)
                        post_document(t, path, doc, params)
                        t.ctx["correctTag"] = _etag(t, get_documents(t, path, params))

                    @S.it("Should reject a %s request with a 412 Precondition Failed when using an incorrect ETag" % verb)
                    def _(t, send=send, doc=doc):
                        t.status(send(t, path, doc, params, {"If-Match": '"1234"'}), 412)

                    @S.it("Should not have modified the document for %s requests with an incorrect ETag" % verb)
                    def _(t, doc=doc):
                        d = data(t, get_documents(t, path, params))
                        if not t.dry:
                            t.eq(d.get("name") if isinstance(d, dict) else d, doc["name"], "document name")

                    @S.it("Should accept a %s request with a correct ETag" % verb)
                    def _(t, send=send, updated=updated):
                        t.status(send(t, path, updated, params, {"If-Match": t.ctx["correctTag"]}), 204)

                    @S.it("Should have modified the document for %s requests with a correct ETag" % verb)
                    def _(t, updated=updated):
                        t.eq(data(t, get_documents(t, path, params)), updated, "document")

            with S.describe("Properly handles DELETE requests with If-Match"):
                doc = build_document()

                @S.before
                def _(t):
                    delete_document(t, path, params)
                    post_document(t, path, doc, params)
                    t.ctx["correctTag"] = _etag(t, get_documents(t, path, params))

                @S.it("Should reject a DELETE request with a 412 Precondition Failed when using an incorrect ETag")
                def _(t):
                    t.status(delete_document(t, path, params, {"If-Match": '"1234"'}), 412)

                @S.it("Should not have modified the document for DELETE requests with an incorrect ETag")
                def _(t):
                    res = t.status(get_documents(t, path, params), 200)
                    d = data(t, res)
                    if not t.dry:
                        t.eq(d.get("name") if isinstance(d, dict) else d, doc["name"], "document name")

                @S.it("Should accept a DELETE request with a correct ETag")
                def _(t):
                    t.status(delete_document(t, path, params, {"If-Match": t.ctx["correctTag"]}), 204)

        with S.describe('If a PUT request is received without either header for a resource that already exists'):
            original = build_document()
            updated = build_document()

            @S.before
            def _(t):
                delete_document(t, path, params)
                t.status(post_document(t, path, original, params), 204)
                res = t.status(get_documents(t, path, params), 200)
                t.ok(_etag(t, res) is not None, "no ETag header on GET %s" % path)
                t.eq(data(t, res), original, "document")

            @S.it('Return 409 conflict')
            def _(t):
                t.status(put_document(t, path, updated, params), 409)

            @S.it('Return error message explaining the situation')
            def _(t):
                d = data(t, put_document(t, path, updated, params))
                t.ok(bool(d), "409 answer has an empty body")

            @S.it('Do not modify the resource')
            def _(t):
                t.eq(data(t, get_documents(t, path, params)), original, "document")


def register(S):
    with S.describe("xAPI uses HTTP 1.1 entity tags (ETags) to implement optimistic concurrency control in the following resources, where PUT, POST or DELETE are allowed to overwrite or remove existing data.",
                    reqs=["XAPI-00322"]):
        run_concurrency_tests(S, "Activity State", "/activities/state", build_state())
        run_concurrency_tests(S, "Activity Profile", "/activities/profile", build_activity_profile())
        run_concurrency_tests(S, "Agents Profile", "/agents/profile", build_agent_profile())
