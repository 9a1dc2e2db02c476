"""A same-host crawler over Django's test client: GET only, breadth first, a fixed number of levels."""
import json
import re
import time
import traceback
from collections import Counter, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

# Attributes whose value is a URL the page builds; `content` only counts when it looks like one (og:url).
URL_ATTRS = {"href", "src", "action", "poster", "content", "data-url"}
# Never requested: they act (logout, language switch by POST) or are not pages.
SKIPPED_PATHS = [
    re.compile(r"^/admin/logout/"),
    re.compile(r"^/i18n/setlang/"),
    re.compile(r"^/static/"),
    # Bulk actions act on the rows ticked in a listing (JavaScript adds their ids); without any they are no page.
    re.compile(r"^/admin/bulk/"),
]
ABSOLUTE_IN_TEXT = re.compile(r"https?://[\w.\[\]:-]+[^\s\"'<>]*")
NOT_URLS = ("mailto:", "tel:", "javascript:", "data:", "blob:", "#", "sms:", "geo:")
# A path with more query strings than this is a filter or a pagination: a few variants say enough.
MAX_QUERIES_PER_PATH = 2
# Bodies past this size are not read (a large download, an export): their status is what counts.
MAX_PARSED_BYTES = 2_000_000
# What each crawl visited, for the session summary (tests/crawl/conftest.py).
PAGES_VISITED: dict[str, str] = {}


