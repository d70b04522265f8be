"""What every table's pandera model shares: unknown columns rejected, nothing coerced."""

import pandera.polars as pa

from . import vocabulary as v

ISO_DATE = dict(str_matches=v.ISO_DATE_PATTERN)


class Strict(pa.DataFrameModel):
    class Config:
        strict = True
        coerce = False
