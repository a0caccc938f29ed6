import pytest
from django.test import RequestFactory

from newsroom.clientip import RealClientAddressMiddleware


def address_seen(settings, remote, forwarded=None, trusted=("10.0.0.0/8",)):
    settings.NEWSROOM_TRUSTED_PROXIES = list(trusted)
    seen = {}

    def view(request):
        seen["address"] = request.META["REMOTE_ADDR"]

    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    RealClientAddressMiddleware(view)(RequestFactory().get("/", REMOTE_ADDR=remote, **headers))
    return seen["address"]


def test_behind_a_trusted_balancer_the_reader_address_is_used(settings):
    assert address_seen(settings, "10.0.0.5", "203.0.113.9") == "203.0.113.9"


def test_a_forged_header_cannot_choose_the_address(settings):
    # The client wrote "1.2.3.4" itself; our balancer appended the address it really saw.
    assert address_seen(settings, "10.0.0.5", "1.2.3.4, 203.0.113.9") == "203.0.113.9"


def test_chains_of_trusted_proxies_are_walked_back(settings):
    assert address_seen(settings, "10.0.0.5", "203.0.113.9, 10.0.0.7") == "203.0.113.9"


@pytest.mark.parametrize(
    ("remote", "forwarded", "trusted"),
    [("198.51.100.2", "203.0.113.9", ("10.0.0.0/8",)), ("10.0.0.5", "203.0.113.9", ())],
    ids=["untrusted sender", "no proxies configured"],
)
def test_otherwise_the_header_is_ignored(settings, remote, forwarded, trusted):
    assert address_seen(settings, remote, forwarded, trusted) == remote
