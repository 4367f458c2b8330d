"""The distribution ledger (docs/adr/0039-distribution-ledger.md). It holds references, addresses and times,
never anything about the person in an appeal beyond what the appeal itself holds."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class SubscriberKind(models.TextChoices):
    INDEPENDENT = "independent", _("Independent charity service")
    FORCE = "force", _("Neighbouring force")
    PARTNER_SITE = "partner_site", _("Partner site")


class SubscriberQuerySet(models.QuerySet["Subscriber"]):
    def active(self) -> "SubscriberQuerySet":
        return self.filter(active=True)


class Subscriber(models.Model):
    """Someone who receives "published" and "withdrawn" events. The independent service is reached through the
    partner channel it already has (LOOKOUT_PARTNER_URL, shared-key signatures, ADR 0030) and needs no endpoint
    here; every other subscriber gets HTTP Message Signatures (RFC 9421) made with our Ed25519 key `key_id`, and
    verifies them with `public_key`, the public half we give them."""

    name = models.CharField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=SubscriberKind.choices)
    endpoint_url = models.URLField(max_length=500, blank=True, help_text=_("Where events are posted (https)."))
    key_id = models.CharField(max_length=80, blank=True, help_text=_("Our signing key these events are signed with."))
    public_key = models.TextField(blank=True, help_text=_("The public key (PEM) the subscriber verifies with."))
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        # The independent service first, then forces, then partner sites ("independent" < "force" < "partner_site").
        ordering = ["kind", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def uses_partner_channel(self) -> bool:
        return self.kind == SubscriberKind.INDEPENDENT


class EventKind(models.TextChoices):
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class SubscriberDelivery(models.Model):
    """One event to one subscriber, through the partner outbox (partner.OutboxMessage, same message_id: the
    idempotency key). confirmed_at is the subscriber's acknowledgement, copied from the outbox."""

    appeal = models.ForeignKey("appeals.Appeal", on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.PROTECT, related_name="deliveries")
    event = models.CharField(max_length=20, choices=EventKind.choices)
    message_id = models.CharField(max_length=80, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["subscriber__kind", "subscriber__name", "created_at"]
        constraints = [
            models.UniqueConstraint(fields=["appeal", "subscriber", "event"], name="one_event_per_subscriber")
        ]

    def __str__(self) -> str:
        return f"{self.event} {self.message_id}"


class SurfaceCheck(models.Model):
    """After closing: one of our own public addresses for the appeal, and when it was seen gone (410, 404, or
    the appeal no longer listed). A surface whose URL name does not resolve is recorded as not deployed."""

    appeal = models.ForeignKey("appeals.Appeal", on_delete=models.CASCADE, related_name="surface_checks")
    surface = models.CharField(max_length=40)
    path = models.CharField(max_length=300, blank=True)
    deployed = models.BooleanField(default=True)
    attempts = models.PositiveIntegerField(default=0)
    last_status = models.PositiveIntegerField(null=True, blank=True)
    last_checked_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]
        constraints = [models.UniqueConstraint(fields=["appeal", "surface", "path"], name="one_check_per_surface")]

    def __str__(self) -> str:
        return f"{self.surface} {self.path}"


class CopyKind(models.TextChoices):
    SOCIAL_POST = "social_post", _("Social media post")
    POSTER = "poster", _("Printed poster")
    OTHER = "other", _("Other copy")


class ManualCopy(models.Model):
    """A copy an officer made by hand: a social post (its address) or posters (how many, where). Once the
    appeal closes it is a task on that officer's desk until they tick it as removed."""

    appeal = models.ForeignKey("appeals.Appeal", on_delete=models.CASCADE, related_name="manual_copies")
    kind = models.CharField(max_length=20, choices=CopyKind.choices)
    where = models.CharField(max_length=300)
    count = models.PositiveIntegerField(default=1)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    removed_at = models.DateTimeField(null=True, blank=True)
    last_reminded_at = models.DateTimeField(null=True, blank=True)
    reminders_sent = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["recorded_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.where}"
