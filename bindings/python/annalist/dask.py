"""annalist on Dask: code a corpus split into partitions, on one machine or a cluster.

    import dask.bag as db
    import annalist.dask
    bag = db.read_text("corpus/*.jsonl").map(json.loads)      # records (dicts)
    events = annalist.dask.code_bag(bag)                     # a bag of event dicts
    annalist.dask.to_jsonl(events, "events/")                # events/part-0000.jsonl, ...
    annalist.dask.ingest_bag(bag, "events.db")               # or into the event store

    ddf = dd.read_csv("news-*.csv")
    frame = annalist.dask.code_dataframe(ddf, text="body", date="published", id="story_id")

Each worker process loads the dictionaries once: coders are cached per process by their
configuration (`_coder`), so every task of a worker after the first reuses them, and
tasks on the threads of one worker share one Coder (it is thread-safe; coding releases
the GIL). Inside a partition the records are coded in order, on `threads` threads
(default 1: Dask already runs one task per core).

A record that cannot be read is left out of the events and reported as a RecordWarning on
the worker (errors="warn"), raised (errors="raise") or dropped silently ("ignore"), as in
Coder.pipe().
"""

import json
import os
import threading

import annalist

__all__ = ["code_bag", "code_dataframe", "code_partition", "ingest_bag", "to_jsonl"]

_coders = {}
_coders_lock = threading.Lock()


def _freeze(value):
    if isinstance(value, dict):
        return tuple(sorted((k, _freeze(v)) for k, v in value.items()))
    if isinstance(value, (list, tuple)):
        return tuple(_freeze(v) for v in value)
    return value


def _coder(config):
    """The process's Coder for `config` (the keyword arguments of annalist.Coder), loaded
    on first use. Config values are paths or (name, text) pairs, so they pickle small."""
    key = _freeze(config)
    with _coders_lock:
        coder = _coders.get(key)
        if coder is None:
            coder = annalist.Coder(**config)
            _coders[key] = coder
        return coder


def loaded_coders():
    """Number of coders this process has loaded (tests check one per worker)."""
    return len(_coders)


def code_partition(records, config=None, threads=1, errors="warn", name="partition", jsonl=False):
    """Codes an iterable of records (dicts or texts) into a flat list of event dicts (with
    jsonl=True: of strings, each article's event JSON lines as the CLI writes them)."""
    coder = _coder(config or {})
    results = coder.pipe(records, threads=threads, errors=errors, name=name, jsonl=jsonl)
    if jsonl:
        return [lines for lines in results if lines]
    return [event for events in results for event in events]


def code_bag(bag, config=None, threads=1, errors="warn", jsonl=False):
    """A dask.bag of records -> a dask.bag of event dicts (same partitions, input order).

    config: keyword arguments of annalist.Coder (kb=..., dictionaries=..., options=...).
    jsonl=True: the bag holds strings of event JSON lines (one per article with events),
    byte for byte the CLI's output, cheaper to write with to_jsonl()."""
    return bag.map_partitions(code_partition, config=config, threads=threads, errors=errors, jsonl=jsonl)


def _ingest_partition(records, db, config, threads, errors, batch_size):
    return [_coder(config or {}).ingest(records, db, threads=threads, errors=errors, batch_size=batch_size,
                                        name="partition")]


def ingest_bag(bag, db, config=None, threads=1, errors="warn", batch_size=2000, compute=True):
    """Codes a dask.bag of records on the workers and stores them in the event store `db`
    (a SQLite file or a postgresql:// URL; docs/store.md): each partition is coded where it
    lies and stored in transactions of `batch_size` records, the workers taking turns as
    the store's one writer (a SQLite writer waits up to 30 s per batch for another). On
    SQLite, every worker must see the same file (one machine, or a shared file system
    with working locks); a cluster across machines wants PostgreSQL. Reports of one event
    merge across partitions as across the batches of one `annalist ingest`. Returns the
    totals {"articles", "skipped", "mentions", "rejected"} (a dask.delayed with
    compute=False)."""
    import dask

    parts = bag.map_partitions(_ingest_partition, db=os.fspath(db), config=config, threads=threads,
                               errors=errors, batch_size=batch_size)

    def total(stats):
        keys = ("articles", "skipped", "mentions", "rejected")
        return {key: sum(part[key] for part in stats) for key in keys}

    result = dask.delayed(total)(parts)
    return result.compute() if compute else result


def _frame_records(frame, text, date, id, extra):  # noqa: A002
    columns = {"text": text, "date": date, "id": id, **extra}
    columns = {field: column for field, column in columns.items() if column is not None}
    records = frame[list(columns.values())].rename(columns={v: k for k, v in columns.items()})
    return records.to_dict("records")


def _code_frame_partition(frame, config, text, date, id, extra, threads, errors):  # noqa: A002
    records = _frame_records(frame, text, date, id, extra)
    return annalist.events_frame(code_partition(records, config, threads, errors))


def code_dataframe(ddf, text="text", date=None, id=None, config=None, threads=1, errors="warn",  # noqa: A002
                   **columns):
    """A dask DataFrame of articles -> a dask DataFrame of events (columns EVENT_FIELDS).

    text, date, id (and title=, source=, url=) name the columns holding those fields."""
    meta = annalist.events_frame([])
    return ddf.map_partitions(_code_frame_partition, config, text, date, id, columns, threads, errors,
                              meta=meta, enforce_metadata=False)


def _write_partition(events, path):
    path = list(path)[0]  # the one-element partition of the paths bag
    with open(path, "w", encoding="utf-8") as out:
        for event in events:
            if isinstance(event, str):  # JSON lines from code_bag(jsonl=True), as the CLI wrote them
                out.write(event)
            else:
                out.write(json.dumps(event, ensure_ascii=False, separators=(",", ":")))
                out.write("\n")
    return [path]


def to_jsonl(events, directory, compute=True):
    """Writes a bag of event dicts as DIRECTORY/part-NNNN.jsonl, one file per partition
    (events in input order within each; the parts in partition order make the whole).
    Returns the file names (or the delayed bag when compute=False)."""
    os.makedirs(directory, exist_ok=True)
    paths = [os.path.join(directory, f"part-{i:04d}.jsonl") for i in range(events.npartitions)]
    import dask.bag as db

    written = db.map_partitions(_write_partition, events, db.from_sequence(paths, npartitions=len(paths)))
    return written.compute() if compute else written
