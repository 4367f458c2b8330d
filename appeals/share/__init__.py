"""Copies of an appeal people pass on: the share card (a PNG for social posts) and the poster (a PDF to print).
Each is drawn from released information only (appeals.selectors), in the active language, and served only while
the appeal is public (appeals.views.public)."""
