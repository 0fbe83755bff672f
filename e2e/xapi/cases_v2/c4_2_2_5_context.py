SOURCE = "4.2.2.5-Context-Requirements.js"
TITLE = "Context Property Requirements (Data 2.4.6)"
from common import has, post_then_get
from templated import create_template


def register(S):
    files = ["contexts.js", "contextactivities.js"]
    if S.version != "1.0.3":  # 2.0 adds context agents / groups
        files += ["contextagents.js", "contextgroups.js"]
    for f in files:
        create_template(S, S.directory, f)

    with S.describe('An LRS returns a ContextActivity in an array, even if only a single ContextActivity is returned (Data 2.4.6.2.s4.b3, XAPI-00096)'):
        types = ["parent", "grouping", "category", "other"]
        for typ in types:
            @S.it('should return array for statement context "%s"  when single ContextActivity is passed' % typ)
            def _(t, typ=typ):
                data = t.statement({"statement": "{{statements.context}}"}, {"context": "{{contexts.%s}}" % typ})
                st = post_then_get(t, data)
                ca = has(t, st, "context", "contextActivities", typ)
                t.ok(isinstance(ca, list), "context.contextActivities.%s should be an array, got %r" % (typ, ca))
        for typ in types:
            @S.it('should return array for statement substatement context "%s"  when single ContextActivity is passed' % typ)
            def _(t, typ=typ):
                data = t.statement({"statement": "{{statements.object_substatement}}"},
                                   {"object": "{{substatements.context}}"}, {"context": "{{contexts.%s}}" % typ})
                st = post_then_get(t, data)
                ca = has(t, st, "object", "context", "contextActivities", typ)
                t.ok(isinstance(ca, list), "object.context.contextActivities.%s should be an array, got %r" % (typ, ca))
