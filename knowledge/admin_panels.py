"""Editing forms for the register: which fields editors see, in which order and tabs."""

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    HelpPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)

from knowledge.admin_forms import OrganisationForm
from knowledge.models import COMPLIANCE_CHECKS
from knowledge.widgets import ScanInput

organisation_edit_handler = ObjectList(
    [
        FieldPanel("name"),
        FieldPanel("sector"),
        FieldPanel("provinces"),
        FieldRowPanel([FieldPanel("npo_number"), FieldPanel("psira_number")]),
        FieldPanel("website"),
        MultiFieldPanel(
            [
                FieldPanel("contact_name"),
                FieldPanel("contact_role"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading="Contact person (visible to register staff only)",
        ),
    ],
    base_form_class=OrganisationForm,
)

partnership_edit_handler = TabbedInterface(
    [
        ObjectList(
            [
                FieldPanel("reference", read_only=True),
                FieldPanel("title"),
                FieldPanel("summary"),
                FieldPanel("purpose"),
                InlinePanel(
                    "parties",
                    heading="Parties",
                    label="Party",
                    min_num=1,
                    panels=[FieldPanel("organisation"), FieldPanel("role")],
                ),
                MultiFieldPanel(
                    [FieldPanel("scope"), FieldPanel("provinces"), FieldPanel("locality")],
                    heading="Scope",
                ),
                MultiFieldPanel(
                    [
                        FieldRowPanel([FieldPanel("level"), FieldPanel("formality")]),
                        FieldRowPanel([FieldPanel("funding_model"), FieldPanel("term")]),
                        FieldPanel("stance"),
                        FieldPanel("thrusts"),
                        FieldPanel("responsible_unit"),
                    ],
                    heading="Kind of partnership",
                ),
                MultiFieldPanel(
                    [
                        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                        FieldRowPanel([FieldPanel("status"), FieldPanel("visibility")]),
                        FieldPanel("made_public_at", read_only=True),
                    ],
                    heading="Term, status and visibility",
                ),
            ],
            heading="Partnership",
        ),
        ObjectList(
            [
                InlinePanel(
                    "kpis",
                    heading="KPIs",
                    label="KPI",
                    panels=[
                        FieldPanel("indicator"),
                        FieldRowPanel(
                            [FieldPanel("unit"), FieldPanel("baseline"), FieldPanel("target")]
                        ),
                        FieldPanel("is_public"),
                    ],
                ),
                InlinePanel("value_delivered", heading="Value delivered", label="Benefit"),
            ],
            heading="KPIs and value",
        ),
        ObjectList(
            [
                HelpPanel("Risks and costs are internal: they never appear on the public profile."),
                InlinePanel("risks", heading="Risk register", label="Risk"),
                InlinePanel("costs", heading="Costs", label="Cost"),
            ],
            heading="Risks and costs",
        ),
    ]
)

agreement_panels = [
    FieldPanel("partnership"),
    FieldRowPanel([FieldPanel("kind"), FieldPanel("version"), FieldPanel("status")]),
    FieldPanel("signatories"),
    FieldRowPanel(
        [FieldPanel("signed_on"), FieldPanel("effective_from"), FieldPanel("expires_on")]
    ),
    MultiFieldPanel(
        [FieldPanel(name) for name, _ in COMPLIANCE_CHECKS],
        heading="Compliance with the SAPS partnership guidelines",
    ),
    MultiFieldPanel(
        [
            FieldPanel("signed_scan", widget=ScanInput),
            FieldPanel("scan_sha256", read_only=True),
            FieldPanel("scan_uploaded_at", read_only=True),
        ],
        heading="Signed scan (private)",
    ),
    FieldPanel("notes"),
]

annual_review_panels = [
    FieldRowPanel([FieldPanel("partnership"), FieldPanel("year")]),
    FieldRowPanel([FieldPanel("reviewer"), FieldPanel("status")]),
    FieldRowPanel([FieldPanel("due_on"), FieldPanel("completed_on")]),
    FieldPanel("kpi_results"),
    FieldPanel("value_assessment"),
    FieldRowPanel([FieldPanel("cost_reassessment"), FieldPanel("risk_reassessment")]),
    FieldPanel("findings"),
    FieldPanel("findings_notes"),
    FieldPanel("recommendation"),
    FieldPanel("public_summary"),
]

kpi_measurement_panels = [
    FieldPanel("kpi"),
    FieldRowPanel([FieldPanel("measured_on"), FieldPanel("value")]),
    FieldPanel("note"),
]
