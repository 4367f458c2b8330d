"""Headers for the independent service: the same as the police service's (lookout.middleware), with the operator
pages as the area never stored; nothing is shared cross-origin."""

from lookout.middleware import SecurityHeadersMiddleware


class IndependentHeadersMiddleware(SecurityHeadersMiddleware):
    private_area = "/operators/"
