"""test/v1_0_3/H.Communication2.2-DocumentResources.js: the same cases as the 2.0 port of its counterpart (cases_v2/h_comm2_2_document_resources.py),
which switches on S.version where the 1.0.3 file differs."""
from cases_v2.h_comm2_2_document_resources import TITLE, register  # noqa: F401

SOURCE = "H.Communication2.2-DocumentResources.js"
