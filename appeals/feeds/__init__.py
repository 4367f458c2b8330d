"""The public feeds of current appeals: Atom (`/appeals/feed.atom`) and JSON Feed 1.1 (`/appeals/feed.json`).

Both are built from the same entries (entries.py), which come from the public selectors and so carry only what
each appeal's publicity assessment released; both drop a closed appeal at once, because they read the cached
public appeals that every takedown purges (appeals.public_cache)."""
