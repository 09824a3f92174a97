from django.db import migrations, models
from django.db.models import F


def date_public_partnerships(apps, schema_editor):
    """Partnerships already public were made public some time after they were registered; the
    register kept no moment, so their registration is the best date there is."""
    Partnership = apps.get_model("knowledge", "Partnership")
    Partnership.objects.filter(visibility="public").update(made_public_at=F("created_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0010_partnership_list_orders"),
    ]

    operations = [
        migrations.AddField(
            model_name="partnership",
            name="made_public_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When it was first made public: the moment it appeared on the public "
                "register and in its feeds. Set by the register, never typed in.",
                null=True,
                verbose_name="public since",
            ),
        ),
        migrations.RunPython(date_public_partnerships, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="partnership",
            index=models.Index(
                fields=["-made_public_at", "-reference"], name="partnership_newly_public"
            ),
        ),
    ]
