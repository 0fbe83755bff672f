SOURCE = "4.2.2.4-Result-Requirements.js"
TITLE = "Result Property Requirements (Data 2.4.5)"
from templated import create_template


def register(S):
    create_template(S, S.directory, "results.js")
    create_template(S, S.directory, "scores.js")
