"""Who may choose what from the register in the admin.

Wagtail's choosers ask only for admin access, so a page editor could list every partnership,
agreement, annual review and KPI measurement, internal ones included, through the snippet
chooser's URLs. Here:

- the register's own choosers (used by the register's forms) answer only people who may view
  that part of the register;
- public content (a practice's evidence, events, commitments, publications, priorities) chooses
  from public partnerships only, through a chooser of its own, and its forms offer page editors
  only public partnerships while keeping any internal link someone with register access made.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.snippets.views import chooser as snippet_chooser
from wagtail.snippets.views.chooser import SnippetChooserViewSet

from knowledge.models.choices import Visibility

REGISTER_ACTIONS = ["view", "add", "change", "delete"]


class RegisterPermissionRequired:
    """A chooser view that answers only people with a permission on the register's model."""

    def dispatch(self, request, *args, **kwargs):
        policy = ModelPermissionPolicy(self.model_class)
        if not policy.user_has_any_permission(request.user, REGISTER_ACTIONS):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class RegisterChooseView(RegisterPermissionRequired, snippet_chooser.ChooseView):
    pass


class RegisterChooseResultsView(RegisterPermissionRequired, snippet_chooser.ChooseResultsView):
    pass


class RegisterChosenView(RegisterPermissionRequired, snippet_chooser.SnippetChosenView):
    pass


class RegisterChosenMultipleView(
    RegisterPermissionRequired, snippet_chooser.SnippetChosenMultipleView
):
    pass


class RegisterChooserViewSet(SnippetChooserViewSet):
    choose_view_class = RegisterChooseView
    choose_results_view_class = RegisterChooseResultsView
    chosen_view_class = RegisterChosenView
    chosen_multiple_view_class = RegisterChosenMultipleView


class PublicPartnershipChosenView(snippet_chooser.SnippetChosenView):
    def get_object(self, pk):
        return self.model_class.objects.public().get(pk=pk)


class PublicPartnershipChosenMultipleView(snippet_chooser.SnippetChosenMultipleView):
    def get_objects(self, pks):
        return self.model_class.objects.public().filter(pk__in=pks)


class PublicPartnershipChooserViewSet(ChooserViewSet):
    model = "knowledge.Partnership"  # a name: the models import this module
    icon = "group"
    choose_one_text = "Choose a public partnership"
    choose_another_text = "Choose another public partnership"
    page_title = "Choose a public partnership"
    chosen_view_class = PublicPartnershipChosenView
    chosen_multiple_view_class = PublicPartnershipChosenMultipleView
    creation_form_class = None
    # Only the fields that ask for it use this chooser; every other partnership field keeps
    # the register's own (otherwise Wagtail would make this the default for the model).
    register_widget = False

    def get_object_list(self):
        from knowledge.models import Partnership

        return Partnership.objects.public().order_by("title")


public_partnership_chooser_viewset = PublicPartnershipChooserViewSet(
    "public_partnership_chooser", url_prefix="register/public-partnerships"
)
PublicPartnershipChooser = public_partnership_chooser_viewset.widget_class


def may_view_register(user) -> bool:
    return user is not None and user.has_perm("knowledge.view_partnership")


class PublicPartnershipChoicesMixin:
    """For a Wagtail admin form (page or snippet): people who may not view the register are
    offered only public partnerships in the fields named in ``partnership_fields``. Internal
    partnerships already linked stay linked, unseen, when such a person saves."""

    partnership_fields: tuple[str, ...] = ("partnerships",)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept_internal = {}
        if may_view_register(getattr(self, "for_user", None)):
            return
        for name in self.partnership_fields:
            field = self.fields.get(name)
            if not isinstance(field, forms.ModelMultipleChoiceField):
                continue
            field.queryset = field.queryset.filter(visibility=Visibility.PUBLIC)
            if self.instance.pk:
                self.kept_internal[name] = list(
                    getattr(self.instance, name).exclude(visibility=Visibility.PUBLIC)
                )

    def clean(self):
        cleaned_data = super().clean()
        for name, internal in self.kept_internal.items():
            if name in cleaned_data and internal:
                cleaned_data[name] = [*cleaned_data[name], *internal]
        return cleaned_data


class PublicPartnershipChoicesPageForm(PublicPartnershipChoicesMixin, WagtailAdminPageForm):
    pass


class PublicPartnershipChoicesModelForm(PublicPartnershipChoicesMixin, WagtailAdminModelForm):
    pass
