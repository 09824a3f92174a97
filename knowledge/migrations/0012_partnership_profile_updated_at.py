import django.utils.timezone
from django.db import migrations, models
from django.db.models import F


def date_profiles(apps, schema_editor):
    """The register kept no moment of its public changes: the last edit of any kind is the best
    date there is. The digest stays empty, so each partnership's first digest keeps that date."""
    Partnership = apps.get_model("knowledge", "Partnership")
    Partnership.objects.update(profile_updated_at=F("updated_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0011_partnership_made_public_at"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="partnership",
            name="partnership_recently_updated",
        ),
        migrations.AddField(
            model_name="partnership",
            name="profile_digest",
            field=models.CharField(blank=True, editable=False, max_length=64),
        ),
        migrations.AddField(
            model_name="partnership",
            name="profile_updated_at",
            field=models.DateTimeField(
                default=django.utils.timezone.now,
                editable=False,
                help_text="When what its public profile shows of it last changed (not its risks, "
                'costs or other internal details): its "Last updated". Kept by the register '
                "(knowledge/profile_updates.py), never typed in.",
                verbose_name="profile last updated",
            ),
        ),
        migrations.RunPython(date_profiles, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="partnership",
            index=models.Index(
                fields=["-profile_updated_at", "-reference"], name="partnership_profile_updated"
            ),
        ),
    ]
