"""Print, as JSON, every personal datum the site holds about one e-mail address (access request)."""
import json

from django.core.management.base import BaseCommand

from cafeia_site import personal_data


class Command(BaseCommand):
    help = "Export the personal data held about an e-mail address, from every registered app, as JSON."

    def add_arguments(self, parser):
        parser.add_argument("--email", required=True)
        parser.add_argument("--output", help="Write to this file instead of standard output.")

    def handle(self, *args, email, output=None, **options):
        data = {"email": email, "sources": personal_data.export(email)}
        text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
        if output:
            with open(output, "w", encoding="utf-8") as fh:
                fh.write(text + "\n")
            self.stderr.write(f"Written to {output}")
        else:
            self.stdout.write(text)
