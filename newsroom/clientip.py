"""The reader's real address behind the site's own load balancers.

Rate limits, login lockouts and the moderation queue read REMOTE_ADDR. Behind a load balancer that is the
balancer's address for everyone, so when the request comes from a trusted proxy (NEWSROOM_TRUSTED_PROXIES,
addresses or networks), the address it appended to X-Forwarded-For is used instead. Addresses a client
wrote into the header itself are never believed: only the right-most untrusted entry counts.
"""

import ipaddress

from django.conf import settings


def _networks():
    return [ipaddress.ip_network(entry, strict=False) for entry in settings.NEWSROOM_TRUSTED_PROXIES]


def _is_trusted(address, networks):
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in networks)


class RealClientAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.networks = _networks()

    def __call__(self, request):
        if self.networks and _is_trusted(request.META.get("REMOTE_ADDR", ""), self.networks):
            hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if hop.strip()]
            while hops and _is_trusted(hops[-1], self.networks):
                hops.pop()
            if hops:
                request.META["REMOTE_ADDR"] = hops[-1]
        return self.get_response(request)
