"""Search: one index per language over every page, answered by Whoosh in the preview and the
editors' tools, and exported whole for the browser, which ranks exactly as Whoosh does.

analysis.py turns text into words, documents.py says what each page offers search, and
index.py holds the index: the only module that imports Whoosh.
"""
