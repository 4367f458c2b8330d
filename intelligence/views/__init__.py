"""The intelligence desk's pages, one module per topic: the inbox and recording information from other routes
(inbox), one report on the desk (reports), actions for units (actions), sharing an appeal (sharing) and the
numbers (numbers). Views are thin: a form, one service, a page. The audit log is the audit app's (audit/views.py)."""
