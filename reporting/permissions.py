"""Who may read reports from the public and see what a reporter entrusted to us (ADR 0033). One predicate per
permission, its docstring the rule; services enforce them (PermissionDenied), views use them to show buttons.

A reporter's contact details and the sealed originals of their uploads are read only through the audited reveals
(reporting.services.contact_reveal and attachment_original_reveal), never shown on any other page.
"""

from accounts.roles import AnyUser, Role, has_role

# The intelligence desk (and administrators, who run it).
DESK = (Role.ANALYST, Role.ADMINISTRATOR)


def can_read_reports(user: AnyUser) -> bool:
    """The desk reads reports from the public, asks reporters questions, sets status and sends outcomes."""
    return has_role(user, *DESK)


def can_reveal(user: AnyUser) -> bool:
    """Those who may need to call a reporter back or hand over evidence may reveal contact details and open
    original uploads, each time giving a reason that is audited: the desk."""
    return has_role(user, *DESK)


def can_record(user: AnyUser) -> bool:
    """The desk records information received by phone, e-mail or in person."""
    return has_role(user, *DESK)
