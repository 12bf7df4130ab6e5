"""The names of the data files the split script writes into docs/ for the build hooks.

Apart from article.datafiles, which writes them, so that the hooks read them without
importing the split script's machinery into every build.
"""

NAVIGATION = ".article.yml"        # the site's name and the article's pages, in order
CITATIONS = ".citations.yml"       # the article's citation metadata and note, for every page
ABBREVIATIONS = ".abbreviations.md"  # abbreviation definitions, appended to every page (mkdocs.yml snippets)
LANGUAGES = ".languages.yml"       # the other languages' words and names the pages hold, by language
DOWNLOADS = ".downloads.yml"       # the PDF and EPUB: the page they are made from, their files and metadata
