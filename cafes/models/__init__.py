"""Café models: the directory snippets, the page tree (index → country → café) and the reports."""
from .cafe import CafePage, CafeSessionChange, CafeTag
from .country import CafeIndexPage, CountryPage
from .reports import CafeReportPage, ReportPhoto, ReportProposal, ReportQuestion, ReportTheme
from .snippets import AccessibilityFeature, Animator, Audience, Organisation
from .synthesis import SynthesisCuration, SynthesisPage

__all__ = [
    "AccessibilityFeature",
    "Animator",
    "Audience",
    "CafeIndexPage",
    "CafePage",
    "CafeReportPage",
    "CafeSessionChange",
    "CafeTag",
    "CountryPage",
    "Organisation",
    "ReportPhoto",
    "ReportProposal",
    "ReportQuestion",
    "ReportTheme",
    "SynthesisCuration",
    "SynthesisPage",
]
