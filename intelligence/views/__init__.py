"""The intelligence desk's pages, one module per topic: the inbox and recording information from other routes
(inbox), one report on the desk (reports), actions for units (actions), sharing an appeal (sharing), the
numbers (numbers) and the audit log (audit; its filter and pages are the audit app's). Views are thin: a form,
one service, a page."""
