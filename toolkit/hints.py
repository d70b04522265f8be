"""The one "did you mean" hint, for a value that is not one of the allowed ones."""

import difflib


def did_you_mean(value, options, cutoff: float = 0.6, n: int = 1) -> str:
    """' (did you mean 'x'?)' for the closest options (up to n), or '' when none is close."""
    close = difflib.get_close_matches(str(value), [str(o) for o in options], n=n, cutoff=cutoff)
    return f" (did you mean {' or '.join(repr(c) for c in close)}?)" if close else ""
