"""The yearly synthesis: its figures (figures.py), its server-drawn charts (charts.py) and its
open-data exports (exports.py); the page itself is cafes.models.SynthesisPage."""
from .figures import cafes_held, compute, current_year, figures_for, invalidate

__all__ = ["cafes_held", "compute", "current_year", "figures_for", "invalidate"]
