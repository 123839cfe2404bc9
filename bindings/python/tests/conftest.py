"""Shared fixtures. Run through ctest (run_pytest.sh sets ANNALIST_CLI, ANNALIST_SHARED_DIR
and PYTHONPATH) or by hand:
    PYTHONPATH=build/python ANNALIST_CLI=build/annalist /usr/bin/python3 -m pytest bindings/python/tests
"""
import os
import subprocess

import pytest

import annalist

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))

# A small PETRARCH-2 dictionary pair (the CLI tests' own), given as files and from memory.
VERBS = ("--- ACCUSE [112] ---\nACCUSE\n- * [112]\n\n"
         "--- CONDEMN [122] ---\nCONDEMN\n- * [122]\n")
ACTORS = "IRAN_ [IRN]\nISRAEL_ [ISR]\nFRANCE_ [FRA]\n"


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("ANNALIST_CLI") or os.path.join(ROOT, "build", "annalist")
    if not os.path.exists(path):
        pytest.skip(f"annalist CLI not found at {path} (set ANNALIST_CLI)")
    return path


@pytest.fixture(scope="session")
def shared():
    path = os.environ.get("ANNALIST_SHARED_DIR") or os.path.join(ROOT, "..", "shared")
    if not os.path.isdir(os.path.join(path, "reference")):
        pytest.skip(f"reference data not found in {path} (../shared beside the repository)")
    return path


@pytest.fixture(scope="session")
def gigaword(shared):
    path = os.path.join(shared, "reference", "eval", "gigaword-sample.text.jsonl")
    if not os.path.exists(path):
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture(scope="session")
def coder():
    return annalist.Coder()


def run_cli(cli, *args, check=True):
    result = subprocess.run([cli, "code", *args], capture_output=True, text=True, encoding="utf-8")
    if check and result.returncode not in (0, 1):
        raise AssertionError(f"annalist code {' '.join(args)} failed ({result.returncode}): {result.stderr}")
    return result


def ingest_cli(cli, db, *inputs):
    result = subprocess.run([cli, "ingest", "--db", str(db), *inputs], capture_output=True, text=True,
                            encoding="utf-8")
    if result.returncode not in (0, 1):
        raise AssertionError(f"annalist ingest failed ({result.returncode}): {result.stderr}")


def store_contents(db):
    """What a SQLite store holds, for comparing two ingests: its articles (id, checksum), its
    mentions (article, position, actors, code) and the number of merged events."""
    import sqlite3

    with sqlite3.connect(str(db)) as con:
        articles = sorted(con.execute("SELECT id, checksum FROM articles"))
        mentions = sorted(con.execute("SELECT article_id, idx, source, target, code FROM mentions"))
        events = con.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    return articles, mentions, events
