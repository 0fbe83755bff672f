"""test/v1_0_3/H.Communication1.3-AlternateRequestSyntax.js: 1.0.3 requires the Alternate Request
Syntax (the 2.0 file, ported in cases_v2, requires its rejection)."""
import urllib.parse

from common import send_request
from lrs_client import encode_uri_component, get_url_encoding
from templates import generate_uuid, js_stringify

SOURCE = "H.Communication1.3-AlternateRequestSyntax.js"
TITLE = "Alternate Request Syntax Requirements (Communication 1.3)"


def qs_stringify(form):
    """request's .form(): qs.stringify (RFC 3986 percent-encoding)"""
    return "&".join("%s=%s" % (urllib.parse.quote(str(k), safe="-_.~"), urllib.parse.quote(str(v), safe="-_.~"))
                    for k, v in form.items())


def build_form_body(t, content, sid=None):
    """helper.buildFormBody: form-urlencoded encode of version + JSON content (+ statementId)"""
    body = {"X-Experience-API-Version": t.version, "content": js_stringify(content)}
    if sid:
        body["statementId"] = sid
    return "&".join("%s=%s" % (encode_uri_component(k).replace("%20", "+"), encode_uri_component(v).replace("%20", "+"))
                    for k, v in body.items())


def register(S):
    with S.describe('The LRS MUST support the Alternate Request Syntax (Communication 1.3.s3.b15, XAPI-00336)'):
        @S.it('An LRS accepts a valid POST request containing a GET request returning 200 OK and the StatementResult Object. (Communication 1.3, Communication 2.1.2.s2.b3, XAPI-00148)')
        def _(t):
            res = t.post("/statements?method=GET", body=qs_stringify({"limit": 1}),
                         content_type="application/x-www-form-urlencoded")
            results = t.json(t.status(res, 200))
            if not t.dry:
                t.ok(isinstance(results, dict) and "statements" in results, "no statements property")
                t.ok("more" in results, "no more property")

        @S.it('An LRS rejects an alternate request syntax not issued as a POST')
        def _(t):
            send_request(t, "put", "/statements", {"method": "POST"}, build_form_body(t, t.tpl.build_statement()), 400)

        @S.it('An LRS accepts an alternate request syntax PUT issued as a POST')
        def _(t):
            form = {"statementId": generate_uuid(), "content": t.tpl.build_statement()}
            send_request(t, "post", "/statements", {"method": "PUT"}, get_url_encoding(form), 204)

        @S.it('During an alternate request syntax the LRS treats the listed form parameters, \'Authorization\', \'X-Experience-API-Version\', \'Content-Type\', \'Content-Length\', \'If-Match\' and \'If-None-Match\', as header parameters (Communictation 1.3.s3.b7)')
        def _(t):
            sid = generate_uuid()
            form = {"statementId": sid, "X-Experience-API-Version": "0.8", "content": t.tpl.build_statement()}
            send_request(t, "post", "/statements", {"method": "PUT"}, get_url_encoding(form), 400)

        @S.it('An LRS will reject an alternate request syntax which contains any extra information with error code 400 Bad Request (Communication 1.3.s3.b4)')
        def _(t):
            statement = t.statement({"statement": "{{statements.default}}"})
            sid = generate_uuid()
            body = {"statementId": sid, "content": statement}
            send_request(t, "post", "/statements", {"method": "PUT", "statementId": sid}, get_url_encoding(body), 400)

        with S.describe('An LRS will reject an alternate request syntax sending content which does not have a form parameter with the name of "content" (Communication 1.3.s3.b4)'):
            @S.it('will pass PUT with content body which is url encoded')
            def _(t):
                form = {"statementId": generate_uuid(),
                        "content": js_stringify(t.statement({"statement": "{{statements.default}}"})),
                        "X-Experience-API-Version": "1.0.3", "Authorization": t.lrs.basic()}
                res = t.post("/statements?method=PUT", body=qs_stringify(form), auth=False, version=None,
                             headers={"content-type": "application/x-www-form-urlencoded"})
                t.status(res, 204)

            @S.it('will fail PUT with no content body')
            def _(t):
                send_request(t, "post", "/statements", {"method": "PUT"}, None, 400)

            @S.it('will fail PUT with content body which is not url encoded')
            def _(t):
                form = {"statementId": generate_uuid(),
                        "content": js_stringify(t.statement({"statement": "{{statements.default}}"})),
                        "X-Experience-API-Version": "1.0.3"}
                res = t.post("/statements?method=PUT", body=js_stringify(form),
                             headers={"content-type": "application/x-www-form-urlencoded"})
                t.status(res, 400)
