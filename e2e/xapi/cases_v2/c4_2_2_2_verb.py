SOURCE = "4.2.2.2-Verb-Requirements.js"
TITLE = "Verb Property Requirements (Data 2.4.3)"
from templated import create_template


def register(S):
    create_template(S, S.directory, "verbs.js")
