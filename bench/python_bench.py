#!/usr/bin/python3
"""Throughput of the Python package against the CLI, and of a 2-worker Dask LocalCluster
against one process (bench/RESULTS.md, "Python and Dask").

usage: PYTHONPATH=build/python /usr/bin/python3 bench/python_bench.py pipe [--threads N] [--copies K]
       PYTHONPATH=build/python /usr/bin/python3 bench/python_bench.py dask [--copies K] [--parts P]

Corpus: the GigaWord sample (76 one-sentence records) repeated K times (default 400), with
ids made unique per copy. Sentences are counted by the CLI (`--stats`).

pipe: the CLI (`annalist code --threads N FILE`) against Coder.pipe(records, threads=N),
both after loading: the CLI's rate is the marginal one between the sample x1 and xK (so
its loading is taken out, as bench/e2e.sh does), the module's is timed around the pipe
loop alone (records already parsed into dicts, events as dicts; also as JSON lines). Each
figure is the best of --repeat runs (the machine is shared).

dask: P JSONL parts of the corpus; one process: Coder.pipe(threads=1) over all parts in
order, writing JSON lines, as it is and held to one core (sched_setaffinity); clusters:
LocalCluster(n_workers=1 and 2, threads_per_worker=1), read_text -> code_bag(jsonl=True)
-> to_jsonl, after a warm-up that loads the dictionaries on every worker. Wall seconds,
best of --repeat.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import annalist

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def without_input(jsonl):
    return re.sub(r'"input":"(?:[^"\\\\]|\\\\.)*"', '"input":""', jsonl)


def make_corpus(shared, copies, directory, parts=1):
    sample = os.path.join(shared, "reference", "eval", "gigaword-sample.text.jsonl")
    with open(sample, encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    corpus = []
    for copy in range(copies):
        for record in records:
            corpus.append(dict(record, id=f"{record['id']}#{copy}"))
    paths = []
    per_part = (len(corpus) + parts - 1) // parts
    for part in range(parts):
        path = os.path.join(directory, f"corpus-{part:03d}.jsonl")
        with open(path, "w", encoding="utf-8") as out:
            for record in corpus[part * per_part:(part + 1) * per_part]:
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        paths.append(path)
    return corpus, paths


def cli_run(cli, threads, path):
    start = time.perf_counter()
    result = subprocess.run([cli, "code", "--stats", "--threads", str(threads), path],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=True)
    wall = time.perf_counter() - start
    stats = json.loads(result.stderr.strip().splitlines()[-1])["stats"]
    return wall, stats


def bench_pipe(args):
    with tempfile.TemporaryDirectory() as work:
        corpus, (big,) = make_corpus(args.shared, args.copies, work)
        one_dir = os.path.join(work, "one")
        os.makedirs(one_dir)
        _, (small,) = make_corpus(args.shared, 1, one_dir)
        best_small = min(cli_run(args.cli, args.threads, small)[0] for _ in range(args.repeat))
        runs = [cli_run(args.cli, args.threads, big) for _ in range(args.repeat)]
        best_big = min(wall for wall, _ in runs)
        sentences = runs[0][1]["sentences"]
        small_sentences = cli_run(args.cli, args.threads, small)[1]["sentences"]
        cli_rate = (sentences - small_sentences) / (best_big - best_small)
        cli_coding = min(stats["seconds"] for _, stats in runs)
        print(f"corpus: {len(corpus)} records, {sentences} sentences; threads {args.threads}")
        print(f"CLI   marginal {cli_rate:,.0f} sentences/s  (xK {best_big:.3f} s, x1 {best_small:.3f} s; "
              f"its own coding clock: {sentences / cli_coding:,.0f} sentences/s)")
        coder = annalist.Coder()
        for label, jsonl in (("pipe() -> dicts", False), ("pipe(jsonl=True)", True)):
            best = None
            for _ in range(args.repeat):
                start = time.perf_counter()
                events = 0
                for result in coder.pipe(corpus, threads=args.threads, jsonl=jsonl):
                    events += result.count("\n") if jsonl else len(result)
                wall = time.perf_counter() - start
                best = wall if best is None else min(best, wall)
            rate = sentences / best
            print(f"{label:17s} {rate:,.0f} sentences/s  ({best:.3f} s, {events} events) = "
                  f"{100 * rate / cli_rate:.0f}% of the CLI")


def bench_dask(args):
    with tempfile.TemporaryDirectory() as work:
        corpus, paths = make_corpus(args.shared, args.copies, work, parts=args.parts)
        print(f"corpus: {len(corpus)} records in {len(paths)} parts")
        coder = annalist.Coder()

        def one_process():
            with open(os.path.join(work, "one.jsonl"), "w", encoding="utf-8") as out:
                for path in paths:
                    with open(path, encoding="utf-8") as lines:
                        records = (json.loads(line) for line in lines)
                        for lines_out in coder.pipe(records, threads=1, jsonl=True):
                            out.write(lines_out)

        best_one = best_of(args.repeat, one_process)
        print(f"one process, pipe(threads=1): {best_one:.3f} s")
        # The same process held to one core: what one worker of a cluster gets on a machine
        # with a core per worker (pipe's Python thread and coding thread share it).
        cores = os.sched_getaffinity(0)
        os.sched_setaffinity(0, {min(cores)})
        try:
            best_pinned = best_of(args.repeat, one_process)
        finally:
            os.sched_setaffinity(0, cores)
        print(f"one process held to one core: {best_pinned:.3f} s")
        walls = {}
        for workers in (1, 2):
            walls[workers], same = cluster_run(work, paths, workers, args.repeat)
            print(f"{workers}-worker LocalCluster: {walls[workers]:.3f} s; output identical to one process: {same}")
        print(f"2 workers vs one process {best_one / walls[2]:.2f}x, vs one process on one core "
              f"{best_pinned / walls[2]:.2f}x, vs 1 worker {walls[1] / walls[2]:.2f}x")


def best_of(repeat, run):
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        wall = time.perf_counter() - start
        best = wall if best is None else min(best, wall)
    return best


def cluster_run(work, paths, workers, repeat):
    """Best wall time of coding `paths` on a LocalCluster of `workers` one-thread workers,
    after a warm-up that loads the dictionaries on each; and whether its output equals the
    one process's."""
    import dask.bag as db
    import distributed

    import annalist.dask

    cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=50)
    with distributed.Client(cluster) as client:
        warm = db.from_sequence([{"text": "Iran accused Israel."}] * 4, npartitions=4)
        annalist.dask.code_bag(warm).compute()
        assert sorted(client.run(annalist.dask.loaded_coders).values()) == [1] * workers
        out = os.path.join(work, f"out-{workers}")

        def run():
            shutil.rmtree(out, ignore_errors=True)
            bag = db.read_text(paths).map(json.loads)
            annalist.dask.to_jsonl(annalist.dask.code_bag(bag, jsonl=True), out)

        best = best_of(repeat, run)
        # article.input differs by design (a partition labels its records "partition:N").
        same = without_input("".join(open(os.path.join(out, p), encoding="utf-8").read()
                                     for p in sorted(os.listdir(out)))) == \
            without_input(open(os.path.join(work, "one.jsonl"), encoding="utf-8").read())
    cluster.close()
    return best, same


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("what", choices=["pipe", "dask"])
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--copies", type=int, default=400)
    parser.add_argument("--parts", type=int, default=8)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cli", default=os.path.join(ROOT, "build", "annalist"))
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    args = parser.parse_args()
    bench_pipe(args) if args.what == "pipe" else bench_dask(args)


if __name__ == "__main__":
    sys.exit(main())
