"""Authentication backends: django-axes' lockout check, tolerant of a missing request."""
from axes.backends import AxesStandaloneBackend


class LoginAttemptsBackend(AxesStandaloneBackend):
    """django-axes' check, skipped only when there is no HTTP request to attribute it to.

    Every login over HTTP (Wagtail's login form, password reset) passes the request and is
    counted; `authenticate()` without a request (Django's test client `login()`, a shell) has
    no address to lock out, and axes' own backend would raise instead of letting it through.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
