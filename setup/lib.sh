# Shared set-up steps of setup/run.sh and setup/test.sh. Sourced, not run.
#
# Environment (all optional):
#   ODOO_SRC         Odoo 18.0 source: a directory or an archive (.tar.gz, .tgz, .zip)
#   OPS_CACHE        cache folder shared by every clone (default ~/.cache/ops-suite)
#   OPS_PYTHON       Python interpreter for the virtual environment (3.10 - 3.12)
#   OPS_DB_HOST, OPS_DB_PORT, OPS_DB_USER, OPS_DB_PASSWORD   database connection
#   OPS_ODOO_ARCHIVE_URL  where the official source archive is fetched from

set -euo pipefail

OPS_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OPS_CACHE=${OPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ops-suite}
OPS_VENV=$OPS_CACHE/venv
OPS_CONF=$OPS_ROOT/.odoorc
OPS_DB_HOST=${OPS_DB_HOST:-127.0.0.1}
OPS_DB_PORT=${OPS_DB_PORT:-5432}
OPS_DB_USER=${OPS_DB_USER:-ops_suite}
OPS_DB_PASSWORD=${OPS_DB_PASSWORD:-ops_suite}
OPS_ODOO_ARCHIVE_URL=${OPS_ODOO_ARCHIVE_URL:-https://nightly.odoo.com/18.0/nightly/src/odoo_18.0.latest.tar.gz}
OPS_SYS_PYTHON=$(command -v python3 || true)
export PGHOST=$OPS_DB_HOST PGPORT=$OPS_DB_PORT PGPASSWORD=$OPS_DB_PASSWORD

say() { printf '\033[1m[ops]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[1;31m[ops]\033[0m %s\n' "$*" >&2; exit 2; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        die "Need root to run: $* (run as root or install sudo)."
    fi
}

apt_install() {
    local missing=()
    for pkg in "$@"; do
        dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "Installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# --- PostgreSQL -------------------------------------------------------------

ensure_postgres() {
    if ! command -v pg_lsclusters >/dev/null 2>&1; then
        apt_install postgresql postgresql-client
    fi
    local version
    version=$(pg_lsclusters -h 2>/dev/null | awk '{print $1}' | sort -V | tail -n 1)
    if [ -z "$version" ]; then
        version=$(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' | sort -V | tail -n 1)
        say "Creating PostgreSQL $version cluster 'main'"
        as_root pg_createcluster "$version" main >/dev/null
    fi
    if ! pg_isready -q -h "$OPS_DB_HOST" -p "$OPS_DB_PORT"; then
        say "Starting PostgreSQL $version"
        as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
        for _ in $(seq 30); do pg_isready -q -h "$OPS_DB_HOST" -p "$OPS_DB_PORT" && break; sleep 1; done
    fi
    pg_isready -q -h "$OPS_DB_HOST" -p "$OPS_DB_PORT" || die "PostgreSQL does not answer on $OPS_DB_HOST:$OPS_DB_PORT."
    say "PostgreSQL $version is running on $OPS_DB_HOST:$OPS_DB_PORT"
    ensure_db_role
}

pg_super() {
    # psql as the cluster's superuser, through the local socket.
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 -tA "$@"
    elif [ "$(id -un)" = postgres ]; then
        psql -X -q -v ON_ERROR_STOP=1 -tA "$@"
    else
        sudo -u postgres psql -X -q -v ON_ERROR_STOP=1 -tA "$@"
    fi
}

ensure_db_role() {
    [ "$OPS_DB_USER" != postgres ] || die "OPS_DB_USER must not be 'postgres': Odoo refuses that role."
    if [ "$(pg_super -c "SELECT 1 FROM pg_roles WHERE rolname = '$OPS_DB_USER'")" != 1 ]; then
        say "Creating database role $OPS_DB_USER"
        pg_super -c "CREATE ROLE \"$OPS_DB_USER\" LOGIN CREATEDB PASSWORD '$OPS_DB_PASSWORD'"
    fi
    # PostgreSQL's JIT compiles Odoo's short queries for longer than they run
    # (seen: 1.8 s of compiling for a 1.6 s report); Odoo's workload runs
    # better without it.
    if [ "$(pg_super -c "SELECT 1 FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
            WHERE r.rolname = '$OPS_DB_USER' AND 'jit=off' = ANY(s.setconfig)")" != 1 ]; then
        say "Turning PostgreSQL's JIT off for role $OPS_DB_USER"
        pg_super -c "ALTER ROLE \"$OPS_DB_USER\" SET jit = off"
    fi
}

# --- Python and Odoo --------------------------------------------------------

pick_python() {
    if [ -n "${OPS_PYTHON:-}" ]; then echo "$OPS_PYTHON"; return; fi
    for candidate in python3 python3.12 python3.11 python3.10; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(not ((3, 10) <= sys.version_info[:2] <= (3, 12)))' 2>/dev/null; then
            echo "$candidate"
            return
        fi
    done
    die "No Python 3.10-3.12 found: install one or set OPS_PYTHON."
}

venv_has_odoo18() {
    [ -x "$OPS_VENV/bin/python" ] && "$OPS_VENV/bin/python" -c \
        'import odoo.release as r, sys; sys.exit(r.version_info[:2] != (18, 0))' 2>/dev/null
}

stamp_ok() { [ -f "$OPS_VENV/.ops-$1" ] && [ "$(cat "$OPS_VENV/.ops-$1")" = "$2" ]; }
stamp_set() { echo "$2" >"$OPS_VENV/.ops-$1"; }
files_hash() { cat "$@" 2>/dev/null | sha256sum | cut -c1-16; }

ensure_venv() {
    if [ ! -x "$OPS_VENV/bin/python" ]; then
        local py
        py=$(pick_python)
        say "Creating Python environment $OPS_VENV ($($py --version))"
        mkdir -p "$OPS_CACHE"
        "$py" -m venv "$OPS_VENV"
        "$OPS_VENV/bin/pip" install -q --upgrade pip "setuptools<81" wheel
    fi
    export PATH="$OPS_VENV/bin:$PATH"
}

# Unpack or copy the named Odoo source into the cache, so that a clone, CI or
# a later run does not depend on the original still being there.
odoo_source_from_env() {
    local src=$ODOO_SRC dest
    [ -e "$src" ] || die "ODOO_SRC=$src does not exist: set it to an Odoo 18.0 source directory or archive."
    dest=$OPS_CACHE/odoo-src
    rm -rf "$dest" "$dest.tmp" && mkdir -p "$dest.tmp"
    if [ -d "$src" ]; then
        say "Copying Odoo source from $src"
        (cd "$src" && tar -c --exclude=.git .) | tar -x -C "$dest.tmp"
    else
        say "Unpacking Odoo source archive $src"
        case "$src" in
            *.zip) "$OPS_VENV/bin/python" -m zipfile -e "$src" "$dest.tmp" ;;
            *) tar -xf "$src" -C "$dest.tmp" ;;
        esac
    fi
    # Archives usually hold one top folder: the source root is where setup.py is.
    local root
    root=$(dirname "$(find "$dest.tmp" -maxdepth 3 -name setup.py -path '*/setup.py' -print | sort | head -n 1)")
    [ -f "$root/odoo/release.py" ] || die "ODOO_SRC=$src holds no Odoo source (no odoo/release.py): set it to an Odoo 18.0 source directory or archive."
    grep -q "version_info = (18, 0" "$root/odoo/release.py" ||
        die "ODOO_SRC=$src is not Odoo 18.0: set it to an Odoo 18.0 source directory or archive."
    mv "$root" "$dest" && rm -rf "$dest.tmp"
    echo "$dest"
}

odoo_source_installed_elsewhere() {
    # An Odoo 18.0 that another Python of this machine already imports (a
    # Debian package, another environment): print the folder holding it.
    local py
    for py in "$OPS_SYS_PYTHON" /usr/bin/python3; do
        [ -n "$py" ] && [ -x "$py" ] || continue
        "$py" -c 'import os, sys, odoo.release as r
if r.version_info[:2] != (18, 0): sys.exit(1)
print(os.path.dirname(os.path.dirname(os.path.realpath(r.__file__))))' 2>/dev/null && return 0
    done
    return 1
}

odoo_source_official() {
    local archive=$OPS_CACHE/odoo_18.0.latest.tar.gz
    say "Fetching Odoo 18.0 source archive from $OPS_ODOO_ARCHIVE_URL"
    if curl -fsSL --connect-timeout 15 --max-time 1200 -o "$archive.part" "$OPS_ODOO_ARCHIVE_URL" 2>/dev/null; then
        mv "$archive.part" "$archive"
        ODOO_SRC=$archive odoo_source_from_env
        return 0
    fi
    rm -f "$archive.part"
    return 1
}

install_odoo_requirements() {
    local root=$1 reqs
    reqs=$root/requirements.txt
    [ -f "$reqs" ] || return 0
    stamp_ok odoo-requirements "$(files_hash "$reqs")" && return 0
    if grep -qi '^python-ldap' "$reqs"; then apt_install libldap2-dev libsasl2-dev; fi
    apt_install libpq-dev
    say "Installing Odoo's Python requirements (once)"
    # cbor2 5.4.2 has no wheel for Python 3.11 and its sdist imports
    # pkg_resources: build it with setuptools<81.
    echo "setuptools<81" >"$OPS_CACHE/build-constraints.txt"
    "$OPS_VENV/bin/pip" install -q --build-constraint "$OPS_CACHE/build-constraints.txt" -r "$reqs"
    stamp_set odoo-requirements "$(files_hash "$reqs")"
}

ensure_odoo() {
    if venv_has_odoo18 && { [ -z "${ODOO_SRC:-}" ] || stamp_ok odoo-src "$ODOO_SRC"; }; then
        say "Odoo 18.0 already installed in $OPS_VENV"
        return 0
    fi
    local root=""
    if [ -n "${ODOO_SRC:-}" ]; then
        root=$(odoo_source_from_env)
    elif root=$(odoo_source_installed_elsewhere); then
        say "Using the Odoo 18.0 found at $root"
    elif ! root=$(odoo_source_official); then
        die "Odoo 18.0 not found: set ODOO_SRC to an Odoo 18.0 source directory or archive (e.g. ODOO_SRC=/path/to/odoo-18.0 bash $0)."
    fi
    install_odoo_requirements "$root"
    if [ -f "$root/setup.py" ]; then
        say "Installing Odoo 18.0 from $root"
        # compat mode: OCA wheels create site-packages/odoo/addons, which would
        # shadow a strict editable install of the odoo package.
        "$OPS_VENV/bin/pip" install -q --no-deps -e "$root" --config-settings editable_mode=compat
    else
        # An installed package, not a source tree: link only the odoo package.
        mkdir -p "$OPS_CACHE/odoo-link"
        ln -sfn "$root/odoo" "$OPS_CACHE/odoo-link/odoo"
        echo "$OPS_CACHE/odoo-link" >"$("$OPS_VENV/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')/ops-odoo.pth"
    fi
    stamp_set odoo-src "${ODOO_SRC:-}"
    venv_has_odoo18 || die "Odoo 18.0 did not install into $OPS_VENV."
}

ensure_requirements() {
    local h
    h=$(files_hash "$OPS_ROOT/setup/requirements.txt" "$OPS_ROOT/setup/requirements-lint.txt")
    stamp_ok requirements "$h" && return 0
    say "Installing pinned requirements (setup/requirements*.txt)"
    "$OPS_VENV/bin/pip" install -q -r "$OPS_ROOT/setup/requirements.txt" -r "$OPS_ROOT/setup/requirements-lint.txt"
    stamp_set requirements "$h"
}

odoo_addons_paths() {
    # Every folder of addons: Odoo's own (next to the odoo package in a source
    # tree, inside it otherwise), the OCA wheels', and ours.
    "$OPS_VENV/bin/python" - "$OPS_ROOT/addons" <<'PY'
import os, sys
import odoo
paths = []
base = os.path.dirname(odoo.__file__)
for cand in (os.path.join(os.path.dirname(base), "addons"), os.path.join(base, "addons")):
    if os.path.isdir(cand) and os.path.isfile(os.path.join(cand, "web", "__manifest__.py")):
        paths.append(cand)
import odoo.addons
for p in odoo.addons.__path__:
    p = os.path.realpath(p)
    if p not in paths and os.path.isdir(p) and any(
        os.path.isfile(os.path.join(p, d, "__manifest__.py")) for d in os.listdir(p)
    ):
        paths.append(p)
paths.append(sys.argv[1])
print(",".join(dict.fromkeys(paths)))
PY
}

confidentiality_key() {
    # The key that encrypts the attachments of secret records: kept outside
    # the database, in the cache folder (or given as OPS_CONFIDENTIALITY_KEY).
    local file=$OPS_CACHE/confidentiality.key
    if [ -n "${OPS_CONFIDENTIALITY_KEY:-}" ]; then
        printf '%s' "$OPS_CONFIDENTIALITY_KEY"
        return
    fi
    if [ ! -s "$file" ]; then
        (umask 077 && "$OPS_VENV/bin/python" -c \
            'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())' >"$file")
    fi
    cat "$file"
}

write_config() {
    local addons_path key
    addons_path=$(odoo_addons_paths)
    key=$(confidentiality_key)
    mkdir -p "$OPS_CACHE/data"
    sed -e "s|@ADDONS_PATH@|$addons_path|" \
        -e "s|@CONFIDENTIALITY_KEY@|$key|" \
        -e "s|@DATA_DIR@|$OPS_CACHE/data|" \
        -e "s|@DB_HOST@|$OPS_DB_HOST|" \
        -e "s|@DB_PORT@|$OPS_DB_PORT|" \
        -e "s|@DB_USER@|$OPS_DB_USER|" \
        -e "s|@DB_PASSWORD@|$OPS_DB_PASSWORD|" \
        "$OPS_ROOT/setup/odoo.conf.template" >"$OPS_CONF"
    say "Wrote Odoo configuration $OPS_CONF"
}

ensure_system_tools() {
    # wkhtmltopdf prints Odoo's PDF reports.
    command -v wkhtmltopdf >/dev/null 2>&1 || apt_install wkhtmltopdf
}

ensure_all() {
    ensure_postgres
    ensure_system_tools
    ensure_venv
    ensure_odoo
    ensure_requirements
    write_config
}

# Odoo's Chinese chart of accounts (小企业会计准则 / 企业会计准则): installed beside
# the suite by the set-up, for the demo company and the tests on a Chinese
# company; no addon of the suite depends on it. Its two demo companies stay
# (archiving a company with a chart breaks Odoo's check of the "Current Year
# Earnings" account); the demo users work in the main company only.
OPS_LOCALISATION=l10n_cn

ops_addons() {
    # Every ops_* addon of the repository, comma separated.
    find "$OPS_ROOT/addons" -mindepth 2 -maxdepth 2 -name __manifest__.py -path '*/ops_*' -printf '%h\n' |
        xargs -n1 basename | sort | paste -sd, -
}

db_exists() {
    [ "$(psql -U "$OPS_DB_USER" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$1'" 2>/dev/null)" = 1 ]
}

# The demo database: created once (a company in China, in CNY, on Odoo's
# Chinese chart, the suite with its demo data and Simplified Chinese), then
# updated only when the addons changed. Used by run.sh and screens.sh.
ensure_demo_db() {
    local DB=$1 ADDONS STAMP HASH
    ADDONS=$(ops_addons)
    STAMP=$OPS_CACHE/demo-$DB.hash
    HASH=$(cd "$OPS_ROOT" && find addons -type f -not -name '*.pyc' -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16)
    # The people who use the suite are Chinese: Simplified Chinese is loaded with
    # the suite's translations, and the demo users speak it (the administrator
    # keeps English; each user switches in their Preferences).
    local LANGS=zh_CN
    if ! db_exists "$DB"; then
        say "Creating demo database $DB: a company in China (CNY) on Odoo's Chinese chart of accounts, then ops_suite with its demo data and Simplified Chinese (a few minutes, once)"
        # As Odoo's database manager creates a database for a country: the main
        # company in China and in CNY before accounting is installed, so that the
        # Chinese chart is loaded before the suite's demo books anything.
        odoo -c "$OPS_CONF" -d "$DB" -i base --stop-after-init --log-level=warn
        odoo shell -c "$OPS_CONF" -d "$DB" --log-level=error --no-http <<'PY'
cny = env.ref("base.CNY")
cny.active = True
env.ref("base.main_company").write({"country_id": env.ref("base.cn").id, "currency_id": cny.id})
env.cr.commit()
PY
        # Chinese loaded before the chart, so that its accounts get their Chinese names.
        odoo -c "$OPS_CONF" -d "$DB" -i "$OPS_LOCALISATION" --load-language="$LANGS" \
            --stop-after-init --log-level=warn
        # The demo users speak Chinese (ops_org's demo, as Chinese is loaded).
        odoo -c "$OPS_CONF" -d "$DB" -i ops_suite --load-language="$LANGS" --stop-after-init --log-level=warn
        echo "$HASH" >"$STAMP"
    elif [ "$(cat "$STAMP" 2>/dev/null)" != "$HASH" ]; then
        say "Addons changed since the last run: updating $ADDONS and their Chinese in $DB"
        odoo -c "$OPS_CONF" -d "$DB" -i ops_suite -u "$ADDONS" --load-language="$LANGS" \
            --stop-after-init --log-level=warn
        echo "$HASH" >"$STAMP"
    else
        say "Demo database $DB is up to date"
    fi
}

# The options of Odoo's multi-process (prefork) server, as production runs it
# (setup/run.sh with OPS_PRODUCTION=1, setup/load.sh; README: "How it scales"):
# HTTP workers (OPS_WORKERS, default 2 x cores + 1), one cron worker, the
# gevent port for the websocket, proxy mode, and request limits. OCA
# queue_job's runner is a server-wide module of the configuration: in prefork
# mode it starts as a process of its own, with the channel capacities of its
# [queue_job] section, and runs each job chunk as a request to an HTTP worker,
# so limit_time_real covers the longest chunk. Later options override these.
odoo_production_args() {
    local workers=${OPS_WORKERS:-$((2 * $(nproc) + 1))}
    printf '%s\n' \
        "--workers=$workers" \
        "--max-cron-threads=1" \
        "--gevent-port=${OPS_GEVENT_PORT:-8072}" \
        "--proxy-mode" \
        "--limit-time-cpu=120" \
        "--limit-time-real=240" \
        "--limit-memory-soft=$((2048 * 1024 * 1024))" \
        "--limit-memory-hard=$((2560 * 1024 * 1024))"
}
