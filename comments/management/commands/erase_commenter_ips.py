from django.core.management.base import BaseCommand

from comments import conf
from comments.services import commenter_ips_erase


class Command(BaseCommand):
    help = "Erase commenters' IP addresses and user agents older than NEWSROOM_COMMENTS_IP_RETENTION_DAYS (run daily)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, help="Keep this many days instead of the setting.")

    def handle(self, *args, days=None, **options):
        days = conf.get("IP_RETENTION_DAYS") if days is None else days
        erased = commenter_ips_erase(older_than_days=days)
        self.stdout.write(f"Erased the IP address and user agent of {erased} comment(s) older than {days} days.")
