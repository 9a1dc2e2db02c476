"""System checks of what settings alone cannot tell: the Site record agrees with the public address."""
from django.core.checks import Error, register

from .site_address import site_address_mismatch


@register()
def site_address_check(app_configs=None, **kwargs):
    problem = site_address_mismatch()
    if problem is None:
        return []
    return [Error(
        f"The site's public address has two values: {problem}.",
        hint="Run `python manage.py sync_site_address` (migrate and load_demo do it too), "
             "or set WAGTAILADMIN_BASE_URL to the address readers use.",
        id="cafeia_site.E001",
    )]
