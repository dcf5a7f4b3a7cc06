#!/usr/bin/env bash
# Installs the pgvector extension into the local PostgreSQL 15 when it is missing.
# Debian bookworm ships no postgresql-15-pgvector, so it is built from Debian's
# (trixie) source package with the server's own headers.
set -euo pipefail
PGVER=${PGVER:-15}
PSQL=(psql -h 127.0.0.1 -U postgres -d postgres -tAc)

if [ "$("${PSQL[@]}" "select count(*) from pg_available_extensions where name='vector'")" = "1" ]; then
  echo "pgvector: already available"
  exit 0
fi

export DEBIAN_FRONTEND=noninteractive
work=$(mktemp -d); chmod 755 "$work"
trap 'rm -rf "$work"' EXIT

apt-get update -qq
apt-get install -y -qq "postgresql-server-dev-$PGVER" build-essential dpkg-dev >/dev/null

# A private sources list with a deb-src line for trixie, built from this machine's own mirror.
mirror=$(grep -h '^URIs:' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n1 | awk '{print $2}')
[ -n "$mirror" ] || mirror=$(grep -h '^deb ' /etc/apt/sources.list 2>/dev/null | head -n1 | awk '{print $2}')
mkdir -p "$work/lists/partial"
echo "deb-src [trusted=yes] $mirror trixie main" > "$work/sources.list"
APT_OPTS=(-o "Dir::Etc::sourcelist=$work/sources.list" -o "Dir::Etc::sourceparts=-" -o "Dir::State::Lists=$work/lists" -o "APT::Get::List-Cleanup=0")
apt-get "${APT_OPTS[@]}" update -qq
(cd "$work" && apt-get "${APT_OPTS[@]}" source --download-only pgvector >/dev/null)
(cd "$work" && dpkg-source -x pgvector_*.dsc src >/dev/null)
make -s -C "$work/src" OPTFLAGS="" PG_CONFIG="/usr/lib/postgresql/$PGVER/bin/pg_config" >/dev/null
make -s -C "$work/src" install PG_CONFIG="/usr/lib/postgresql/$PGVER/bin/pg_config" >/dev/null

# Installing the dev package can upgrade the server package: restart so new databases load plpgsql.
pg_ctlcluster --skip-systemctl-redirect "$PGVER" main restart
for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -q && break; sleep 1; done
echo "pgvector: installed $("${PSQL[@]}" "select default_version from pg_available_extensions where name='vector'")"
