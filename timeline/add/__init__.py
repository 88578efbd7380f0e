"""``timeline add``: turn saved web pages, feeds, scraper output, text files and URLs
into seeds articles (``seeds/articles/<slug>.md``), each value marked read or inferred.

>>> from timeline.add import add_articles
>>> result = add_articles(["saved-page.html"], "seeds")
>>> [written.path for written in result.written]
"""

from .run import AddResult, add_articles

__all__ = ["AddResult", "add_articles"]
