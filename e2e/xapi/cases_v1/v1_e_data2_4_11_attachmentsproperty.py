"""test/v1_0_3/E.Data2.4.11-AttachmentsProperty.js: the same cases as the 2.0 port of its counterpart (cases_v2/c4_2_2_6_attachment.py),
which switches on S.version where the 1.0.3 file differs."""
from cases_v2.c4_2_2_6_attachment import TITLE, register  # noqa: F401

SOURCE = "E.Data2.4.11-AttachmentsProperty.js"
