"""Each service's background processes besides its web server, shared by `make demo` (demo_serve) and
`make prod-local` (deploy/prod_local.py) and listed as systemd units in deploy/systemd/: the task worker and the
periodic commands, as `manage.py` argument lists."""

POLICE_JOBS: list[list[str]] = [
    ["appeals_review", "--every", "600"],
    # The database-backed worker for Django's Tasks API (notifications, partner delivery).
    ["db_worker", "--interval", "1", "--no-reload"],
    ["partner_deliver", "--every", "30"],
    # Urgent desk alerts whose worker died before marking them sent are queued again.
    ["desk_alerts", "--every", "60"],
    # Reports stored while the queue was down are enriched, linked and grouped.
    ["desk_enrich", "--every", "60"],
    # Erase what has passed its retention period (docs/adr/0034-retention-and-erasure.md).
    ["retention_purge", "--every", "3600"],
    # Tasks left RUNNING by a worker that died are queued again (lookout/task_lease.py).
    ["tasks_requeue_lost", "--every", "60"],
    # Audit events are chained by the sequencer after their commit: a task queued on commit, and this
    # safety net for events the queue missed (docs/adr/0037-audit-sequencer.md).
    ["audit_seal", "--every", "10"],
    # Receipt codes kept for repeated posts are wiped once their window has passed (never in a request).
    ["receipt_replay_expire", "--every", "60"],
]

INDEPENDENT_JOBS: list[list[str]] = [
    ["db_worker", "--interval", "1", "--no-reload"],
    ["partner_deliver", "--every", "30"],
    # Reporters' own words not forwarded within INDEPENDENT_RAW_RETENTION_DAYS are erased.
    ["independent_retention", "--every", "3600"],
    # The charity fetches the police appeals on a schedule, never inside a visitor's request (ADR 0030).
    ["independent_appeals_refresh", "--every", "60"],
    ["tasks_requeue_lost", "--every", "60"],
    # The charity queues no task on a report's commit (its row would time the report): only this seals.
    ["audit_seal", "--every", "10"],
]
