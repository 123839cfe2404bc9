"""annalist.Coder against the CLI: the same events, byte for byte; bad records reported."""
import json
import os
import subprocess
import sys
import warnings

import pytest

import annalist
from conftest import ACTORS, VERBS, ingest_cli, run_cli, store_contents


def read_records(path):
    with open(path, encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def test_pipe_matches_cli_on_gigaword(cli, gigaword, coder):
    expected = run_cli(cli, "--threads", "2", gigaword).stdout
    assert expected.count("\n") > 20  # the sample gives events; an empty run proves nothing
    records = read_records(gigaword)
    got = "".join(coder.pipe(records, threads=2, jsonl=True, name=gigaword, batch_size=16))
    assert got == expected
    # The dicts are the CLI's JSON objects, field for field and in the same order.
    events = [e for batch in coder.pipe(records, threads=3, name=gigaword) for e in batch]
    cli_events = [json.loads(line) for line in expected.splitlines()]
    assert events == cli_events
    assert [list(e) for e in events] == [list(e) for e in cli_events]
    assert all(set(e) <= set(annalist.EVENT_FIELDS) for e in events)


def test_pipe_is_ordered_for_any_thread_count(gigaword, coder):
    records = read_records(gigaword)
    one = list(coder.pipe(records, threads=1, jsonl=True))
    assert len(one) == len(records)
    for threads, batch_size in ((2, 5), (4, 1), (3, 1000)):
        assert list(coder.pipe(records, threads=threads, batch_size=batch_size, jsonl=True)) == one


def test_code_matches_cli_on_example_story(cli, shared, coder):
    path = os.path.join(shared, "examples", "tehran-press-conference.txt")
    if not os.path.exists(path):
        pytest.skip(f"{path} is absent")
    expected = run_cli(cli, path).stdout
    assert expected.count("\n") >= 5
    with open(path, encoding="utf-8") as story:
        text = story.read()
    assert coder.code_jsonl(text, name=path) == expected
    assert coder.code(text, name=path) == [json.loads(line) for line in expected.splitlines()]


def test_dictionaries_from_files_and_memory_match_cli(cli, tmp_path):
    (tmp_path / "verbs.txt").write_text(VERBS)
    (tmp_path / "actors.txt").write_text(ACTORS)
    article = tmp_path / "a.jsonl"
    article.write_text(json.dumps({"id": "a", "date": "2015-03-02", "text": "Iran accused Israel."}) + "\n")
    verbs, actors = str(tmp_path / "verbs.txt"), str(tmp_path / "actors.txt")
    expected = run_cli(cli, "--verbs", verbs, "--actors", actors, str(article)).stdout
    assert '"code":"112"' in expected
    from_files = annalist.Coder(dictionaries={"verbs": verbs, "actors": [actors]})
    from_memory = annalist.Coder(dictionaries={"verbs": [(verbs, VERBS)], "actors": [(actors, ACTORS)]})
    for coder in (from_files, from_memory):
        assert coder.code_jsonl("Iran accused Israel.", id="a", date="2015-03-02", name=f"{article}:1") == expected
    event = from_memory.code("Iran accused Israel.", id="a", date="2015-03-02")[0]
    assert (event["source"], event["target"], event["code"], event["rule"]) == ("IRN", "ISR", "112", "verbs.txt:2")


def test_bad_dictionaries_raise():
    with pytest.raises(ValueError, match="no-such-verbs.txt"):
        annalist.Coder(dictionaries={"verbs": "/no/such/dir/no-such-verbs.txt"})
    with pytest.raises(ValueError, match="unknown dictionary kind"):
        annalist.Coder(dictionaries={"verb": "x"})
    with pytest.raises(ValueError, match="require_dyad"):
        annalist.Coder(options={"require_dyad": "perhaps"})


def test_bad_records_are_reported_not_fatal(coder):
    records = [
        {"id": "good", "text": "Iran accused Israel of the attack."},
        {"id": "no-text", "title": "nothing"},
        {"id": "bad-options", "text": "Iran accused Israel.", "options": {"comma_max": -3}},
        {"text": "   "},
        {"id": "bad-date", "date": "yesterday", "text": "Iran accused Israel of the attack."},
        "France condemned Iran.",
    ]
    coder.errors.clear()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        results = list(coder.pipe(records, threads=2, name="batch"))
    assert len(results) == len(records)
    assert results[0] and results[4] and results[5]
    assert results[1] == [] and results[2] == [] and results[3] == []
    assert results[4][0]["date"] is None  # coded with the date unknown, as the CLI does
    assert results[5][0]["doc_id"].startswith("text:")  # the CLI's content id
    assert results[5][0]["article"]["input"] == "batch:6"
    messages = [str(w.message) for w in caught if issubclass(w.category, annalist.RecordWarning)]
    assert any("record 2 (id 'no-text')" in m and "no \"text\"" in m for m in messages), messages
    assert any("record 3 (id 'bad-options')" in m and "comma_max" in m for m in messages), messages
    assert any("record 4 (id None)" in m and "empty" in m for m in messages), messages
    assert any("record 5 (id 'bad-date')" in m and "yesterday" in m for m in messages), messages
    assert [(e["record"], e["id"]) for e in coder.errors] == [(2, "no-text"), (3, "bad-options"), (4, None)]

    with pytest.raises(annalist.RecordError, match=r"record 2 \(id 'no-text'\)"):
        list(coder.pipe(records, errors="raise"))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert len(list(coder.pipe(records, errors="ignore"))) == len(records)
    with pytest.raises(annalist.RecordError, match="article 'empty'.*empty"):
        coder.code("  ", id="empty")
    with pytest.raises(TypeError):
        list(coder.pipe([42]))


def test_code_frame_and_read_events(cli, gigaword, coder, tmp_path):
    pd = pytest.importorskip("pandas")
    records = read_records(gigaword)
    frame = coder.code_frame(records, threads=2, name=gigaword)
    assert list(frame.columns) == list(annalist.EVENT_FIELDS)
    assert len(frame) == sum(len(batch) for batch in coder.pipe(records, name=gigaword))
    assert str(frame["date"].dtype).startswith("datetime64")
    output = tmp_path / "events.jsonl"
    output.write_text(run_cli(cli, gigaword).stdout, encoding="utf-8")
    pd.testing.assert_frame_equal(annalist.read_events(str(output), frame=True), frame)
    assert annalist.read_events(str(output)) == [e for b in coder.pipe(records, name=gigaword) for e in b]
    output.write_text('{"code":"010"}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"events.jsonl:2"):
        annalist.read_events(str(output))
    empty = coder.code_frame([])
    assert list(empty.columns) == list(annalist.EVENT_FIELDS) and len(empty) == 0


def test_a_plain_script_codes_dict_records():
    # A fresh interpreter that imports nothing but annalist (pytest itself imports
    # collections.abc, which hid a missing import of it).
    script = ("import annalist, json; "
              "print(json.dumps(list(annalist.Coder().pipe([{'id': 'a', 'text': 'Iran accused Israel.'}]))))")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env=dict(os.environ), check=False)
    assert out.returncode == 0, out.stderr
    events = json.loads(out.stdout)[0]
    assert [e["code"] for e in events] == ["112"]


def test_ingest_stores_what_the_cli_ingest_stores(cli, gigaword, coder, tmp_path):
    ingest_cli(cli, tmp_path / "cli.db", gigaword)
    records = read_records(gigaword)
    totals = coder.ingest(records, tmp_path / "py.db", threads=2, batch_size=20)  # 4 transactions
    articles, mentions, events = store_contents(tmp_path / "py.db")
    assert (articles, mentions, events) == store_contents(tmp_path / "cli.db")
    assert totals == {"articles": len(records), "skipped": 0, "mentions": len(mentions), "rejected": 0}
    assert len(mentions) > 0 and 0 < events <= len(mentions)
    # Again: an article stored with the same content is skipped; an id the input holds twice
    # is stored again, each version in turn (the CLI's rule); the store ends the same.
    ids = [record["id"] for record in records]
    again = coder.ingest(records, tmp_path / "py.db")
    assert again["skipped"] == sum(1 for i in ids if ids.count(i) == 1) > 0
    assert store_contents(tmp_path / "py.db") == (articles, mentions, events)
    with pytest.warns(annalist.RecordWarning):
        bad = coder.ingest([{"id": "x"}, {"id": "y", "text": "Iran accused Israel."}], tmp_path / "bad.db")
    assert bad["rejected"] == 1 and bad["articles"] == 1
    with pytest.raises(annalist.StoreError):
        coder.ingest(records[:1], tmp_path / "no-such-folder" / "s.db")
