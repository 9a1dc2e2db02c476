"""Turns an empty database into a browsable Café IA site, in fr, ar and en. Idempotent."""
from importlib import import_module

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

# Each section owns its demo content; they run in this order (later ones link to earlier ones).
DEMO_BUILDERS = [
    "home.demo.build",
    "home.lettre.demo.build",
    "ressources.demo.build",
    "cafes.demo.build",
    "home.lettre.demo.build_country_news",
    "cafes.demo_synthesis.build",
    "contributions.demo.build",
]

DEMO_ACCOUNTS = [
    # username, groups, is_superuser, what the account is for
    ("administrateur", [], True, "the programme team: everything, users and settings included"),
    ("editor", ["Editors"], False, "writes, translates and publishes pages, articles and editions"),
    ("moderator", ["Modérateurs"], False, "moderates contributions for France and the national sections"),
    ("moderateur-maroc", ["Modérateurs Maroc"], False, "moderates contributions for the Maroc section only"),
]


class Command(BaseCommand):
    help = "Load the demo content (idempotent): pages in fr with ar and en translations, demo accounts."

    def handle(self, *args, **options):
        passwords = getattr(settings, "DEMO_PASSWORDS", None)
        context: dict = {}
        # No transaction around the builders: wagtail-localize publishes translations
        # on commit, from revisions saved earlier; deferred to the end of one big
        # transaction they would overwrite the tree counters of pages built since.
        # Every builder is idempotent, so a run that failed half-way is simply re-run.
        for dotted in DEMO_BUILDERS:
            module_name, func_name = dotted.rsplit(".", 1)
            builder = getattr(import_module(module_name), func_name)
            builder(context, stdout=self.stdout)
            self.stdout.write(f"  ✓ {dotted}")
        # Pages the builders made live without publishing them are still readable in every language.
        call_command("sync_languages", stdout=self.stdout)
        if passwords:
            self._accounts(passwords)
        else:
            self.stdout.write("No DEMO_PASSWORDS in these settings: demo accounts not created.")
        self.stdout.write(self.style.SUCCESS("Demo content loaded."))

    def _accounts(self, passwords):
        User = get_user_model()
        rows = []
        for username, group_names, is_superuser, purpose in DEMO_ACCOUNTS:
            password = passwords.get(username)
            if not password:
                raise CommandError(f"DEMO_PASSWORDS has no password for {username}")
            user, _ = User.objects.get_or_create(
                username=username, defaults={"email": f"{username}@cafeia.example"}
            )
            user.is_staff = True
            user.is_superuser = is_superuser
            user.set_password(password)
            user.save()
            for name in group_names:
                group = Group.objects.filter(name=name).first()
                if group is not None:
                    user.groups.add(group)
            rows.append((username, password, purpose))
        self.stdout.write("Demo accounts (dev only) for http://127.0.0.1:8000/admin/ :")
        for username, password, purpose in rows:
            self.stdout.write(f"  {username:<18} {password:<18} {purpose}")
