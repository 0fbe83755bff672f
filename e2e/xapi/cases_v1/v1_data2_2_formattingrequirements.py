"""test/v1_0_3/Data2.2-FormattingRequirements.js: the same cases as the 2.0 port of its counterpart (cases_v2/data2_2_formatting.py),
which switches on S.version where the 1.0.3 file differs."""
from cases_v2.data2_2_formatting import TITLE, register  # noqa: F401

SOURCE = "Data2.2-FormattingRequirements.js"
