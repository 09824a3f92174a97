"""One search over everything public: projection into search documents, engines, sync, views."""
