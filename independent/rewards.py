"""Rewards: offered by an operator after an outcome the charity's policy names, claimed by the reporter with a
one-time collection code, paid out against that code. Each owns its transaction and writes its audit event."""

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import transaction

from audit.services import audit_record
from partner import messages
from reportkit.receipts import receipt_format, receipt_hash

from .clock import charity_today
from .codes import code_from_nonce, nonce_key
from .models import AnonymousReport, Reward, RewardState
from .permissions import require_operator

_CONFUSABLE = str.maketrans("ILO", "110")
COLLECTION_CODE_LENGTH = 20  # 100 bits: one use, and it expires with the offer


# The charity's own policy: the police outcomes (of those the partner contract has) that let it offer a reward.
REWARD_OUTCOMES = frozenset({messages.Outcome.ARREST_AND_CHARGE})


def reward_eligible(report: AnonymousReport) -> bool:
    """A reward may be offered only when the police reported an outcome the charity's policy names
    (REWARD_OUTCOMES: an arrest and charge), and only once per report."""
    return report.police_outcome in REWARD_OUTCOMES and not Reward.objects.filter(report=report).exists()


@transaction.atomic
def reward_offer(*, report: AnonymousReport, actor: User, amount: Decimal, currency: str, expires_on: date) -> Reward:
    require_operator(actor)
    report = AnonymousReport.objects.select_for_update().get(pk=report.pk)
    if not reward_eligible(report):
        raise PermissionDenied("A reward can be offered only after an outcome the policy names, once.")
    if amount <= 0 or amount > settings.LOOKOUT_REWARD_MAX:
        raise ValueError(f"The amount must be between 1 and {settings.LOOKOUT_REWARD_MAX}.")
    if expires_on <= charity_today():
        raise ValueError("The offer must end in the future.")
    reward = Reward.objects.create(
        report=report, amount=amount, currency=currency.upper(), expires_on=expires_on, offered_on=charity_today()
    )
    audit_record(
        actor=actor,
        action="reward.offered",
        target=report,
        detail={"amount": str(amount), "currency": reward.currency, "expires_on": expires_on.isoformat()},
    )
    return reward


def _collection_hash(code: str) -> str:
    # The same keyed hash as receipts, under a different label, so a receipt can never be used as a code.
    return receipt_hash(f"collect:{code}")


def reward_claim(*, report: AnonymousReport, nonce: str) -> str | None:
    """The reporter claims an open offer: a one-time collection code, kept only as a keyed hash. The code is
    derived from the claim form's nonce, so a repeated claim (a double click, a refresh) shows the same code
    again, never a second one (independent.codes). None when there is no open offer (already claimed with
    another form, paid, withdrawn or expired)."""
    key = nonce_key(nonce, purpose="claim")
    code = code_from_nonce(nonce, purpose="collect", length=COLLECTION_CODE_LENGTH)
    with transaction.atomic():
        reward = Reward.objects.select_for_update().filter(report=report).first()
        if reward is not None and reward.state == RewardState.CLAIMED and reward.claim_key == key:
            return receipt_format(code)
        if reward is None or reward.state != RewardState.OFFERED or reward.expires_on < charity_today():
            return None
        reward.collection_code_hash = _collection_hash(code)
        reward.claim_key = key
        reward.state = RewardState.CLAIMED
        reward.claimed_on = charity_today()
        reward.save(update_fields=["collection_code_hash", "claim_key", "state", "claimed_on"])
        audit_record(actor=None, action="reward.claimed", target=report)
    return receipt_format(code)


def reward_pay(*, actor: User, code: str) -> Reward | None:
    """The operator pays out against a collection code (read out on the phone or at the counter): the
    code is checked and used up. None when it does not match a claimed, unpaid reward."""
    require_operator(actor)
    canonical = "".join(ch for ch in code.upper() if ch.isalnum()).translate(_CONFUSABLE)
    with transaction.atomic():
        reward = (
            Reward.objects.select_for_update()
            .filter(collection_code_hash=_collection_hash(canonical), state=RewardState.CLAIMED)
            .first()
        )
        if reward is None:
            return None
        reward.state = RewardState.PAID
        reward.paid_on = charity_today()
        reward.collection_code_hash = None  # used up: the same code can never be paid twice
        reward.save(update_fields=["state", "paid_on", "collection_code_hash"])
        audit_record(actor=actor, action="reward.paid", target=reward.report, detail={"amount": str(reward.amount)})
    return reward
