"""
`X-Query-Count: N` on every response: the SQL queries the request cost, for `make bench` and for debugging.

Off unless NEWSROOM_QUERY_COUNT_HEADER=1 when the server starts; then Django drops the middleware altogether.
First in MIDDLEWARE, so the sessions, the page cache and the view are all counted.
"""

import os

from django.core.exceptions import MiddlewareNotUsed
from django.db import connection


class QueryCountMiddleware:
    def __init__(self, get_response):
        if os.environ.get("NEWSROOM_QUERY_COUNT_HEADER") != "1":
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        counter = _Counter()
        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response["X-Query-Count"] = str(counter.queries)
        return response


class _Counter:
    queries = 0

    def __call__(self, execute, sql, params, many, context):
        self.queries += 1
        return execute(sql, params, many, context)
