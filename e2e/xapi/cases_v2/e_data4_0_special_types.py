SOURCE = "E.Data4.0-SpecialDataTypesAndRules.js"
TITLE = "Special Data Types and Rules (Data 4.0)"
from common import milli_checker
from templated import create_template
from templates import generate_uuid

NULL_VALUE = {"extensions": {"http://example.com/ex": None}}
EMPTY_STRING_VALUE = {"extensions": {"http://example.com/ex": ""}}
EMPTY_OBJECT_VALUE = {"extensions": {"http://example.com/ex": {}}}
VALID_EXTENSION_EMPTY = {"extensions": {}}

ACT = [{"statement": "{{statements.object_activity}}"}, {"object": "{{activities.no_extensions}}"}]
RES = [{"statement": "{{statements.result}}"}, {"result": "{{results.no_extensions}}"}]
CTX = [{"statement": "{{statements.context}}"}, {"context": "{{contexts.no_extensions}}"}]
SUB_ACT = [{"statement": "{{statements.object_substatement}}"}, {"object": "{{substatements.activity}}"},
           {"object": "{{activities.no_extensions}}"}]
SUB_RES = [{"statement": "{{statements.object_substatement}}"}, {"object": "{{substatements.result}}"},
           {"result": "{{results.no_extensions}}"}]
SUB_CTX = [{"statement": "{{statements.object_substatement}}"}, {"object": "{{substatements.context}}"},
           {"context": "{{contexts.no_extensions}}"}]

# (name, templates) exactly as the suite lists them (names repeat where the suite's do)
PUT_CASES = [
    ("statement activity extensions can be empty object", ACT + [{"definition": VALID_EXTENSION_EMPTY}]),
    ("statement activity extension values can be empty string", ACT + [{"definition": EMPTY_STRING_VALUE}]),
    ("statement activity extension values can be null", ACT + [{"definition": NULL_VALUE}]),
    ("statement activity extensions can be empty object", ACT + [{"definition": EMPTY_OBJECT_VALUE}]),
    ("statement result extensions can be empty object", RES + [VALID_EXTENSION_EMPTY]),
    ("statement result extension values can be empty string", RES + [EMPTY_STRING_VALUE]),
    ("statement result extension values can be null", RES + [NULL_VALUE]),
    ("statement result extension values can be empty object", RES + [EMPTY_OBJECT_VALUE]),
    ("statement context extensions can be empty object", CTX + [VALID_EXTENSION_EMPTY]),
    ("statement context extension values can be empty string", CTX + [EMPTY_STRING_VALUE]),
    ("statement context extension values can be null", CTX + [NULL_VALUE]),
    ("statement context extension values can be empty object", CTX + [EMPTY_OBJECT_VALUE]),
    ("statement substatement activity extensions can be empty object", SUB_ACT + [{"definition": VALID_EXTENSION_EMPTY}]),
    ("statement substatement activity extension values can be empty string", SUB_ACT + [{"definition": EMPTY_STRING_VALUE}]),
    ("statement substatement activity extension values can be null", SUB_ACT + [{"definition": NULL_VALUE}]),
    ("statement substatement activity extension values can be empty object", SUB_ACT + [{"definition": EMPTY_OBJECT_VALUE}]),
    ("statement substatement result extensions can be empty object", SUB_RES + [VALID_EXTENSION_EMPTY]),
    ("statement substatement result extension values can be empty string", SUB_RES + [EMPTY_STRING_VALUE]),
    ("statement substatement result extension values can be null", SUB_ACT + [{"definition": NULL_VALUE}]),
    ("statement substatement result extension values can be empty object", SUB_RES + [EMPTY_OBJECT_VALUE]),
    ("statement substatement context extensions can be empty object", SUB_CTX + [VALID_EXTENSION_EMPTY]),
    ("statement substatement context extension values can be empty string", SUB_CTX + [EMPTY_STRING_VALUE]),
    ("statement substatement context extension values can be null", SUB_CTX + [NULL_VALUE]),
    ("statement substatement context extension values can be empty object", SUB_CTX + [EMPTY_OBJECT_VALUE]),
]


def register(S):
    create_template(S, S.directory, "extensions.js")

    with S.describe('An Extension can be null, an empty string, objects with nothing in them when using PUT. (Format, Data 4.1, XAPI-00119)'):
        for name, items in PUT_CASES:
            @S.it(name)
            def _(t, items=items):
                data = t.statement(*items)
                data["id"] = generate_uuid()
                t.status(t.put("/statements?statementId=" + data["id"], json_body=data), 204)

    create_template(S, S.directory, "languages.js")
    create_template(S, S.directory, "timestamps.js")

    with S.describe('A Timestamp MUST preserve precision to at least milliseconds, 3 decimal points beyond seconds. (Data 4.5.s1.b3, XAPI-00122)'):
        S.it('retrieve statements, test a timestamp property')(lambda t: milli_checker(t, "timestamp"))
        S.it('retrieve statements, test a stored property')(lambda t: milli_checker(t, "stored"))

    create_template(S, S.directory, "durations.js")
