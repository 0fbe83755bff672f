"""test/v1_0_3/H.Communication3.3-Versioning.js: the same cases as the 2.0 port of its counterpart (cases_v2/h_comm3_3_versioning.py),
which switches on S.version where the 1.0.3 file differs."""
from cases_v2.h_comm3_3_versioning import TITLE, register  # noqa: F401

SOURCE = "H.Communication3.3-Versioning.js"
