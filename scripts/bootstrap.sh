# Creates .venv with Python 3.11+ and installs Athletiq into it with the given extras.
# Sourced by run.sh and test.sh. On Debian/Ubuntu as root it installs what is missing.

athletiq_python() {
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
            echo "$candidate"
            return 0
        fi
    done
    echo "Athletiq needs Python 3.11 or newer; install it (e.g. apt-get install python3)." >&2
    return 1
}

athletiq_apt_install() {
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
            DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
    else
        echo "Please install these packages first: sudo apt-get install $*" >&2
        return 1
    fi
}

athletiq_venv() {
    local extras="$1" python stamp
    python=$(athletiq_python) || return 1
    if [ ! -x .venv/bin/python ]; then
        if ! "$python" -m venv .venv >/dev/null 2>&1; then
            rm -rf .venv
            echo "Python's venv module is missing; installing python3-venv…" >&2
            athletiq_apt_install python3-venv python3-pip || return 1
            "$python" -m venv .venv || return 1
        fi
        .venv/bin/python -m pip install -q --upgrade pip
    fi
    stamp=".venv/.athletiq-installed-$extras"
    if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
        .venv/bin/python -m pip install -q -e ".[$extras]" || return 1
        touch "$stamp"
    fi
}
