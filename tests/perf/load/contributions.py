"""20 people sending testimonies at once for 60 s, each from an address of their own, plus one address
shared by 5 senders; every submitter also sends one form twice. Afterwards the database must hold exactly
the submissions that were accepted, once each, and no address more than the hourly limit."""
import re
import statistics
import threading
import time
import uuid
from http.client import HTTPConnection
from urllib.parse import urlencode, urlsplit

from contributions.protection import DEFAULT_RATE_LIMIT_PER_HOUR

from .run import DB_NAME, _psql

FORM = "/fr/contribuer/temoignage/"
HIDDEN = re.compile(r'name="(csrfmiddlewaretoken|started|submission_key)" value="([^"]*)"')
LIMIT_PER_HOUR = DEFAULT_RATE_LIMIT_PER_HOUR  # the benchmark settings keep the default
MIN_FILL_SECONDS = 1.05  # the benchmark settings' CONTRIBUTIONS_MIN_FILL_SECONDS, and a little


class Submitter(threading.Thread):
    def __init__(self, base: str, run: str, name: str, address: str, until: float, results: list):
        super().__init__(daemon=True)
        parts = urlsplit(base)
        self.host, self.port = parts.hostname, parts.port
        self.run_id, self.name, self.address, self.until, self.results = run, name, address, until, results
        self.sent_twice = False

    def _request(self, method, path, body=None, headers=None):
        connection = HTTPConnection(self.host, self.port, timeout=30)
        started = time.perf_counter()
        try:
            connection.request(method, path, body=body, headers={"X-Forwarded-For": self.address, **(headers or {})})
            response = connection.getresponse()
            return response.status, response.getheader("Set-Cookie") or "", response.read(), time.perf_counter() - started
        finally:
            connection.close()

    def run(self):
        n = 0
        while time.monotonic() < self.until:
            status, cookie, body, _ = self._request("GET", FORM)
            if status != 200:
                self.results.append({"who": self.name, "status": f"GET {status}"})
                continue
            fields = dict(HIDDEN.findall(body.decode()))
            csrf = re.search(r"csrftoken=([^;]+)", cookie).group(1)
            time.sleep(MIN_FILL_SECONDS)
            n += 1
            data = {
                **fields, "email": f"charge-{self.run_id}-{self.name}-{n}@example.org", "consent": "on", "website": "",
                "person_name": f"Personne {self.name}", "role": "participante", "country_code": "",
                "body": f"Témoignage {n} envoyé pendant la charge : les cafés IA m'ont appris à douter des images.",
            }
            status = self._post(urlencode(data), csrf, data["submission_key"])
            if not self.sent_twice and status == 302:
                self.sent_twice = True  # the same form sent again, as a double click would
                self._post(urlencode(data), csrf, data["submission_key"], again=True)

    def _post(self, body, csrf, key, again=False):
        status, _, _, seconds = self._request("POST", FORM, body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={csrf}",
        })
        self.results.append({"who": self.name, "address": self.address, "status": status, "key": key,
                             "seconds": seconds, "again": again})
        return status


def run(base: str, *, submitters: int = 20, shared: int = 5, seconds: int = 60) -> dict:
    # Counters of earlier runs would still be within their hour.
    _psql("DELETE FROM cafeia_site_counter WHERE name LIKE 'contributions:%'", DB_NAME)
    run_id = uuid.uuid4().hex[:8]
    results: list = []
    until = time.monotonic() + seconds
    threads = [Submitter(base, run_id, f"s{i}", f"198.51.100.{i + 1}", until, results) for i in range(submitters)]
    threads += [Submitter(base, run_id, f"x{i}", "203.0.113.250", until, results) for i in range(shared)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + 60)

    posts = [r for r in results if isinstance(r["status"], int)]
    accepted = [r for r in posts if r["status"] == 302]
    query = f"SELECT submission_key FROM contributions_contribution WHERE email LIKE 'charge-{run_id}-%'"  # noqa: S608 (hex id)
    stored = _psql(query, DB_NAME)
    stored_keys = stored.split() if stored else []
    accepted_keys = {r["key"] for r in accepted}
    by_address: dict = {}
    for r in accepted:
        by_address.setdefault(r["address"], set()).add(r["key"])
    return {
        "seconds": seconds,
        "submitters": submitters + shared,
        "posts": len(posts),
        "accepted": len(accepted),
        "sent_twice": sum(1 for r in posts if r["again"]),
        "rate_limited": sum(1 for r in posts if r["status"] == 429),
        "other": sorted({str(r["status"]) for r in results if r["status"] not in (302, 429)}),
        "stored": len(stored_keys),
        "stored_distinct": len(set(stored_keys)),
        "accepted_distinct": len(accepted_keys),
        "all_accepted_stored": accepted_keys == set(stored_keys),
        "max_per_address": max((len(keys) for keys in by_address.values()), default=0),
        "shared_address_accepted": len(by_address.get("203.0.113.250", ())),
        "post_p50_ms": statistics.median([r["seconds"] for r in posts]) * 1000 if posts else 0,
        "post_p95_ms": statistics.quantiles([r["seconds"] for r in posts], n=20)[-1] * 1000 if len(posts) > 1 else 0,
    }
