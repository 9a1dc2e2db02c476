#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh: the database (pg_restore --clean) and the
# uploaded files. The target database must exist; its current content is replaced.
#
#   DATABASE_URL=postgres://user:pass@host:5432/cafeia MEDIA_ROOT=/srv/cafeia/media \
#     scripts/restore.sh /srv/backups/cafeia-20260101-030000
#
# Stop the site (gunicorn and db_worker) first; start it again afterwards.
set -euo pipefail

src="${1:?usage: scripts/restore.sh BACKUP_DIRECTORY}"
: "${DATABASE_URL:?DATABASE_URL must point at the PostgreSQL database to restore into}"
media_root="${MEDIA_ROOT:-$(cd "$(dirname "$0")/.." && pwd)/media}"
private_root="${PRIVATE_MEDIA_ROOT:-}"

[ -f "$src/db.dump" ] || { echo "no db.dump in $src" >&2; exit 1; }
if [ -f "$src/SHA256SUMS" ]; then
  ( cd "$src" && sha256sum --check --quiet SHA256SUMS )
fi

pg_restore --clean --if-exists --no-owner --no-privileges --exit-on-error \
  --dbname="$DATABASE_URL" "$src/db.dump"

if [ -f "$src/media.tar.gz" ]; then
  mkdir -p "$media_root"
  tar -C "$media_root" -xzf "$src/media.tar.gz"
fi
if [ -f "$src/private-media.tar.gz" ]; then
  [ -n "$private_root" ] || { echo "backup has private media but PRIVATE_MEDIA_ROOT is not set" >&2; exit 1; }
  mkdir -p "$private_root"
  tar -C "$private_root" -xzf "$src/private-media.tar.gz"
fi
echo "restored from $src"
