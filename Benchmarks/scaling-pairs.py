#!/usr/bin/env python3
"""Measures how a command's time grows from a small input to a large one in paired, interleaved rounds.

Benchmarks/run's generation table times each size in its own hyperfine invocation, minutes apart, so the
ratio of two medians also carries whatever the machine's speed did in between (on the development machine
the 1,000 -> 10,000-type ratio moved by +-1 from one run to the next). Here each round times the small and the
large input back to back with hyperfine -N (no shell; the same harness as the table), alternating which
goes first, and takes the ratio within the round; the result is the median of the rounds' ratios.

Usage:
  scaling-pairs.py --rounds R --small-runs K --large-runs L --export FILE \
      [--small-size N --large-size M] --small-prepare CMD --small CMD --large-prepare CMD --large CMD

CMD strings are passed to hyperfine as they are; with -N it splits them itself, without a shell, so keep each
to a plain command (`rm -rf PATH`, `charter generate ...`). --small-size and --large-size (the input sizes,
for the report) are recorded in FILE as they are. Writes FILE: {"small_size": N, "large_size": M,
"rounds": [{"small": s, "large": s, "ratio": r}, ...], "median_ratio": r, ...}.
A failing command stops everything (exit status 1).
"""
import argparse
import json
import statistics
import subprocess
import sys
import tempfile


def median_seconds(command, prepare, runs):
    """Median wall time of `runs` runs of `command` under hyperfine -N (no warm-up: the other size just ran)."""
    with tempfile.NamedTemporaryFile(suffix=".json") as export:
        result = subprocess.run(
            ["hyperfine", "-N", "-w", "0", "-r", str(runs), "--prepare", prepare, "--export-json", export.name, command],
            capture_output=True, text=True)
        if result.returncode != 0:
            sys.stderr.write(result.stdout[-2000:] + result.stderr[-2000:])
            sys.exit(1)
        return json.load(open(export.name))["results"][0]["median"]


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, required=True)
    parser.add_argument("--small-runs", type=int, required=True)
    parser.add_argument("--large-runs", type=int, required=True)
    parser.add_argument("--export", required=True)
    parser.add_argument("--small-size", type=int)
    parser.add_argument("--large-size", type=int)
    parser.add_argument("--small-prepare", required=True)
    parser.add_argument("--small", required=True)
    parser.add_argument("--large-prepare", required=True)
    parser.add_argument("--large", required=True)
    args = parser.parse_args(argv)
    rounds = []
    for index in range(args.rounds):
        times = {}
        order = ["small", "large"] if index % 2 == 0 else ["large", "small"]
        for size in order:
            times[size] = median_seconds(getattr(args, size), getattr(args, f"{size}_prepare"), getattr(args, f"{size}_runs"))
        rounds.append({"small": times["small"], "large": times["large"], "ratio": times["large"] / times["small"]})
    report = {
        "small_size": args.small_size, "large_size": args.large_size,
        "small_command": args.small, "large_command": args.large,
        "small_runs": args.small_runs, "large_runs": args.large_runs,
        "rounds": rounds, "median_ratio": statistics.median(r["ratio"] for r in rounds),
    }
    with open(args.export, "w") as out:
        json.dump(report, out, indent=2)
    print(f"median ratio {report['median_ratio']:.2f} over {len(rounds)} rounds: "
          + ", ".join(f"{r['ratio']:.2f}" for r in rounds))


if __name__ == "__main__":
    main(sys.argv[1:])
