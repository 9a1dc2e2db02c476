"""Browser tests use the harness's fixtures (tests/browser_harness.py, a plugin of tests/conftest.py)."""
from tests.browser_harness import ARTIFACTS, axe_violations, sent_mail

__all__ = ["ARTIFACTS", "axe_violations", "sent_mail"]
