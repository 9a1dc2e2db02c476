#!/usr/bin/env bash
# Back up the Café IA site: the PostgreSQL database (pg_dump custom format) and the uploaded
# files (MEDIA_ROOT, and PRIVATE_MEDIA_ROOT when set), into one new directory.
#
#   DATABASE_URL=postgres://user:pass@host:5432/cafeia MEDIA_ROOT=/srv/cafeia/media \
#     scripts/backup.sh /srv/backups            # -> /srv/backups/cafeia-20260101-030000/
#
# Prints the backup directory on its last line. Exits non-zero on any failure.
set -euo pipefail

dest_root="${1:-./backups}"
: "${DATABASE_URL:?DATABASE_URL must point at the PostgreSQL database to back up}"
media_root="${MEDIA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)/media}"
private_root="${PRIVATE_MEDIA_ROOT:-}"

stamp="$(date -u +%Y%m%d-%H%M%S)"
dest="${dest_root%/}/cafeia-${stamp}"
mkdir -p "$dest"
umask 077   # dumps hold personal data

pg_dump --format=custom --no-owner --no-privileges --file="$dest/db.dump" --dbname="$DATABASE_URL"

if [ -d "$media_root" ]; then
  tar -C "$media_root" -czf "$dest/media.tar.gz" .
fi
if [ -n "$private_root" ] && [ -d "$private_root" ]; then
  tar -C "$private_root" -czf "$dest/private-media.tar.gz" .
fi

( cd "$dest" && sha256sum -- * > SHA256SUMS )
echo "$dest"
