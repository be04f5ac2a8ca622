"""The public site: a Library in, HTML out. The app, its views, the templates and static
files, and the compiled translations of the buttons and menus. Imports the content, never the
editors' tools.
"""
