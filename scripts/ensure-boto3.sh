#!/bin/sh
# Makes boto3 importable by Debian's python3, then runs that python with the arguments given (if any).
#
# boto3 comes from Debian's python3-boto3 package (no PyPI): if `import boto3` fails and we are root with apt-get,
# it installs the package (one `apt-get update` and retry when the first install fails on stale lists).
# Exit 77 (the "skipped" code of automake tests) with a line starting "SKIPPED boto3" when boto3 stays unavailable,
# so the calling test can skip with that reason.
#
# SYNCSHIFT_BOTO3_PYTHON overrides the interpreter (default /usr/bin/python3, never a pyenv or venv one); an
# override is only checked, never installed into.
set -u

PYTHON="${SYNCSHIFT_BOTO3_PYTHON:-/usr/bin/python3}"

has_boto3() {
    [ -x "$PYTHON" ] && "$PYTHON" -c 'import boto3' >/dev/null 2>&1
}

apt_install() {
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        -o Acquire::http::Timeout=20 python3-boto3 >/dev/null 2>&1
}

if ! has_boto3; then
    if [ "$PYTHON" = /usr/bin/python3 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "ensure-boto3: installing Debian's python3-boto3" >&2
        apt_install || { apt-get update -q -o Acquire::http::Timeout=20 >/dev/null 2>&1 && apt_install; }
    fi
fi

if ! has_boto3; then
    if [ ! -x "$PYTHON" ]; then
        echo "SKIPPED boto3 checks: $PYTHON is not an executable python"
    elif [ "$PYTHON" != /usr/bin/python3 ]; then
        echo "SKIPPED boto3 checks: $PYTHON cannot import boto3 (only /usr/bin/python3 gets python3-boto3)"
    else
        echo "SKIPPED boto3 checks: $PYTHON cannot import boto3 and python3-boto3 could not be installed" \
            "(needs root, apt-get and Debian's package lists)"
    fi
    exit 77
fi

[ $# -eq 0 ] && exit 0
exec "$PYTHON" "$@"
