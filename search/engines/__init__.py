"""Search engines: the database engine always; Elasticsearch when ELASTICSEARCH_URL is set."""
