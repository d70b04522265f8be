"""The one "did you mean" hint, for a value that is not one of the allowed ones."""

import difflib


def did_you_mean(value, options, cutoff: float = 0.6) -> str:
    """' (did you mean 'x'?)' for the closest option, or '' when none is close."""
    close = difflib.get_close_matches(str(value), [str(o) for o in options], n=1, cutoff=cutoff)
    return f" (did you mean {close[0]!r}?)" if close else ""
