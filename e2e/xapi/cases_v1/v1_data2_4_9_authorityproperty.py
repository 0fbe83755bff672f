"""test/v1_0_3/Data2.4.9-AuthorityProperty.js: the same cases as the 2.0 port of its counterpart (cases_v2/c4_2_4_2_authority.py),
which switches on S.version where the 1.0.3 file differs."""
from cases_v2.c4_2_4_2_authority import TITLE, register  # noqa: F401

SOURCE = "Data2.4.9-AuthorityProperty.js"
