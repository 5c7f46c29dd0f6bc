#!/usr/bin/env python3
"""Times several commands in interleaved rounds (A B A B ... rather than A A ... B B ...).

Used by Benchmarks/run for the long measurements (compiling generated code, cold and no-op builds of the
consumer packages) and by Benchmarks/compile-budget.sh, where a run takes seconds to minutes and hyperfine would time all runs of one tool
before starting the other. On a shared machine whose speed drifts over minutes, that puts the tools in
different conditions; interleaving gives each tool's runs the same conditions, so the ratio between
them (what the report is about) is fair even when the absolute times move.

Usage:
  interleave.py --runs N [--warmup W] --export-prefix PREFIX \
      --name A [--cwd DIR] [--prepare CMD] --command CMD \
      --name B [--cwd DIR] [--prepare CMD] --command CMD ...

Each --name starts a command; --cwd and --prepare (run before every timed run, untimed) apply to the
--name before them. Commands are split like a shell would split them and run without a shell. Each
round runs every command once: in the order given, and in reverse order every other round (so no command
always runs first, right after another command or right after a warm-up). Writes PREFIX-NAME.json per command in hyperfine's
export format (results[0] with command, median, mean, min, max, times), so scripts reading hyperfine's
output read these too, plus max_rss_kib: the highest peak RSS of the timed runs (each runs under GNU time,
/usr/bin/time), so a long command need not be run again to measure its memory. A command that fails
stops everything (exit status 1) and prints the end of its output.
"""
import argparse
import json
import shlex
import statistics
import subprocess
import sys
import tempfile
import time


def parse(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, required=True)
    parser.add_argument("--warmup", type=int, default=0)
    parser.add_argument("--export-prefix", required=True)
    args, rest = parser.parse_known_args(argv)
    jobs = []
    i = 0
    while i < len(rest):
        option = rest[i]
        if i + 1 >= len(rest):
            parser.error(f"{option} needs a value")
        value = rest[i + 1]
        if option == "--name":
            jobs.append({"name": value, "cwd": None, "prepare": None, "command": None})
        elif option in ("--cwd", "--prepare", "--command"):
            if not jobs:
                parser.error(f"{option} before any --name")
            jobs[-1][option[2:]] = value
        else:
            parser.error(f"unknown option {option}")
        i += 2
    if not jobs:
        parser.error("no commands (--name ... --command ...)")
    for job in jobs:
        if not job["command"]:
            parser.error(f"--name {job['name']} has no --command")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args, jobs


def run(command, cwd, what):
    """Runs a command under GNU time; returns its wall time (s) and peak RSS (KiB, GNU time's "Maximum
    resident set size"). GNU time, not wait4 here: a child forked from this interpreter would report the
    interpreter's own ~15 MiB as its peak when the command's is smaller."""
    with tempfile.NamedTemporaryFile("r") as rss, tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        done = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss.name] + shlex.split(command),
                              cwd=cwd, stdout=output, stderr=subprocess.STDOUT)
        elapsed = time.perf_counter() - started
        if done.returncode != 0:
            output.seek(0)
            sys.stdout.buffer.write(output.read()[-20000:])
            print(f"interleave.py: {what} failed with exit status {done.returncode}: {command}", file=sys.stderr)
            sys.exit(1)
        peak = int(rss.read().strip().splitlines()[-1])
    return elapsed, peak


def main(argv):
    args, jobs = parse(argv)
    times = {job["name"]: [] for job in jobs}
    peaks = {job["name"]: 0 for job in jobs}
    for round_number in range(args.warmup + args.runs):
        timed = round_number >= args.warmup
        # Every other round runs the commands in reverse order (A B, B A, ...), so neither always runs first.
        for job in (jobs if round_number % 2 == 0 else list(reversed(jobs))):
            if job["prepare"]:
                run(job["prepare"], job["cwd"], f"{job['name']}: prepare")
            elapsed, peak = run(job["command"], job["cwd"], job["name"])
            if timed:
                times[job["name"]].append(elapsed)
                peaks[job["name"]] = max(peaks[job["name"]], peak)
            label = f"round {round_number - args.warmup + 1}/{args.runs}" if timed else "warm-up"
            print(f"{label} {job['name']}: {elapsed:.3f} s", flush=True)
    for job in jobs:
        samples = times[job["name"]]
        result = {
            "command": job["command"],
            "mean": statistics.fmean(samples),
            "median": statistics.median(samples),
            "min": min(samples),
            "max": max(samples),
            "times": samples,
            "max_rss_kib": peaks[job["name"]],
            "interleaved_with": [other["name"] for other in jobs if other is not job],
        }
        with open(f"{args.export_prefix}-{job['name']}.json", "w") as out:
            json.dump({"results": [result]}, out, indent=2)
            out.write("\n")


if __name__ == "__main__":
    main(sys.argv[1:])
