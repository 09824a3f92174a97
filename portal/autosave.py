"""Autosave only where it writes a draft of something that already exists.

Wagtail 8 autosaves every form of a revisioned model a few seconds after a change. For a
model without draft state (the register's partnerships and agreements) each autosave *is* the
live record: an "Add agreement" form half filled in became a real agreement before the editor
pressed Save. On any "add" form, autosave creates the object (an abandoned "Add practice"
left a draft page that held its slug).

So autosave stays on when editing pages and draft-state snippets (commitments), where it saves
a draft revision and publishing stays an explicit act, and is off when adding anything and
when editing a record without draft state: those are saved when the editor presses Save,
never before. We chose this over giving the register draft state: a partnership or an
agreement is a record of fact, not content to publish, and a draft/publish step would add a
second "save" that editors could forget. An autosave request that reaches a view where it is
off (an old tab, a hand-made request) is refused and changes nothing.
"""

from wagtail.admin.views.pages.create import CreateView as PageCreateView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.snippets.views.snippets import CreateView as SnippetCreateView
from wagtail.snippets.views.snippets import EditView as SnippetEditView
from wagtail.snippets.views.snippets import SnippetViewSet

REFUSED = (
    "Nothing was saved: this form is saved only when you press Save. "
    "Press Save to keep your changes."
)


class RefuseAutosaveRequests:
    """A create or edit view on which autosave is off: a request for it changes nothing."""

    def post(self, request, *args, **kwargs):
        if self.expects_json_response:
            return self.json_error_response("autosave_disabled", REFUSED)
        return super().post(request, *args, **kwargs)


class CreateWithoutAutosave(RefuseAutosaveRequests, SnippetCreateView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.autosave_enabled = False


class EditWithAutosaveForDraftsOnly(SnippetEditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.autosave_enabled = self.autosave_enabled and self.draftstate_enabled

    def post(self, request, *args, **kwargs):
        if self.expects_json_response and not self.autosave_enabled:
            return self.json_error_response("autosave_disabled", REFUSED)
        return super().post(request, *args, **kwargs)


class PortalSnippetViewSet(SnippetViewSet):
    """The base of every snippet viewset in the portal."""

    add_view_class = CreateWithoutAutosave
    edit_view_class = EditWithAutosaveForDraftsOnly


class PageCreateWithoutAutosave(RefuseAutosaveRequests, PageCreateView):
    def get(self, request):
        self.autosave_enabled = False
        return super().get(request)

    def post(self, request):
        self.autosave_enabled = False
        return super().post(request)


def page_viewsets(page_models) -> list[PageViewSet]:
    """One viewset per page type, whose "add" form does not autosave."""
    return [
        PageViewSet(
            name=f"{model._meta.app_label}_{model._meta.model_name}_pages",
            model=model,
            add_view_class=PageCreateWithoutAutosave,
        )
        for model in page_models
    ]
