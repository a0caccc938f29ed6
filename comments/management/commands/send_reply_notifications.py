from django.core.management.base import BaseCommand, CommandError

from comments.services import reply_notification_deliver, reply_notifications_due


class Command(BaseCommand):
    help = (
        "Send the reply notifications the mail server refused when the replies appeared (run every few minutes). "
        "Replies older than --days are left: news of them would come too late."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="Replies posted in the last N days (default 7).")

    def handle(self, *args, days, **options):
        due = reply_notifications_due(within_days=days)
        sent = sum(reply_notification_deliver(reply_id=pk) for pk in due)
        self.stdout.write(f"Sent {sent} reply notification(s).")
        # Still due: the mail server refused them (not those hidden or sent by another process meanwhile).
        if failed := len(set(due) & set(reply_notifications_due(within_days=days))):
            raise CommandError(
                f"{failed} reply notification(s) could not be sent (see the log); the next run tries them again."
            )
