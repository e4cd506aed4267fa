"""One module per page of the site; the module name is the page's slug (see scripts/pipeline.py)."""
