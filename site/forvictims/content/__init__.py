"""What the content is: the model of each kind of file, front matter, Markdown, translations,
reading files and the Library that holds them. No Flask here, and nothing from the editors'
tools or the web: both of those import this.
"""