class _Links(HTMLParser):
    """The URLs of one HTML page: those to follow, and every absolute one it mentions."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.follow: list[str] = []
        self.mentioned: list[tuple[str, str]] = []  # (tag.attr, url)
        self.sidebar_json: list[str] = []
        self._in_sidebar = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if not value:
                continue
            if name == "srcset":
                for candidate in value.split(","):
                    if candidate.strip():
                        self.mentioned.append((f"{tag}.srcset", candidate.split()[0]))
            elif name in URL_ATTRS and (name != "content" or "//" in value[:10]):
                self.mentioned.append((f"{tag}.{name}", value.strip()))
        href = (attrs.get("href") or "").strip()
        if tag in ("a", "area") and href:
            self.follow.append(href)
        elif tag == "link" and href and "alternate" in (attrs.get("rel") or "").split():
            self.follow.append(href)
        elif tag == "form" and (attrs.get("method") or "get").lower() == "get" and attrs.get("action"):
            self.follow.append(attrs["action"].strip())
        if tag == "script" and attrs.get("id") == "wagtail-sidebar-props":
            self._in_sidebar = True

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_sidebar = False

    def handle_data(self, data):
        if self._in_sidebar:
            self.sidebar_json.append(data)


def admin_menu_urls(html: str) -> list[str]:
    """Every entry of the Wagtail admin's sidebar menu, submenus included.

    The sidebar is drawn by JavaScript from the telepath-packed JSON of `<script id="wagtail-sidebar-props">`:
    link items carry a `url`; actions (logout) carry an `action` instead and are left out.
    """
    parser = _Links()
    parser.feed(html)
    if not parser.sidebar_json:
        return []
    urls: list[str] = []

    def walk(node):
        if isinstance(node, dict):
            if isinstance(node.get("url"), str):
                urls.append(node["url"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads("".join(parser.sidebar_json)))
    return list(dict.fromkeys(urls))


@dataclass
class Visit:
    url: str
    status: int
    referrer: str
    depth: int
    seconds: float


@dataclass
class Failure:
    url: str
    status: int
    referrer: str
    error: str

    def __str__(self):
        return f"{self.status} {self.url}\n      linked from {self.referrer or '(start)'}\n      {self.error}"


@dataclass
class Crawl:
    """Visits `seeds` (depth 0) and follows same-host links while depth < `levels`, at most `max_pages` requests.

    `shape` names the view a path shows and how many paths of that view are worth requesting (the same admin
    view of another object of the same kind says little more), so that a long list does not crowd out the rest.
    Links are followed only from pages under `within` (a path prefix): the others are requested, not explored.
    """

    client: object
    levels: int = 2
    max_pages: int = 600
    shape: Callable[[str], tuple[str, int]] | None = None
    within: str = "/"
    visits: list[Visit] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    client_errors: list[Failure] = field(default_factory=list)
    mentions: list[tuple[str, str, str]] = field(default_factory=list)  # (page, tag.attr, absolute url)
    capped: int = 0

    def run(self, seeds: list[str]) -> "Crawl":
        seen: set[str] = set()
        queries: Counter = Counter()
        shapes: Counter = Counter()
        queue: deque[tuple[str, str, int]] = deque()

        def push(url: str, referrer: str, depth: int):
            key = self._key(url, referrer)
            if key is None or key in seen:
                return
            seen.add(key)
            path, _, query = key.partition("?")
            if query:
                if queries[path] >= MAX_QUERIES_PER_PATH:
                    return
                queries[path] += 1
            if self.shape is not None and depth > 0:
                shape, limit = self.shape(path)
                if shapes[shape] >= limit:
                    return
                shapes[shape] += 1
            queue.append((key, referrer, depth))

        for seed in seeds:
            push(seed, "", 0)
        while queue:
            if len(self.visits) >= self.max_pages:
                self.capped = len(queue)
                break
            url, referrer, depth = queue.popleft()
            started = time.perf_counter()
            response = self.client.get(url)
            self.visits.append(Visit(url, response.status_code, referrer, depth, time.perf_counter() - started))
            if response.status_code >= 500:
                self.failures.append(Failure(url, response.status_code, referrer, _error(response)))
            elif response.status_code >= 400:
                self.client_errors.append(Failure(url, response.status_code, referrer, ""))
            if response.status_code in (301, 302, 303, 307, 308):
                # A redirect is the same link, not a level deeper.
                push(urljoin(url, response["Location"]), url, depth)
                continue
            html = _html(response)
            if html is None:
                self.mentions += [(url, "body", link) for link in _text_links(response)]
                continue
            parser = _Links()
            parser.feed(html)
            self.mentions += [(url, where, link) for where, link in parser.mentioned if _absolute(link)]
            if depth < self.levels and url.startswith(self.within):
                for link in parser.follow:
                    push(urljoin(url, link), url, depth + 1)
        return self

    @staticmethod
    def _key(url: str, referrer: str) -> str | None:
        """Path and query of a same-host URL worth requesting, or None."""
        if not url or url.startswith(NOT_URLS):
            return None
        parts = urlsplit(url)
        if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "testserver"):
            return None
        path = parts.path or "/"
        if any(pattern.match(path) for pattern in SKIPPED_PATHS):
            return None
        return f"{path}?{parts.query}" if parts.query else path

    def summary(self) -> str:
        statuses = Counter(visit.status for visit in self.visits)
        text = ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items()))
        capped = f"; {self.capped} left unvisited by the cap of {self.max_pages}" if self.capped else ""
        return f"{len(self.visits)} pages ({text}){capped}"


def _html(response) -> str | None:
    if getattr(response, "streaming", False):
        _drain(response)
        return None
    if "text/html" not in response.get("Content-Type", "") or len(response.content) > MAX_PARSED_BYTES:
        return None
    return response.content.decode(response.charset or "utf-8", errors="replace")


def _drain(response):
    """Reads a streamed body up to MAX_PARSED_BYTES, then closes it the way the test client expects.

    The client finishes a streamed request when its iterator ends or is closed; `response.close()` called
    directly would close the database connection, and with it the test's transaction.
    """
    chunks = iter(response.streaming_content)
    read = 0
    try:
        for chunk in chunks:
            read += len(chunk)
            if read > MAX_PARSED_BYTES:
                break
    finally:
        close = getattr(chunks, "close", None)
        if close is not None:
            close()


def _text_links(response) -> list[str]:
    """The absolute URLs in a feed, a sitemap, an API answer or a calendar: they are links the site builds too."""
    kind = response.get("Content-Type", "")
    if getattr(response, "streaming", False) or not any(t in kind for t in ("xml", "json", "calendar", "text/")):
        return []
    if len(response.content) > MAX_PARSED_BYTES:
        return []
    return ABSOLUTE_IN_TEXT.findall(response.content.decode(response.charset or "utf-8", errors="replace"))


def _absolute(url: str) -> bool:
    return url.startswith(("http://", "https://", "//"))


def _error(response) -> str:
    """One line on why a request answered 5xx: the exception, the project frame closest to it, the template."""
    exc_info = getattr(response, "exc_info", None)
    if not exc_info:
        return "(no exception: the view answered 5xx itself)"
    _, exc, tb = exc_info
    frames = traceback.extract_tb(tb)
    ours = [frame for frame in frames if "site-packages" not in frame.filename] or frames
    where = f"{ours[-1].filename}:{ours[-1].lineno} in {ours[-1].name}" if ours else "?"
    # A TemplateResponse is rendered after its view returned: the template's name is the useful clue.
    names = [frame.f_locals.get("template_name") for frame, _ in traceback.walk_tb(tb)]
    template = next((name for name in reversed(names) if isinstance(name, str)), None)
    rendering = f", rendering {template}" if template else ""
    message = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {message} (at {where}{rendering})"
