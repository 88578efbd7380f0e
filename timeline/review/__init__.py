"""Review in the browser: a person accepts, corrects or rejects what extraction drafted.

One module per job: ``review_file`` (the per-article review file's format),
``store`` (review files into the database at load time), ``rejections`` (leaving the
rejected out of an article's extraction), ``records_file`` and ``actors_file`` (the
curated records a decision writes), ``decisions`` (one decision -> new file
contents), ``apply`` (write, validate by loading, or put everything back), ``queue``
(the review queue) and ``web`` (the pages and POST handlers of `timeline serve
--review`).
"""
