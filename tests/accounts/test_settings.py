"""The settings refuse to start production without a secret and pass Django's deploy check."""

import os
import subprocess
import sys

import pytest

BASE_ENV = {k: v for k, v in os.environ.items() if k not in {
    "SECRET_KEY", "DEBUG", "FICARCHIVE_TESTING", "DATABASE_URL", "REDIS_URL",
    "DJANGO_ALLOW_ASYNC_UNSAFE"}}  # fmt: skip


def run_ficarchive(*args, **env):
    return subprocess.run(
        [sys.executable, "-m", "ficarchive", *args],
        env={**BASE_ENV, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_mode_without_a_secret_key_refuses_to_start(tmp_path):
    result = run_ficarchive("check", FICARCHIVE_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


@pytest.mark.parametrize("value", ["maybe", "2"])
def test_a_nonsense_boolean_is_refused_by_name(tmp_path, value):
    result = run_ficarchive("check", DEBUG=value, FICARCHIVE_DATA_DIR=str(tmp_path))
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_production_settings_pass_the_deploy_check_with_no_warning(tmp_path):
    result = run_ficarchive(
        "check", "--deploy", "--fail-level", "WARNING",
        SECRET_KEY="k" * 20 + "a-production-secret-of-more-than-fifty-characters-9f8e7d",
        ALLOWED_HOSTS="fics.example.org",
        FICARCHIVE_DATA_DIR=str(tmp_path),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout
