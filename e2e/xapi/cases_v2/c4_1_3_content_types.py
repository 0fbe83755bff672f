SOURCE = "c4_1_3_content_types"
TITLE = "c4_1_3_content_types"


def register(S):
    pass  # TODO
