"""test/v1_0_3/H.Communication1.5-ContentTypes.js: the same cases as the 2.0 port of its counterpart (cases_v2/c4_1_3_content_types.py),
which switches on S.version where the 1.0.3 file differs."""
from cases_v2.c4_1_3_content_types import TITLE, register  # noqa: F401

SOURCE = "H.Communication1.5-ContentTypes.js"
