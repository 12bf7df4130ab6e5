"""The build hooks and Markdown extensions that mkdocs.yml names, and the modules they share."""
