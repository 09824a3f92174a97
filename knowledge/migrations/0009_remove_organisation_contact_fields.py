"""Removes the contact fields from organisations, once 0008 has copied them to their own table.

A migration of its own: on PostgreSQL the rows 0008 inserts leave deferred foreign-key checks
pending, and a table with pending checks cannot be altered in the same transaction."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("knowledge", "0008_organisation_contact_apart"),
    ]

    operations = [
        migrations.RemoveField(
            model_name='organisation',
            name='contact_email',
        ),
        migrations.RemoveField(
            model_name='organisation',
            name='contact_name',
        ),
        migrations.RemoveField(
            model_name='organisation',
            name='contact_phone',
        ),
        migrations.RemoveField(
            model_name='organisation',
            name='contact_role',
        ),
    ]
