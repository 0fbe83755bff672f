"""test/v1_0_3/H.Communication4.0-Authentication.js: the same cases as the 2.0 port of its counterpart (cases_v2/h_comm4_0_authentication.py),
which switches on S.version where the 1.0.3 file differs."""
from cases_v2.h_comm4_0_authentication import TITLE, register  # noqa: F401

SOURCE = "H.Communication4.0-Authentication.js"
