#!/usr/bin/python3
"""Codes a JSONL corpus on a Dask LocalCluster and writes partitioned JSONL events.

usage: PYTHONPATH=build/python /usr/bin/python3 examples/dask_code.py CORPUS.jsonl... OUT_DIR
           [--workers 2] [--blocksize 16MB] [--kb FILE ...]

Each input file is split into blocks (dask.bag.read_text blocksize), one partition each;
every worker process loads the dictionaries once and codes its partitions; OUT_DIR gets
part-NNNN.jsonl, the events in input order within each part and parts in input order, byte
for byte what `annalist code CORPUS.jsonl` writes (records without an id excepted: their id
is partition:N instead of FILE:LINE). Bad records are reported as warnings on the workers.
Prints the part files and the event count.
"""
import argparse
import json
import time


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("inputs", nargs="+", help="JSONL corpus files, then the output directory")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--blocksize", default="16MB")
    parser.add_argument("--kb", action="append", help="knowledge-base file (default: built-in)")
    args = parser.parse_args()
    if len(args.inputs) < 2:
        parser.error("need CORPUS.jsonl... and OUT_DIR")
    corpus, out_dir = args.inputs[:-1], args.inputs[-1]

    import dask.bag as db
    import distributed

    import annalist.dask

    config = {"kb": args.kb} if args.kb else {}
    start = time.perf_counter()
    with distributed.LocalCluster(n_workers=args.workers, threads_per_worker=1, dashboard_address=None) as cluster, \
            distributed.Client(cluster):
        bag = db.read_text(corpus, blocksize=args.blocksize).filter(str.strip).map(json.loads)
        parts = annalist.dask.to_jsonl(annalist.dask.code_bag(bag, config=config, jsonl=True), out_dir)
    events = sum(sum(1 for _ in open(part, encoding="utf-8")) for part in parts)
    for part in parts:
        print(part)
    print(f"{events} events in {len(parts)} parts, {time.perf_counter() - start:.1f} s "
          f"({args.workers} workers, cluster start included)")


if __name__ == "__main__":
    main()
