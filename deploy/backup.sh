#!/usr/bin/env bash
# The nightly backup (deploy/systemd/insist-backup.service), run from the
# repository with the environment file loaded. Writes one folder per run:
#
#   $INSIST_BACKUP_DIR/<UTC time>/database.dump   the whole database (pg_dump -Fc:
#                                                 public schema, every region, the
#                                                 template); restore: pg_restore
#   $INSIST_BACKUP_DIR/<UTC time>/<slug>.tar.gz   each region on its own
#                                                 (manage.py region_restore)
#   $INSIST_BACKUP_DIR/<UTC time>/files.tar.gz    MEDIA_ROOT and the materials
#                                                 storage, if kept on disk
#
# and deletes runs older than INSIST_BACKUP_KEEP_DAYS. Copy the folder off the
# host (restic, borg, rsync to another site): a backup on the same disk is no
# backup. pg_dump must be the server's major version or newer (Debian:
# postgresql-client-<major>).
set -euo pipefail
cd "$(dirname "$0")/.."

backup_dir="${INSIST_BACKUP_DIR:-/srv/insist/backups}"
keep_days="${INSIST_BACKUP_KEEP_DAYS:-14}"
media_root="${DJANGO_MEDIA_ROOT:-/srv/insist/media}"
materials_root="${INSIST_MATERIALS_ROOT:-}"
python=.venv/bin/python

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
dest="$backup_dir/$stamp"
mkdir -p "$dest"
started=$(date +%s)

echo "database -> $dest/database.dump"
pg_dump --format=custom --no-owner --dbname="$DATABASE_URL" --file="$dest/database.dump.partial"
mv "$dest/database.dump.partial" "$dest/database.dump"

for slug in $($python manage.py shell -c \
    "from tenants.selectors import region_list; print(*region_list().values_list('schema_name', flat=True))"); do
    $python manage.py region_backup "$slug" --output "$dest/$slug.tar.gz"
done

folders=("$media_root")
if [ -n "$materials_root" ] && [ -d "$materials_root" ]; then folders+=("$materials_root"); fi
echo "files (${folders[*]}) -> $dest/files.tar.gz"
tar --create --gzip --file="$dest/files.tar.gz.partial" --absolute-names "${folders[@]}"
mv "$dest/files.tar.gz.partial" "$dest/files.tar.gz"

find "$backup_dir" -mindepth 1 -maxdepth 1 -type d -mtime +"$keep_days" -print -exec rm -rf {} +
echo "backup $stamp done in $(( $(date +%s) - started )) s: $(du -sh "$dest" | cut -f1)"
