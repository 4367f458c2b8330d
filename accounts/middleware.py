"""Staff sessions: an idle time-out and, where required, the second factor on every /staff/ page (signin)."""

from signin.middleware import SESSION_LAST_SEEN, SignInSessionMiddleware

__all__ = ["SESSION_LAST_SEEN", "StaffSessionMiddleware"]


class StaffSessionMiddleware(SignInSessionMiddleware):
    area = "/staff/"
    open_paths = ("/staff/login/", "/staff/logout/", "/staff/two-factor/")
    login_url = "staff:login"
    two_factor_url = "staff:two_factor"
