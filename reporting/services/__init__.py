"""Every write to a report goes through these services; each owns its transaction and writes its audit event.
Split by topic; the names are re-exported here, so callers keep `from reporting import services`.

- submit: a report made online or recorded by an officer (and the periodic wipe of expired receipt copies)
- follow_up: questions to the reporter and their replies
- desk: reads of personal data (contact details, originals, the report itself), each audited
- status: the report's status, moved along reporting.rules
- forwarded: anonymous reports, answers and outcomes exchanged with the independent service
"""

from reportkit.replay import Submitted

from .desk import attachment_original_reveal, contact_reveal, report_viewed
from .follow_up import TokenAlreadyUsed, report_question_send, report_reply_add
from .forwarded import (
    ForwardedFile,
    ForwardedReportRefused,
    report_answer_receive,
    report_outcome_record,
    report_receive_forwarded,
)
from .status import report_status_move, report_status_set
from .submit import OFFICER_RECORDED_CHANNELS, receipt_replay_expire, report_submit

__all__ = [
    "OFFICER_RECORDED_CHANNELS",
    "ForwardedFile",
    "ForwardedReportRefused",
    "Submitted",
    "TokenAlreadyUsed",
    "attachment_original_reveal",
    "receipt_replay_expire",
    "contact_reveal",
    "report_answer_receive",
    "report_outcome_record",
    "report_question_send",
    "report_receive_forwarded",
    "report_reply_add",
    "report_status_move",
    "report_status_set",
    "report_submit",
    "report_viewed",
]
