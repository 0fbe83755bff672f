SOURCE = "H.Communication1.3-AlternateRequestSyntax.js"
TITLE = "Alternate Request Syntax Requirements (Communication 1.3)"
from templates import generate_uuid, js_stringify


def _4xx(t, res):
    if not t.dry:
        t.ok(400 <= res.status <= 499, "%s %s: expected a 4xx status, got %s" % (res.method, res.url.split("/xapi")[-1], res.status))


def register(S):
    with S.describe('The LRS does NOT allow Alternate Request Syntax in xAPI 2.0'):
        ax = lambda t, m, doc, params, headers=None: t.lrs.ax(m, "/statements", doc, params=params, headers=headers)

        @S.it('An LRS rejects POST requests containing method query parameters')
        def _(t):
            _4xx(t, ax(t, "POST", None, {"method": "GET"}))

        @S.it('An LRS rejects an alternate request syntax not issued as a POST')
        def _(t):
            _4xx(t, ax(t, "PUT", None, {"method": "POST"}))

        @S.it('An LRS rejects an alternate request syntax PUT issued as a POST')
        def _(t):
            _4xx(t, ax(t, "POST", None, {"method": "PUT"}))

        @S.it('During an alternate request syntax the LRS treats the listed form parameters, \'Authorization\', \'X-Experience-API-Version\', \'Content-Type\', \'Content-Length\', \'If-Match\' and \'If-None-Match\', as header parameters (Communictation 1.3.s3.b7)')
        def _(t):
            form = {"statementId": generate_uuid(), "X-Experience-API-Version": "0.8", "content": t.tpl.build_statement()}
            _4xx(t, ax(t, "POST", form, {"method": "PUT"}))

        @S.it('An LRS will reject an alternate request syntax which contains any extra information with error code 400 Bad Request (Communication 1.3.s3.b4)')
        def _(t):
            # `statementId: sID` is read before `var sID` is assigned: the suite sends "undefined"
            params = {"method": "PUT", "statementId": "undefined"}
            form = {"statementId": generate_uuid(), "content": t.statement({"statement": "{{statements.default}}"})}
            _4xx(t, ax(t, "POST", form, params))

        with S.describe('An LRS will reject an alternate request syntax sending content which does not have a form parameter with the name of "content" (Communication 1.3.s3.b4)'):
            @S.it('will reject PUT with content body which is url encoded')
            def _(t):
                payload = {"statementId": generate_uuid(),
                           "content": js_stringify(t.statement({"statement": "{{statements.default}}"})),
                           "X-Experience-API-Version": "2.0.0", "Authorization": t.lrs.basic()}
                _4xx(t, ax(t, "POST", payload, {"method": "PUT"}, {"content-type": "application/x-www-form-urlencoded"}))

            @S.it('will reject PUT with no content body')
            def _(t):
                _4xx(t, ax(t, "POST", None, {"method": "PUT"}))

            @S.it('will reject PUT with content body which is not url encoded')
            def _(t):
                # the suite passes the string "method=PUT" to getUrlEncoding, which walks its characters
                params = {str(i): c for i, c in enumerate("method=PUT")}
                payload = {"statementId": generate_uuid(),
                           "content": js_stringify(t.statement({"statement": "{{statements.default}}"})),
                           "X-Experience-API-Version": "2.0.0"}
                _4xx(t, ax(t, "POST", payload, params))
