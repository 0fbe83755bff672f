SOURCE = "H.Communication1.2-Headers.js"
TITLE = "Headers Requirements (Communication 1.2)"


def register(S):
    pass  # the suite's file has an empty describe (no cases)
