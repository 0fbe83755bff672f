SOURCE = "c4_1_4_concurrency"
TITLE = "c4_1_4_concurrency"


def register(S):
    pass  # TODO
