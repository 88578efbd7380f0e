"""timeline: a source-backed event timeline database.

>>> import timeline
>>> result = timeline.load("seeds", "timeline.db")
>>> result.counts["events"]
"""

from .errors import SeedError, TimelineError
from .load import LoadResult, load

__all__ = ["LoadResult", "SeedError", "TimelineError", "load"]
