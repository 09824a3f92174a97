"""Wagtail's own search (the admin's page, snippet and document searches) on Elasticsearch,
answered by Wagtail's database backend whenever Elasticsearch cannot be reached.

Settings name two backends: ``default`` (this one) and ``database`` (Wagtail's database
backend, kept current by Wagtail's signal handlers like every backend with AUTO_UPDATE), so the
fallback has every object an editor could look for.
"""

import logging

from elasticsearch import ApiError, TransportError
from modelsearch.backends import get_search_backend
from modelsearch.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchResults,
)

logger = logging.getLogger(__name__)
FALLBACK = "database"
UNREACHABLE = (TransportError, ApiError, ConnectionError)


class FallbackSearchResults(Elasticsearch8SearchResults):
    def _fallback(self, sliced: bool = True):
        compiler = self.query_compiler
        database = get_search_backend(FALLBACK)
        method = (
            database.autocomplete
            if isinstance(compiler, Elasticsearch8AutocompleteQueryCompiler)
            else database.search
        )
        results = method(
            compiler.query,
            compiler.queryset,
            fields=compiler.fields,
            order_by_relevance=compiler.order_by_relevance,
        )
        if not sliced:
            return results
        return results[self.start : self.stop] if self.stop is not None else results[self.start :]

    def _do_search(self):
        try:
            return list(super()._do_search())  # a generator: the request is sent as it is read
        except UNREACHABLE as error:
            logger.warning("Admin search answered by the database: Elasticsearch failed: %s", error)
            return list(self._fallback())

    def _do_count(self):
        try:
            return super()._do_count()
        except UNREACHABLE as error:
            logger.warning("Admin search counted by the database: Elasticsearch failed: %s", error)
            return self._fallback().count()

    def facet(self, field_name):
        try:
            return super().facet(field_name)
        except UNREACHABLE as error:
            logger.warning("Admin facets counted by the database: Elasticsearch failed: %s", error)
            return self._fallback(sliced=False).facet(field_name)


class SearchBackend(Elasticsearch8SearchBackend):
    results_class = FallbackSearchResults
