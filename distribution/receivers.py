"""The ledger's side of an appeal's publication and closing (appeals.signals), inside the appeal's transaction."""

from typing import Any

from appeals.models import Appeal

from . import services


def on_published(sender: type[Appeal], *, appeal: Appeal, **_: Any) -> None:
    services.appeal_distribute(appeal=appeal)


def on_closed(sender: type[Appeal], *, appeal: Appeal, **_: Any) -> None:
    services.appeal_takedown_start(appeal=appeal)
