"""annalist: CAMEO event coding of news text, from Python.

    >>> import annalist
    >>> coder = annalist.Coder()                       # the built-in knowledge base
    >>> events = coder.code("Iran accused Israel of the attack.", date="2024-01-05", id="a1")
    >>> events[0]["source"], events[0]["code"], events[0]["target"]
    ('IRN', '112', 'ISR')
    >>> for events in coder.pipe(records, threads=4):  # records: dicts or texts, in order
    ...     ...
    >>> frame = coder.code_frame(records)              # one row per event (pandas)

Every event is a dict with exactly the fields and values of the CLI's JSON line
(`annalist code`, docs/output.md): the C++ library writes the JSON and this package only
parses it. Coding runs in C++ with the GIL released; a Coder is immutable after loading
and may be shared by threads.

Records are dicts with the CLI's JSONL fields (`text`, and optionally `id`, `date`,
`title`, `source`, `url`, `options`) or plain strings (the text). A record that cannot be
read (no text, broken options, invalid text) is reported, never fatal to a batch: by
default a RecordWarning names it and it yields no events; errors="raise" raises
RecordError instead and errors="ignore" stays silent. Every rejected record is also kept
in `coder.errors` as {"record": N, "id": ..., "error": ...}.
"""

import collections.abc
import datetime
import itertools
import json
import numbers
import os
import warnings

from . import _annalist

__all__ = ["Coder", "RecordError", "RecordWarning", "StoreError", "read_events", "EVENT_FIELDS"]

# Fields of an event in the order the JSON line has them (docs/output.md); the columns of
# code_frame(), so an empty frame still has them.
EVENT_FIELDS = (
    "doc_id", "sentence_index", "source", "target", "code", "root", "quad_class", "goldstein",
    "plover", "date", "event_date", "date_precision", "date_text", "date_span", "date_how", "article", "version", "sentence", "source_actor", "target_actor", "verb", "rule", "attributed_to",
    "negated", "one_sided", "clause", "modality", "location", "confidence", "issues", "event_id",
)

_DICTIONARY_KINDS = ("kb", "verbs", "actors", "agents", "discards", "issues")
_DEFAULT_BATCH = 256


class StoreError(RuntimeError):
    """The event store could not be opened or written (Coder.ingest)."""


class RecordError(ValueError):
    """A record that could not be read; the message names the record (number and id)."""


class RecordWarning(UserWarning):
    """A record that was rejected or coded with a problem (e.g. a malformed date)."""


def _json_default(value):
    # Values from pandas/numpy/datetime records, turned into what the JSONL reader takes.
    if isinstance(value, (datetime.date, datetime.datetime)) or hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        return float(value)
    raise TypeError(f"{type(value).__name__} is not a JSON value")


def _is_missing(value):
    if value is None:
        return True
    try:
        return value != value  # NaN, NaT
    except Exception:  # noqa: BLE001 - arrays and odd types: not missing
        return False


def _record_dict(record):
    if isinstance(record, str):
        return {"text": record}
    if isinstance(record, collections.abc.Mapping):
        return {k: v for k, v in record.items() if not _is_missing(v)}
    raise TypeError(f"a record is a dict or a text string, not {type(record).__name__}")


def _dictionary_args(kb, dictionaries):
    """Splits the constructor's dictionary arguments into paths and in-memory texts."""
    kb_paths, kb_texts, petrarch_paths, petrarch_texts = [], [], [], []
    entries = []
    if kb is not None:
        entries.append(("kb", kb))
    for kind, value in (dictionaries or {}).items():
        if kind not in _DICTIONARY_KINDS:
            raise ValueError(f"unknown dictionary kind {kind!r} (one of {', '.join(_DICTIONARY_KINDS)})")
        entries.append((kind, value))
    for kind, value in entries:
        items = [value] if isinstance(value, (str, os.PathLike, tuple)) else list(value)
        for item in items:
            if isinstance(item, tuple):  # (name, text): a dictionary from memory
                name, text = item
                (kb_texts.append((str(name), str(text))) if kind == "kb"
                 else petrarch_texts.append((kind, str(name), str(text))))
            else:
                path = os.fspath(item)
                kb_paths.append(path) if kind == "kb" else petrarch_paths.append((kind, path))
    return kb_paths, kb_texts, petrarch_paths, petrarch_texts


def _events_from_lines(lines):
    # One event per line, no raw newline inside a JSON line: a list in one parse.
    if not lines:
        return []
    return json.loads("[" + lines[:-1].replace("\n", ",") + "]")


