"""Replace Wagtail's placeholder welcome page with the portal's home page and point the site at it.

Done in a migration rather than in demo content so that every database, production included,
has a working site root as soon as it is migrated.
"""

from django.db import migrations
from django.utils import timezone

HOME_TITLE = "Safety Partnerships Knowledge Portal"
HOME_INTRODUCTION = (
    "Evidence about community-safety partnerships in South Africa: the register of partnerships "
    "and their agreements, research, best practice, dialogues and independent assessments."
)


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("portal.HomePage")

    if HomePage.objects.exists():
        return
    placeholder_type = ContentType.objects.get(app_label="wagtailcore", model="page")
    placeholder = Page.objects.filter(content_type=placeholder_type, slug="home", depth=2).first()
    if placeholder is None or placeholder.numchild:
        # Someone already built a tree here; leave it for them to arrange.
        return
    path = placeholder.path
    placeholder.delete()  # its Site goes with it (CASCADE)

    home_type, _ = ContentType.objects.get_or_create(app_label="portal", model="homepage")
    now = timezone.now()
    home = HomePage.objects.create(
        title=HOME_TITLE,
        draft_title=HOME_TITLE,
        slug="home",
        content_type=home_type,
        path=path,
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=Locale.objects.order_by("pk").first(),
        live=True,
        first_published_at=now,
        last_published_at=now,
        introduction=HOME_INTRODUCTION,
        body=[],
    )
    Site.objects.create(
        hostname="localhost", port=80, site_name=HOME_TITLE, root_page=home, is_default_site=True
    )


def remove_home_page(apps, schema_editor):
    apps.get_model("portal.HomePage").objects.filter(slug="home", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0001_initial")]

    operations = [migrations.RunPython(create_home_page, remove_home_page)]
