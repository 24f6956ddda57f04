"""Errors that carry a sentence meant for the user."""


class UnusableFile(Exception):
    """A file that cannot be used at all.

    ``code`` is stable (for translations and tests); ``message`` is one English sentence that
    says what is wrong and what to do about it; ``params`` fill the translated sentence.
    """

    def __init__(self, code: str, message: str, params: dict | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        # Values the translated sentence needs (its ``{placeholders}``), kept as data so each
        # language formats them itself.
        self.params = dict(params or {})
