SOURCE = "H.Communication1.1-HeadRequestImplementation.js"
TITLE = "HEAD Request Implementation Requirements (Communication 1.1)"
from common import send_request
from templates import build_activity_profile, build_agent, build_agent_profile, build_document, build_state


def _empty(t, res):
    if not t.dry:
        t.ok(len(res.content) == 0, "HEAD response has a body (%d bytes)" % len(res.content))


def register(S):
    def activities(check, templated):
        def case(t):
            st = t.statement({"statement": "{{statements.default}}"}) if templated else t.tpl.build_statement()
            send_request(t, "post", "/statements", None, [st], 200)
            res = send_request(t, "head", "/activities", {"activityId": st["object"]["id"]}, None, 200)
            if check:
                _empty(t, res)
        return case

    def document(path, build, check):
        def case(t):
            params = build()
            send_request(t, "post", path, params, build_document(), 204)
            res = send_request(t, "head", path, params, None, 200)
            if check:
                _empty(t, res)
        return case

    with S.describe('An LRS accepts HEAD requests (Communication 1.1, XAPI-00126)'):
        S.it('should succeed HEAD activities with no body')(activities(False, False))
        S.it('should succeed HEAD activities profile with no body')(document("/activities/profile", build_activity_profile, False))
        S.it('should succeed HEAD activities state with no body')(document("/activities/state", build_state, False))

        @S.it('should succeed HEAD agents with no body')
        def _(t):
            st = t.tpl.build_statement()
            send_request(t, "post", "/statements", None, [st], 200)
            send_request(t, "head", "/agents", {"agent": st["actor"]}, None, 200)

        S.it('should succeed HEAD agents profile with no body')(document("/agents/profile", build_agent_profile, False))

        @S.it('should succeed HEAD statements with no body')
        def _(t):
            send_request(t, "head", "/statements", None, None, 200)

    with S.describe('An LRS responds to a HEAD request in the same way as a GET request, but without the message-body (Communication 1.1.s3.b1, XAPI-00125) **This means run ALL GET tests with HEAD**'):
        S.it('should succeed HEAD activities with no body')(activities(True, True))
        S.it('should succeed HEAD activities profile with no body')(document("/activities/profile", build_activity_profile, True))
        S.it('should succeed HEAD activities state with no body')(document("/activities/state", build_state, True))

        @S.it('should succeed HEAD agents with no body')
        def _(t):
            _empty(t, send_request(t, "head", "/agents", build_agent(), None, 200))

        S.it('should succeed HEAD agents profile with no body')(document("/agents/profile", build_agent_profile, True))

        @S.it('should succeed HEAD statements with no body')
        def _(t):
            send_request(t, "post", "/statements", None, [t.tpl.build_statement()], 200)
            _empty(t, send_request(t, "head", "/statements", None, None, 200))

    @S.it('An LRS accepts HEAD requests without Content-Length headers (Communication 1.1)')
    def _(t):
        t.status(t.head("/statements"), 200)

    @S.it('An LRS accepts GET requests without Content-Length headers (Communication 1.1)')
    def _(t):
        t.status(t.get("/statements"), 200)
