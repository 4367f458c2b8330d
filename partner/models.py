"""Messages in flight between the two services. Each service has these tables in its own database."""

from django.db import models


class OutboxMessage(models.Model):
    """A message this service must deliver to its partner. Kept until acknowledged; retried until then.
    The receiver de-duplicates on message_id, so retrying never creates a second copy."""

    message_id = models.CharField(max_length=80, unique=True)
    kind = models.CharField(max_length=40)
    path = models.CharField(max_length=200)
    # Blank: the partner service (LOOKOUT_PARTNER_URL + path, signed with the shared key). Set: a subscriber's
    # absolute URL, signed with HTTP Message Signatures by our key `signing_key_id` (partner.http_signatures).
    endpoint = models.URLField(max_length=500, blank=True)
    signing_key_id = models.CharField(max_length=80, blank=True)
    payload = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(db_index=True)
    acknowledged_at = models.DateTimeField(null=True, blank=True)
    acknowledgement = models.JSONField(null=True, blank=True)
    # The HTTP status or error class only: never the payload, never anything about a person.
    last_error = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["id"]
        indexes = [models.Index(fields=["acknowledged_at", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.message_id}"


class SeenNonce(models.Model):
    """Nonces of accepted requests, so a captured request cannot be replayed within the signing window."""

    nonce = models.CharField(max_length=64, unique=True)
    seen_at = models.DateTimeField(db_index=True)

    def __str__(self) -> str:
        return self.nonce


class ReceivedMessage(models.Model):
    """Messages this service has accepted, with the acknowledgement it gave, so a retry gets the same
    answer and changes nothing."""

    message_id = models.CharField(max_length=80, unique=True)
    kind = models.CharField(max_length=40)
    received_at = models.DateTimeField()
    acknowledgement = models.JSONField()

    def __str__(self) -> str:
        return f"{self.kind} {self.message_id}"
