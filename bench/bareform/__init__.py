"""The limit the surge benchmark compares the report form with (bench/surge.py): the least a Django form view
can do to take one answer durably. Not part of the product; its own settings, URL and WSGI app."""
