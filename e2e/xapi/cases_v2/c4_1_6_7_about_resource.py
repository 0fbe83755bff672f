SOURCE = "4.1.6.7-About-Resource.js"
TITLE = "About Resource Requirements (Communication 2.8)"
import re

from common import has, send_request



def register(S):
    @S.it('An LRS has an About Resource with endpoint "base IRI"+"/about" (Communication 2.8, XAPI-00315)')
    def _(t):
        send_request(t, "get", "/about", None, None, 200)

    @S.it('An LRS\'s About Resource upon processing a successful GET request returns a version property and code 200 OK (multiplicity, Communication 2.8.s4, XAPI-00319)')
    def _(t):
        has(t, t.json(send_request(t, "get", "/about", None, None, 200)), "version")

    @S.it('An LRS\'s About Resource\'s version property is an array of strings (format, Communication 2.8.s4.table1.row1, XAPI-00318)')
    def _(t):
        v = has(t, t.json(send_request(t, "get", "/about", None, None, 200)), "version")
        t.ok(isinstance(v, list), "about.version should be an array, got %r" % (v,))

    ABOUT_VERSION = S.version

    @S.it('An LRS\'s About Resource\'s version property contains at least one string of "%s" (Communication 2.8.s5.b1.b1, XAPI-00317)' % S.version)
    def _(t):
        v = has(t, t.json(send_request(t, "get", "/about", None, None, 200)), "version")
        t.ok(isinstance(v, list), "about.version should be an array, got %r" % (v,))
        t.ok(ABOUT_VERSION in (v or []), "about.version %r lacks %s" % (v, ABOUT_VERSION))

    @S.it('An LRS\'s About Resource\'s version property can only have values of "0.9", "0.95", "1.0.0", or ""1.0." + X" with (Communication 2.8.s5.b1.b1, XAPI-00316)')
    def _(t):
        v = has(t, t.json(send_request(t, "get", "/about", None, None, 200)), "version")
        t.ok(isinstance(v, list), "about.version should be an array, got %r" % (v,))
        t.ok(ABOUT_VERSION in (v or []), "about.version %r lacks %s" % (v, ABOUT_VERSION))

    with S.describe('An LRS rejects with error code 400 Bad Request, a Request which does not use a "X-Experience-API-Version" header name to any Resource except the About Resource (multiplicity, Communication 2.8.s4.table1.row2, XAPI-00321)'):
        for label, path in [("Statement", "/statements"), ("Activities", "/activities"),
                            ("Activities Profile", "/activities/profile"), ("Activities State", "/activities/state"),
                            ("Agents", "/agents"), ("Agents Profile", "/agents/profile")]:
            @S.it('using %s Endpoint' % label)
            def _(t, path=path):
                res = t.get(path, version=None)
                if t.dry:
                    return
                v = res.headers.get("X-Experience-API-Version")
                if res.status == 400:
                    t.ok(v is not None, "400 without an X-Experience-API-Version header")
                    t.ok(re.search(r"^2\.0\.\d+$|^1\.0\.\d+$|^0?\.9\d*?$", v), "X-Experience-API-Version %r" % v)
                elif res.status == 200:
                    t.ok(v is not None and re.search(r"^0?\.9\d*?$", v),
                         "200 is only right for a 0.9x LRS, got X-Experience-API-Version %r" % v)
                else:
                    t.fail("Received: status code - %s from LRS of version %s. Expected: either 400 with LRS version 1.0.x, 2.0.x, or 200 with LRS version 0.9x."
                           % (res.status, v or "missing"))
