"""What the stack's test and benchmark share: requests, a threaded load, a publish from another process."""
import threading
import time
from collections import Counter
from urllib.error import HTTPError
from urllib.request import Request, urlopen

PUBLISH = """
import time
from cafes.models import CafePage
cafe = CafePage.objects.filter(locale__language_code="fr", live=True, slug="{slug}").get()
cafe.title = "{title}"
cafe.save_revision().publish()
print(time.time(), flush=True)
"""


def get(url: str) -> tuple[int, dict, str]:
    try:
        with urlopen(Request(url), timeout=10) as response:  # noqa: S310 (loopback)
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read().decode()
    except HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, ""


class Load:
    """Threads requesting `urls` in turn until stopped; counts statuses and page cache answers."""

    def __init__(self, urls: list[str], threads: int = 4):
        self.urls, self.statuses, self.cache = urls, Counter(), Counter()
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run, args=(i,), daemon=True) for i in range(threads)]

    def _run(self, offset: int) -> None:
        i = offset
        while not self._stop.is_set():
            try:
                status, headers, _body = get(self.urls[i % len(self.urls)])
            except OSError:
                status, headers = 0, {}
            self.statuses[status] += 1
            self.cache[headers.get("x-front-cache") or headers.get("x-cache", "-")] += 1
            i += 1

    def __enter__(self):
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=15)

    @property
    def total(self) -> int:
        return sum(self.statuses.values())


def time_to_fresh(bases: dict[str, str], path: str, text: str, since: float, limit: float = 5) -> dict[str, float]:
    """Seconds after `since` until each base URL serves `text` at `path`; readers of all of them at once."""
    fresh = {}

    def poll(name: str, base: str) -> None:
        while time.time() - since < limit:
            if text in get(base + path)[2]:
                fresh[name] = time.time() - since
                return
            time.sleep(0.01)

    pollers = [threading.Thread(target=poll, args=item) for item in bases.items()]
    for poller in pollers:
        poller.start()
    for poller in pollers:
        poller.join()
    return fresh