class Coder:
    """Loaded dictionaries and models; codes articles into event dicts.

    Coder()                                  the built-in knowledge base
    Coder(kb=["mine.txt", ...])              knowledge-base files (docs/dictionary-format.md)
    Coder(kb=[("mine.txt", text)])           ... or their texts, from memory
    Coder(dictionaries={"verbs": [...], "actors": [...], "agents": ..., "discards": ...,
                        "issues": ...})      PETRARCH-2 files (paths or (name, text) pairs)
    options={"require_dyad": False, ...}     coding options for every record (PETRARCH names)

    Dictionary problems that do not stop loading are in `warnings` ("file:line: reason");
    a dictionary that cannot be loaded raises ValueError.
    """

    def __init__(self, kb=None, dictionaries=None, options=None, max_article_bytes=2 << 20):
        args = _dictionary_args(kb, dictionaries)
        coding = []
        for name, value in (options or {}).items():
            coding.append((str(name), ("true" if value else "false") if isinstance(value, bool) else str(value)))
        self._impl = _annalist._Coder(*args, coding, int(max_article_bytes))
        self.errors = []

    @property
    def warnings(self):
        return list(self._impl.warnings)

    # One record -----------------------------------------------------------------------

    def code(self, text, date=None, id=None, title=None, source=None, url=None, options=None,  # noqa: A002
             name="text"):
        """Codes one article; returns its events (list of dicts) in sentence order.

        Without an id the article gets the CLI's content id ("text:" and a hash of the
        text); `name` is its `article.input`, as the CLI's is the file name.
        Raises RecordError (a ValueError) naming the article if it cannot be read."""
        record = {"text": text, "id": id, "date": date, "title": title, "source": source,
                  "url": url, "options": options}
        output, record_warnings = self._code_one(record, name)
        for message in record_warnings:
            warnings.warn(RecordWarning(f"article {id!r}: {message}"), stacklevel=2)
        return _events_from_lines(output)

    def code_jsonl(self, text, date=None, id=None, name="text", **fields):  # noqa: A002
        """As code(), but returns the event JSON lines exactly as `annalist code` writes them."""
        return self._code_one({"text": text, "id": id, "date": date, **fields}, name)[0]

    def _code_one(self, record, name):
        record = {k: v for k, v in record.items() if v is not None}
        line = json.dumps(record, ensure_ascii=False, default=_json_default)
        _, output, error, record_warnings = self._impl.code_jsonl(line + "\n", name, -1, 1)[0]
        if output is None:
            raise RecordError(f"article {record.get('id')!r}: {error}")
        return output, record_warnings

    # Many records -----------------------------------------------------------------------

    def pipe(self, records, threads=None, batch_size=None, errors="warn", as_tuples=False,
             name="records", jsonl=False):
        """Codes records on `threads` threads; yields one list of events per record, in order.

        Records are dicts (the CLI's JSONL fields) or texts. Reading and converting one batch
        overlaps coding the next. Record N (from 1) has `article.input` "NAME:N", as
        line N of a file NAME has in the CLI; a record without an id gets the CLI's content
        id ("text:" and a hash of its text). as_tuples=True takes
        (record, context) pairs and yields (events, context). jsonl=True yields each
        record's event JSON lines (a str) instead of dicts.
        errors: "warn" (RecordWarning, no events), "raise" (RecordError) or "ignore"."""
        if errors not in ("warn", "raise", "ignore"):
            raise ValueError("errors must be 'warn', 'raise' or 'ignore'")
        threads = int(threads or os.cpu_count() or 1)
        batch_size = int(batch_size or _DEFAULT_BATCH * threads)
        iterator = iter(records)
        number = 0  # records taken so far
        pending = None  # (batch, first record number, ids, contexts) being coded
        while True:
            # Python work for the next batch (JSON lines) overlaps the pending batch's coding;
            # the next batch starts when the pending one is coded, so at most `threads`
            # threads code, and converting the pending batch overlaps coding the next one.
            chunk = list(itertools.islice(iterator, batch_size))
            contexts = None
            if as_tuples and chunk:
                chunk, contexts = [r for r, _ in chunk], [c for _, c in chunk]
            lines, ids = [], []
            for record in chunk:
                record = _record_dict(record)
                ids.append(record.get("id"))
                lines.append(json.dumps(record, ensure_ascii=False, default=_json_default))
            done = None
            if pending is not None:
                done = (pending[0].wait(), *pending[1:])
            pending = None
            if chunk:
                lines.append("")
                pending = (self._impl.start("\n".join(lines), name, number, threads), number, ids, contexts)
                number += len(chunk)
            if done is not None:
                yield from self._finish(done, errors, as_tuples, jsonl)
            if pending is None:
                return

    def _finish(self, done, errors, as_tuples, jsonl):
        results, first, ids, contexts = done
        for line, output, error, record_warnings in results:
            index = line - 1
            if not self._accepted(first + index + 1, ids[index], output, error, record_warnings, errors):
                events = "" if jsonl else []
            else:
                events = output if jsonl else _events_from_lines(output)
            yield (events, contexts[index]) if as_tuples else events

    def _accepted(self, number, record_id, output, error, record_warnings, errors):
        """Reports record `number`'s error (output None) or warnings as `errors` says; returns
        whether it was accepted."""
        label = f"record {number} (id {record_id!r})"
        if output is None:
            self.errors.append({"record": number, "id": record_id, "error": error})
            if errors == "raise":
                raise RecordError(f"{label}: {error}")
            if errors == "warn":
                warnings.warn(RecordWarning(f"{label}: {error}"), stacklevel=4)
            return False
        if errors == "warn":
            for message in record_warnings:
                warnings.warn(RecordWarning(f"{label}: {message}"), stacklevel=4)
        return True

    def ingest(self, records, db, threads=None, batch_size=None, errors="warn", name="records"):
        """Codes records and stores them in the event store `db` (a SQLite file, created if
        absent, or a postgresql:// URL) as `annalist ingest` does (docs/store.md): one
        transaction per batch of `batch_size` records, articles already stored with the same
        content skipped, reports of one event merged. Several processes may ingest into one
        store at once (one writer at a time; Dask: annalist.dask.ingest_bag). Records and
        `errors` as in pipe(). Returns {"articles": stored, "skipped", "mentions",
        "rejected"}. A store error raises StoreError; the batches before it stay stored."""
        if errors not in ("warn", "raise", "ignore"):
            raise ValueError("errors must be 'warn', 'raise' or 'ignore'")
        threads = int(threads or os.cpu_count() or 1)
        batch_size = int(batch_size or 2000)
        totals = {"articles": 0, "skipped": 0, "mentions": 0, "rejected": 0}
        iterator = iter(records)
        number = 0
        while True:
            chunk = [_record_dict(record) for record in itertools.islice(iterator, batch_size)]
            if not chunk:
                return totals
            lines = [json.dumps(record, ensure_ascii=False, default=_json_default) for record in chunk]
            try:
                stored, skipped, mentions, results = self._impl.ingest_jsonl(
                    "\n".join(lines) + "\n", name, number, threads, os.fspath(db))
            except RuntimeError as error:
                raise StoreError(str(error)) from None
            totals["articles"] += stored
            totals["skipped"] += skipped
            totals["mentions"] += mentions
            for line, output, error, record_warnings in results:
                record = chunk[line - 1]
                if not self._accepted(number + line, record.get("id"), output, error, record_warnings, errors):
                    totals["rejected"] += 1
            number += len(chunk)

    def code_frame(self, records, threads=None, errors="warn", **kwargs):
        """Codes records into a pandas DataFrame, one row per event, columns EVENT_FIELDS
        (nested fields such as source_actor stay dicts; `date` as datetime64)."""
        events = [event for batch in self.pipe(records, threads=threads, errors=errors, **kwargs)
                  for event in batch]
        return events_frame(events)


def events_frame(events):
    """A DataFrame of event dicts with the columns EVENT_FIELDS, `date` and `event_date` as
    datetime64."""
    import pandas as pd

    frame = pd.DataFrame.from_records(events, columns=list(EVENT_FIELDS))
    frame["date"] = pd.to_datetime(frame["date"], format="%Y-%m-%d", errors="coerce")
    frame["event_date"] = pd.to_datetime(frame["event_date"], format="%Y-%m-%d", errors="coerce")
    return frame


def read_events(path, frame=False):
    """Reads events written by `annalist code` (JSON lines; '-' is not supported). Returns a
    list of dicts, or with frame=True a DataFrame as code_frame() gives. A line that is not
    an event raises ValueError naming the file and line."""
    events = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                event = json.loads(line)
            except json.JSONDecodeError as error:
                raise ValueError(f"{path}:{number}: not a JSON line: {error}") from None
            if not isinstance(event, dict) or "code" not in event:
                raise ValueError(f"{path}:{number}: not an event (no \"code\")")
            events.append(event)
    return events_frame(events) if frame else events
