"""annalist.dask on a 2-worker LocalCluster: the CLI's events, dictionaries loaded once per worker."""
import glob
import json
import re

import pytest

distributed = pytest.importorskip("distributed")
db = pytest.importorskip("dask.bag")
dd = pytest.importorskip("dask.dataframe")
pd = pytest.importorskip("pandas")

import annalist  # noqa: E402
import annalist.dask  # noqa: E402
from conftest import ingest_cli, run_cli, store_contents  # noqa: E402


def without_input(jsonl):
    """Event lines with article.input cleared: a partition labels its records "partition:N"
    (it cannot know the file and line the CLI names); every other byte must match."""
    return re.sub(r'"input":"(?:[^"\\]|\\.)*"', '"input":""', jsonl)


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=50)
    with distributed.Client(cluster) as client:
        yield client
    cluster.close()


def test_code_bag_on_cluster_matches_cli(client, cli, gigaword, tmp_path):
    expected = run_cli(cli, gigaword).stdout
    records = [json.loads(line) for line in open(gigaword, encoding="utf-8") if line.strip()]
    bag = db.from_sequence(records, npartitions=4)
    parts = annalist.dask.to_jsonl(annalist.dask.code_bag(bag, jsonl=True), str(tmp_path / "events"))
    assert len(parts) == 4
    written = "".join(open(p, encoding="utf-8").read() for p in sorted(glob.glob(str(tmp_path / "events/*.jsonl"))))
    assert without_input(written) == without_input(expected)
    assert '"input":"partition:' in written
    # Dicts through the bag, written back by Python: the same bytes.
    annalist.dask.to_jsonl(annalist.dask.code_bag(bag), str(tmp_path / "dicts"))
    written = "".join(open(p, encoding="utf-8").read() for p in sorted(glob.glob(str(tmp_path / "dicts/*.jsonl"))))
    assert without_input(written) == without_input(expected)
    # A worker that coded loaded the built-in dictionaries once, however many partitions
    # and runs it took. (Which workers get partitions is the scheduler's choice: a clean
    # clone's CI once saw all eight go to one worker, so "both coded" is not asserted.)
    loaded = client.run(annalist.dask.loaded_coders)
    assert len(loaded) == 2 and set(loaded.values()) <= {0, 1} and sum(loaded.values()) >= 1, loaded


def test_code_dataframe_on_cluster(client, gigaword):
    frame = pd.read_json(gigaword, lines=True, dtype={"date": str, "id": str})
    frame = frame.rename(columns={"text": "body", "id": "story"})
    frame.loc[3, "body"] = None  # a bad record: reported on the worker, not fatal
    ddf = dd.from_pandas(frame, npartitions=3)
    events = annalist.dask.code_dataframe(ddf, text="body", date="date", id="story").compute()
    records = frame.rename(columns={"body": "text", "story": "id"}).to_dict("records")
    with pytest.warns(annalist.RecordWarning):
        local = annalist.Coder().code_frame(records)
    for frame_ in (events, local):
        frame_["article"] = [dict(a, input="") for a in frame_["article"]]
    assert len(local) > 20
    pd.testing.assert_frame_equal(events.reset_index(drop=True), local)


def test_ingest_bag_on_cluster_stores_what_the_cli_ingest_stores(client, cli, gigaword, tmp_path):
    # Both workers write the one SQLite file, taking turns as its writer.
    ingest_cli(cli, tmp_path / "cli.db", gigaword)
    records = [json.loads(line) for line in open(gigaword, encoding="utf-8") if line.strip()]
    totals = annalist.dask.ingest_bag(db.from_sequence(records, npartitions=4), tmp_path / "dask.db", batch_size=10)
    articles, mentions, events = store_contents(tmp_path / "dask.db")
    assert totals == {"articles": len(records), "skipped": 0, "mentions": len(mentions), "rejected": 0}
    assert (articles, mentions, events) == store_contents(tmp_path / "cli.db")
