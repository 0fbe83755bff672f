SOURCE = "c4_1_6_1_statement_resource"
TITLE = "c4_1_6_1_statement_resource"


def register(S):
    pass  # TODO
