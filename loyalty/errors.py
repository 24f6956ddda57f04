"""Errors that carry a sentence meant for the user."""


class UnusableFile(Exception):
    """A file that cannot be used at all.

    ``code`` is stable (for translations and tests); ``message`` is one English sentence that
    says what is wrong and what to do about it.
    """

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code
        self.message = message
