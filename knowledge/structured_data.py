"""Schema.org JSON-LD and OpenGraph data for publication pages."""

import json

from knowledge.citations import PUBLISHER
from knowledge.models.research_choices import PublicationType

SCHEMA_TYPES = {
    PublicationType.CASE_STUDY: "ScholarlyArticle",
    PublicationType.DATASET: "Dataset",
}


def publication_json_ld(publication, request) -> str:
    """JSON for a <script type="application/ld+json"> element, safe inside HTML."""
    data = {
        "@context": "https://schema.org",
        "@type": SCHEMA_TYPES.get(publication.publication_type, "Report"),
        "name": publication.title,
        "headline": publication.title[:110],
        "abstract": publication.abstract,
        "datePublished": publication.publication_date.isoformat(),
        "inLanguage": publication.language,
        "url": publication.get_full_url(request),
        "author": [
            {
                "@type": "Person",
                "name": author.name,
                **(
                    {"affiliation": {"@type": "Organization", "name": author.affiliation}}
                    if author.affiliation
                    else {}
                ),
            }
            for author in publication.authors.all()
        ],
        "publisher": {"@type": "GovernmentOrganization", "name": PUBLISHER},
        "keywords": [tag.name for tag in publication.topics.all()],
    }
    if publication.doi:
        data["identifier"] = f"https://doi.org/{publication.doi}"
    if publication.isbn:
        data["isbn"] = publication.isbn
    text = json.dumps(data, ensure_ascii=False)
    # Nothing in the data may close the script element or open a comment.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
