"""MkDocs plugins and Markdown extensions that build the training curriculum site."""
