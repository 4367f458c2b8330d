"""Signals other apps may listen to. reporting imports none of them (the intelligence desk listens)."""

from django.dispatch import Signal

# Sent inside report_submit's transaction once a new report is stored (never for a repeated post).
# Arguments: report.
report_received = Signal()
