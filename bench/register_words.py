"""The public register's listing with words in its text box ("Name, reference, place or
partner") and in its other orders, against the listing as it opens, on a kept corpus: each
word is looked for in four columns of every public partnership and in the names of their
parties, so this is the listing whose cost grows with the register. In process, through the
real view with Django's test client and production settings, every request kept out of the
page cache (as `pages.py` does for its rendered figures; the site's structure and the
register's charts are kept per generation, as in production), 5 timed rounds after a warm-up.
Prints a Markdown table for bench/README.md.

Then the same for the suggestions a reference-group member gets while typing the partnership
they assess (``/members/assessments/partnerships/``: the same words, over every partnership
they may assess), as a member made for the run and removed after it.

    .venv/bin/python bench/search_speed.py --keep sqlite:////tmp/bench50k.sqlite3   # once
    .venv/bin/python bench/register_words.py --reuse sqlite:////tmp/bench50k.sqlite3
"""

import argparse
import os
import tempfile
from pathlib import Path

from load_and_faults import environment, manage
from search_speed import row, timed_requests

LISTINGS = {
    "no words (the first page, as most readers see it)": [{}],
    "a province, no words": [{"province": "gauteng"}],
    "each other order, no words": [{"sort": "newest"}, {"sort": "updated"}, {"sort": "title"}],
    "one word": [{"q": "soweto"}, {"q": "patrol"}, {"q": "learners"}],
    "two words": [{"q": "youth soweto"}, {"q": "watch farm"}],
    "a word in most parties' names": [{"q": "kimberley organisation"}, {"q": "police"}],
    "a reference": [{"q": "CSPS-2020-41998"}],
    "a word nothing has": [{"q": "xylophone"}],
    "words and a province": [{"q": "patrol", "province": "gauteng"}],
}
MEMBER_SUGGESTIONS = {
    "one word": [{"q": "soweto"}, {"q": "patrol"}, {"q": "learners"}],
    "two words": [{"q": "youth soweto"}, {"q": "watch farm"}],
    "a reference being typed": [{"q": "CSPS-2020-419"}, {"q": "CSPS-2020-41998"}],
    "a word nothing has": [{"q": "xylophone"}],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuse", required=True, metavar="URL", help="a kept corpus database")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="portal-register-words-"))
    env = environment(folder, args.reuse)
    env["PAGE_CACHE_DIR"] = str(folder / "pages")
    manage(env, "collectstatic", "--no-input")
    os.environ.update(env)

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.utils import timezone

    from knowledge.models import Partnership

    print(f"{Partnership.objects.public().count()} public partnerships\n")
    print("| listing | requests | median ms | p95 ms | max ms |")
    print("|---|---:|---:|---:|---:|")
    client = Client(HTTP_HOST="127.0.0.1")
    client.cookies["messages"] = "out of the page cache"
    for label, params_list in LISTINGS.items():
        print(row(label, timed_requests(client, "/partnerships/", params_list, args.rounds)))

    from reference_group.models import Member, ReferenceGroup

    group = ReferenceGroup.objects.create(name="Bench reference group")
    user = get_user_model().objects.create_user("bench-member@example.org")
    member = Member.objects.create(user=user, group=group, term_start=timezone.localdate())
    try:
        member_client = Client(HTTP_HOST="127.0.0.1")
        member_client.force_login(user)
        print("\n| a member's suggestions | requests | median ms | p95 ms | max ms |")
        print("|---|---:|---:|---:|---:|")
        for label, params_list in MEMBER_SUGGESTIONS.items():
            samples = timed_requests(
                member_client, "/members/assessments/partnerships/", params_list, args.rounds
            )
            print(row(label, samples))
    finally:
        member.delete()
        user.delete()
        group.delete()


if __name__ == "__main__":
    main()
