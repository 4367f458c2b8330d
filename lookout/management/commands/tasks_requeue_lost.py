from lookout.repeating import RepeatingCommand
from lookout.task_lease import tasks_requeue_lost


class Command(RepeatingCommand):
    help = (
        "Run again tasks whose worker died while running them (still RUNNING after LOOKOUT_TASK_LEASE_SECONDS); "
        "fail those that lost LOOKOUT_TASK_MAX_ATTEMPTS workers. Run it from cron, or with --every."
    )

    def run_once(self, *, repeating: bool) -> None:
        reaped = tasks_requeue_lost()
        self.stdout.write(f"Lost tasks: {reaped.requeued} queued again, {reaped.failed} failed.")
