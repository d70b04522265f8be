"""What a published database holds, per force."""
import sqlite3
from pathlib import Path


def ingested(db: Path) -> dict[str, dict[str, int]]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        counts: dict[str, dict[str, int]] = {}
        for table in ("responses", "observations", "outcomes"):
            for force_id, n in conn.execute(f"SELECT force_id, count(*) FROM {table} GROUP BY force_id"):
                counts.setdefault(force_id, {})[table] = n
        return counts
    except sqlite3.DatabaseError:
        return {}
    finally:
        conn.close()
