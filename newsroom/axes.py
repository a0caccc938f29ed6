"""Login lockout with one limit per parameter, which django-axes alone cannot express.

A username locks after AXES_FAILURE_LIMIT failures (5); an address only after NEWSROOM_AXES_IP_FAILURE_LIMIT
(20), so one reporter's typos never shut out the whole desk behind the office's shared IP address.
"""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum


def _failures(attempts):
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class NewsroomAxesHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        """Failures as axes compares them with its one limit: the username's, or the limit once the IP's is hit."""
        by_username, by_ip = self.get_user_attempts(request, credentials)  # AXES_LOCKOUT_PARAMETERS' order
        failures = _failures(by_username)
        if _failures(by_ip) >= settings.NEWSROOM_AXES_IP_FAILURE_LIMIT:
            return max(failures, settings.AXES_FAILURE_LIMIT)
        return failures

    def reset_user_attempts(self, request, credentials=None) -> int:
        """A successful login clears that username's failures, not those of others at the same address."""
        by_username, _by_ip = self.filter_user_attempts(request, credentials)
        return by_username.delete()[0]
