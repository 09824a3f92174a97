"""A model field for several values from one shared vocabulary (provinces, settings, thrusts).

Stored as text with delimiters on both sides of every value ("|gauteng|limpopo|"), so the same
``has`` lookup filters on SQLite and PostgreSQL alike (``provinces__has="gauteng"``) without
a join table per vocabulary. Values are kept in the vocabulary's own order.
"""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.lookups import Contains

DELIMITER = "|"


class ChoiceListField(models.TextField):
    description = "A list of values from a TextChoices vocabulary"

    def __init__(self, *args, vocabulary: type[models.TextChoices] | None = None, **kwargs):
        self.vocabulary = vocabulary
        kwargs.setdefault("default", list)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["vocabulary"] = self.vocabulary
        if kwargs.get("default") is list:
            del kwargs["default"]
        return name, path, args, kwargs

    def contribute_to_class(self, cls, name, private_only=False):
        super().contribute_to_class(cls, name, private_only=private_only)

        def get_choices(instance, field=self):
            labels = dict(field.vocabulary.choices)
            return [(value, labels.get(value, value)) for value in getattr(instance, field.attname)]

        def get_labels(instance):
            return [label for _, label in get_choices(instance)]

        def get_display(instance):
            # Where Django and Wagtail show a field's value in words (the admin's Inspect view).
            return ", ".join(get_labels(instance))

        setattr(cls, f"get_{name}_choices", get_choices)
        setattr(cls, f"get_{name}_labels", get_labels)
        setattr(cls, f"get_{name}_display", get_display)

    def _ordered(self, values) -> list[str]:
        order = {value: position for position, value in enumerate(self.vocabulary.values)}
        unique = dict.fromkeys(str(value) for value in values if value)
        return sorted(unique, key=lambda value: order.get(value, len(order)))

    def to_python(self, value):
        if value is None or value == "":
            return []
        if isinstance(value, str):
            # Stored form "|a|b|", or "a,b" as serialised into revisions and fixtures.
            return [part.strip() for part in re.split(r"[|,]", value) if part.strip()]
        return self._ordered(value)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def get_prep_value(self, value):
        values = self._ordered(self.to_python(value))
        return f"{DELIMITER}{DELIMITER.join(values)}{DELIMITER}" if values else ""

    def value_to_string(self, obj):
        return ",".join(self.value_from_object(obj))

    def validate(self, value, model_instance):
        if not value and not self.blank:
            raise ValidationError(self.error_messages["blank"], code="blank")
        unknown = [item for item in value if item not in self.vocabulary.values]
        if unknown:
            raise ValidationError(
                "Not a known value: %(values)s.",
                code="invalid",
                params={"values": ", ".join(unknown)},
            )

    def formfield(self, **kwargs):
        defaults = {
            "form_class": forms.TypedMultipleChoiceField,
            "choices": self.vocabulary.choices,
            "widget": forms.CheckboxSelectMultiple,
            "required": not self.blank,
            "coerce": str,
        }
        defaults.update(kwargs)
        defaults.pop("max_length", None)
        # TextField.formfield would force a Textarea; go straight to Field.formfield.
        return models.Field.formfield(self, **defaults)


@ChoiceListField.register_lookup
class HasChoice(Contains):
    """``field__has="value"``: the list contains exactly this value (not a prefix of another)."""

    lookup_name = "has"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        return ("%s", [f"{DELIMITER}{value}{DELIMITER}"])

    def get_rhs_op(self, connection, rhs):
        # The database knows the operator as "contains" (LIKE / GLOB with a pattern).
        return connection.operators["contains"] % rhs
