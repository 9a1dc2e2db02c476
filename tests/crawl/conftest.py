"""The crawl's page counts, printed at the end of the session."""
from .crawler import PAGES_VISITED


def pytest_terminal_summary(terminalreporter):
    if PAGES_VISITED:
        terminalreporter.section("crawl: pages visited per role")
        for role, summary in PAGES_VISITED.items():
            terminalreporter.line(f"{role:<18} {summary}")
