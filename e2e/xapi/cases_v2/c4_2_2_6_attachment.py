SOURCE = "4.2.2.6-Attachment-Requirements.js"
TITLE = "Attachments Property Requirements (Data 2.4.11)"
from templated import create_template


def register(S):
    create_template(S, S.directory, "attachments.js")
