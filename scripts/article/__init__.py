"""Turn the raw web exports of an article into the Markdown pages of its reader edition.

The pipeline reads top to bottom: ``parse`` each export into an ``Export``, ``merge``
the exports into one ``Article``, ``resolve`` its notes, ``render`` the pages, and
``output`` writes them (or compares them with what is on disk).
"""
