SOURCE = "4.2.2.1-Actor-Requirements.js"
TITLE = "Actor Property Requirements (Data 2.4.2)"
from templated import create_template


def register(S):
    for f in ("actors.js", "agents.js", "groups.js", "ifis.js", "accountobjects.js"):
        create_template(S, S.directory, f)
