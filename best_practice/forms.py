"""Editor forms for the best-practice library."""

from wagtail.admin.forms import WagtailAdminPageForm


class PracticePageForm(WagtailAdminPageForm):
    """A rating must rest on evidence: refuse one without any evidence item."""

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("evidence_rating") and not self._kept_evidence_forms():
            self.add_error(
                "evidence_rating",
                "A rating needs at least one evidence item below. Add the partnership or "
                "publication it rests on, or leave the rating empty.",
            )
        return cleaned_data

    def _kept_evidence_forms(self) -> list:
        formset = self.formsets["evidence_items"]
        kept = []
        for form in formset.forms:
            # The child forms may not be cleaned yet: read the raw "delete" tick.
            if formset.can_delete and "DELETE" in form.fields and form["DELETE"].data:
                continue
            if form.instance.pk or form.has_changed():
                kept.append(form)
        return kept
