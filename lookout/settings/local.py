"""Local development and the demo: embedded SQLite, files on disk, no other server."""

from .base import *  # noqa: F403

DEBUG = True
