"""Where each partner message goes. Both services import these, so the sender and the receiver agree."""

# On the police service (api.partner): forwarded reports and sanitised answers, from the independent service.
POLICE_REPORTS = "/api/v1/partner/reports"
POLICE_ANSWERS = "/api/v1/partner/answers"
# On the independent service (independent.api): follow-up questions and outcomes, from the police service.
INDEPENDENT_QUESTIONS = "/partner/v1/questions"
INDEPENDENT_OUTCOMES = "/partner/v1/outcomes"
# On the independent service: an appeal has ended and must leave its pages at once (ADR 0030).
INDEPENDENT_WITHDRAWN = "/partner/v1/withdrawn"
