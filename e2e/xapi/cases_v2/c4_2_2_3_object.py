SOURCE = "4.2.2.3-Object-Requirements.js"
TITLE = "Object Property Requirements (Data 2.4.4)"
from templated import create_template


def register(S):
    create_template(S, S.directory, "objects.js")
    create_template(S, S.directory, "activities.js")

    with S.describe('An Activity Definition uses the "interactionType" property if any of the correctResponsesPattern, choices, scale, source, target, or steps properties are used (Multiplicity, Data 2.4.4.1.s8, XAPI-00064) **Implicit**'):
        for label, tmpl in [("correctResponsesPattern", "other"), ("choices", "choice"), ("fill-in", "fill_in"),
                            ("scale", "likert"), ("long-fill-in", "long_fill_in"), ("source", "matching"),
                            ("target", "matching_target"), ("numeric", "numeric"), ("other", "other"),
                            ("performance", "performance"), ("sequencing", "sequencing"), ("true-false", "true_false")]:
            @S.it('Activity Definition uses %s without "interactionType" property' % label)
            def _(t, tmpl=tmpl):
                data = t.statement({"statement": "{{statements.default}}"}, {"object": "{{activities.%s}}" % tmpl})
                data["object"]["definition"].pop("interactionType", None)
                t.status(t.post("/statements", json_body=data), 400)

    with S.describe('Statements that use an Agent or Group as an Object MUST specify an "objectType" property. (Data 2.4.4.2.s1.b1, XAPI-00065)'):
        for name, items in [
            ("should fail when using agent as object and no objectType", [{"statement": "{{statements.object_agent_default}}"}]),
            ("should fail when using group as object and no objectType", [{"statement": "{{statements.object_group_default}}"}]),
            ("substatement should fail when using agent as object and no objectType",
             [{"statement": "{{statements.object_substatement}}"}, {"object": "{{statements.object_agent_default}}"}]),
            ("substatement should fail when using group as object and no objectType",
             [{"statement": "{{statements.object_substatement}}"}, {"object": "{{statements.object_group_default}}"}]),
        ]:
            @S.it(name)
            def _(t, items=items):
                data = t.statement(*items)
                data["object"].pop("objectType", None)
                t.status(t.post("/statements", json_body=data), 400)

    create_template(S, S.directory, "substatements.js")
    create_template(S, S.directory, "statementrefs.js")
