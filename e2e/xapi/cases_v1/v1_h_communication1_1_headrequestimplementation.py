"""test/v1_0_3/H.Communication1.1-HeadRequestImplementation.js: the same cases as the 2.0 port of its counterpart (cases_v2/h_comm1_1_head.py),
which switches on S.version where the 1.0.3 file differs."""
from cases_v2.h_comm1_1_head import TITLE, register  # noqa: F401

SOURCE = "H.Communication1.1-HeadRequestImplementation.js"
