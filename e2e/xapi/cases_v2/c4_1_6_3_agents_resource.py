SOURCE = "4.1.6.3-Agents-Resource.js"
TITLE = "Agents Resource Requirements (Communication 2.4)"
import re

from common import has, send_request
from templates import build_agent

EMAIL_RE = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$")


def register(S):
    def person_for(t, *items):
        st = t.statement(*items)
        send_request(t, "post", "/statements", None, [st], 200)
        return t.json(send_request(t, "get", "/agents", {"agent": st["actor"]}, None, 200))

    @S.it('An LRS has an Agents Resource with endpoint "base IRI" + /agents" (Communication 2.4, XAPI-00245) **Implicit** (in that it is not named this by the spec)')
    def _(t):
        person_for(t, {"statement": "{{statements.default}}"})

    @S.it('An LRS\'s Agents Resource accepts GET requests (Communication 2.4.s2, XAPI-00236)')
    def _(t):
        send_request(t, "get", "/agents", build_agent(), None, 200)

    @S.it('An LRS\'s Agent Resource upon processing a successful GET request returns a Person Object if the "agent" parameter can be found in the LRS and code 200 OK (Communication 2.4.s2.table1.row1, XAPI-00248)')
    def _(t):
        p = person_for(t, {"statement": "{{statements.default}}"})
        if not t.dry:
            t.ok(isinstance(p, dict), "person should be an object, got %r" % (p,))
            t.eq(p.get("objectType"), "Person", "objectType")

    @S.it('An LRS\'s Agents Resource rejects a GET request without "agent" as a parameter with error code 400 Bad Request (multiplicity, Communication 2.4.s2.table1.row1, XAPI-00243)')
    def _(t):
        send_request(t, "get", "/agents", None, None, 400)

    @S.it('A Person Object\'s "objectType" property is a String and is "Person" (Format, Vocabulary, Communication 2.4.s5.table1.row1, XAPI-00237)')
    def _(t):
        p = person_for(t, {"statement": "{{statements.default}}"})
        t.eq(has(t, p, "objectType"), "Person", "objectType")

    def array_case(prop, items, check, what):
        def case(t):
            p = person_for(t, *items)
            v = has(t, p, prop)
            if t.dry:
                return
            t.ok(isinstance(v, list), "person.%s should be an array, got %r" % (prop, v))
            for item in v:
                t.ok(check(item), "person.%s entry %r is not %s" % (prop, item, what))
        return case

    default = [{"statement": "{{statements.default}}"}]
    S.it('A Person Object\'s "name" property is an Array of Strings (Multiplicity, Communication 2.4.s5.table1.row2, XAPI-00238)')(
        array_case("name", default, lambda i: isinstance(i, str), "a string"))
    S.it('A Person Object\'s "mbox" property is an Array of IRIs (Multiplicity, Communication 2.4.s5.table1.row3, XAPI-00239)')(
        array_case("mbox", default, lambda i: isinstance(i, str) and bool(EMAIL_RE.match(i[len("mailto:"):])), "a mailto: email"))
    S.it('A Person Object\'s "mbox" entries have the form "mailto:emailaddress" (Format, Communication 2.4.s5.table1.row3, XAPI-00244)')(
        array_case("mbox", default, lambda i: isinstance(i, str) and i.startswith("mailto:"), "a mailto: string"))
    S.it('A Person Object\'s "mbox_sha1sum" property is an Array of Strings (Multiplicity, Communication 2.4.s5.table1.row4, XAPI-00240)')(
        array_case("mbox_sha1sum", [{"statement": "{{statements.no_actor}}"}, {"actor": "{{agents.mbox_sha1sum}}"}],
                   lambda i: isinstance(i, str), "a string"))
    S.it('A Person Object\'s "openid" property is an Array of Strings (Multiplicity, Communication 2.4.s5.table1.row5, XAPI-00241)')(
        array_case("openid", [{"statement": "{{statements.no_actor}}"}, {"actor": "{{agents.openid}}"}],
                   lambda i: isinstance(i, str), "a string"))
    S.it('A Person Object\'s "account" property is an Array of Account Objects (Multiplicity, Communication 2.4.s5.table1.row6, XAPI-00242)')(
        array_case("account", [{"statement": "{{statements.no_actor}}"}, {"actor": "{{agents.account}}"}],
                   lambda i: isinstance(i, dict), "an object"))

    @S.it('An LRSs Agents Resource rejects a GET request with "agent" as a parameter if it is not a valid, in structure, Agent with error code 400 Bad Request (Communication 2.4, XAPI-00249)')
    def _(t):
        p = build_agent()
        del p["agent"]["account"]
        send_request(t, "get", "/agents", p, None, 400)
