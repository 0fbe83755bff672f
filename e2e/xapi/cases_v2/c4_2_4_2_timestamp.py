SOURCE = "4.2.4.2-Timestamp-Requirements.js"
TITLE = "Timestamp Property Requirements (Data 2.4.7)"
from templated import create_template


def register(S):
    create_template(S, S.directory, "timestamp_property.js")
