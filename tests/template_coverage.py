"""Every template under templates/ is rendered by some test: a pytest plugin that fails a whole-suite run otherwise.

Django sends `template_rendered` for every template it renders once pytest-django has set up the test
environment: pages, `{% include %}`s, `{% extends %}` parents, blocks and e-mail .txt templates alike.
The browser tests' server is another process: with CAFEIA_TEMPLATE_LOG set, the test settings install
`ServerTemplateLog` there, which writes what that server renders to a file this plugin merges.

The gate runs when the session is the whole suite (no path, no -k, the default -m), or when
CAFEIA_TEMPLATE_COVERAGE=1; CAFEIA_TEMPLATE_COVERAGE=0 turns it off.
"""
import os
import tempfile
import threading
from pathlib import Path

from django.apps import AppConfig

TEMPLATES_DIR = Path(__file__).resolve().parents[1] / "templates"
GATE_ENV = "CAFEIA_TEMPLATE_COVERAGE"
LOG_ENV = "CAFEIA_TEMPLATE_LOG"
DEFAULT_MARKEXPR = "not perf"

# Templates known not to render today, each with why; like xfail(strict=True), an entry that
# renders again fails the gate until it is removed, so the list cannot go stale.
EXPECTED_UNRENDERED: dict[str, str] = {}


def project_templates() -> set[str]:
    return {p.relative_to(TEMPLATES_DIR).as_posix() for p in TEMPLATES_DIR.rglob("*") if p.is_file()}


def project_name(template) -> str | None:
    """The template's path under templates/, or None for Wagtail's, an app's or a string template."""
    origin = getattr(template, "origin", None)
    path = getattr(origin, "name", None)
    if not path or path.startswith("<"):
        return None
    try:
        return Path(path).resolve().relative_to(TEMPLATES_DIR).as_posix()
    except ValueError:
        return None


class ServerTemplateLog(AppConfig):
    """In the browser tests' server process: appends each project template it renders to $CAFEIA_TEMPLATE_LOG."""

    name = "tests.template_coverage"
    label = "template_coverage_server"
    verbose_name = "Template coverage (test server)"

    def ready(self):
        from django.template import Template
        from django.test.signals import template_rendered
        from django.test.utils import instrumented_test_render

        log_path = os.environ.get(LOG_ENV)
        if not log_path:
            return
        # The server is not a test runner: nothing instrumented Template._render there.
        Template._render = instrumented_test_render
        seen: set[str] = set()
        lock = threading.Lock()

        def record(sender, template, **kwargs):
            name = project_name(template)
            if name is None or name in seen:
                return
            with lock:
                if name not in seen:
                    seen.add(name)
                    with open(log_path, "a", encoding="utf-8") as log:
                        log.write(name + "\n")

        template_rendered.connect(record, weak=False, dispatch_uid="cafeia-template-log")


class TemplateCoverage:
    """Collects the templates rendered in this session and, for a whole-suite run, fails on the missing ones."""

    def __init__(self, config):
        self.config = config
        self.rendered: set[str] = set()
        self.by_server: set[str] = set()
        self.report: list[str] = []
        self.failed = False
        fd, self.log_path = tempfile.mkstemp(prefix="cafeia-templates-", suffix=".log")
        os.close(fd)

    def _record(self, sender, template, **kwargs):
        name = project_name(template)
        if name is not None:
            self.rendered.add(name)

    def gate_reason(self, session) -> str | None:
        """Why the gate does not apply to this session, or None when it does."""
        forced = os.environ.get(GATE_ENV)
        if forced == "0":
            return f"{GATE_ENV}=0"
        if session.shouldstop or session.shouldfail:
            return "the session stopped early"
        if forced == "1":
            return None
        option = self.config.option
        if self.config.args_source != self.config.ArgsSource.TESTPATHS:
            here = self.config.invocation_params.dir
            whole = {self.config.rootpath, self.config.rootpath / "tests"}
            if any((here / arg.split("::")[0]).resolve() not in whole for arg in self.config.args):
                return "paths were given"
        if option.keyword or (option.markexpr or "") != DEFAULT_MARKEXPR or getattr(option, "deselect", None):
            return "tests were selected"
        return None

    def pytest_sessionstart(self, session):
        from django.test.signals import template_rendered

        template_rendered.connect(self._record, weak=False, dispatch_uid="cafeia-template-coverage")
        # Inherited by the browser tests' server process, which reads it in the test settings.
        os.environ[LOG_ENV] = self.log_path

    def pytest_sessionfinish(self, session, exitstatus):
        os.environ.pop(LOG_ENV, None)
        log = Path(self.log_path)
        if log.exists():
            self.by_server = {line for line in log.read_text(encoding="utf-8").splitlines() if line}
            log.unlink()
        reason = self.gate_reason(session)
        if reason is not None:
            return
        everything = project_templates()
        rendered = (self.rendered | self.by_server) & everything
        missing = everything - rendered
        unexpected = sorted(missing - EXPECTED_UNRENDERED.keys())
        stale = sorted(name for name in EXPECTED_UNRENDERED if name in rendered or name not in everything)
        only_server = sorted((self.by_server - self.rendered) & everything)
        self.report = [
            f"{len(everything)} templates under templates/, {len(rendered)} rendered "
            f"({len(self.by_server & everything)} by the browser tests' server, {len(only_server)} only there), "
            f"{len(missing)} not rendered",
        ]
        self.report += [f"  only in a browser: {name}" for name in only_server]
        self.report += [f"  NOT RENDERED by any test: {name}" for name in unexpected]
        self.report += [
            f"  expected not rendered: {name} ({EXPECTED_UNRENDERED[name]})"
            for name in sorted(missing & EXPECTED_UNRENDERED.keys())
        ]
        self.report += [
            f"  STALE in EXPECTED_UNRENDERED (rendered now, or gone): remove {name} from tests/template_coverage.py"
            for name in stale
        ]
        if unexpected or stale:
            self.failed = True
            if session.exitstatus == 0:
                session.exitstatus = 1

    def pytest_terminal_summary(self, terminalreporter):
        if not self.report:
            return
        terminalreporter.section("templates rendered by the suite", red=self.failed, green=not self.failed)
        for line in self.report:
            terminalreporter.line(line)
        if self.failed:
            terminalreporter.line(
                "Render each template listed above in a test, as the role that reaches it.", red=True
            )


def pytest_configure(config):
    if config.getoption("help", False) or config.getoption("collectonly", False):
        return
    config.pluginmanager.register(TemplateCoverage(config), "cafeia-template-coverage")
