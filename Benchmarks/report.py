#!/usr/bin/env python3
"""Turns the results of Benchmarks/run into a BENCHMARKS.md section and a log-log scaling chart (SVG).

usage: report.py --results DIR --markdown FILE --svg FILE [--benchmarks-md BENCHMARKS.md --svg-copy FILE]

DIR holds meta.txt, commands.txt and, for the sections that ran, generate.tsv, compile.tsv and plugins.tsv
(formats: see Benchmarks/run). With --benchmarks-md, the section between the BEGIN/END markers of that file
is replaced (or appended at the end the first time); everything else in the file is kept byte for byte.
"""
import argparse
import json
import math
import os
import shutil

BEGIN = "<!-- BEGIN Benchmarks/run (written by the script; edit Benchmarks/report.py instead) -->"
END = "<!-- END Benchmarks/run -->"

TOOLS = [  # key, label, colour, dash
    ("charter", "charter generate", "#d62728", ""),
    ("oag-types", "swift-openapi-generator (types)", "#1f77b4", ""),
    ("oag-types-client", "swift-openapi-generator (types+client)", "#1f77b4", "6,4"),
    ("dmcg", "datamodel-code-generator", "#2ca02c", ""),
    ("floor", "JSONSerialization floor", "#7f7f7f", "2,3"),
]
LABEL = {k: l for k, l, _, _ in TOOLS}


def split_variant(comp, comp_sizes):
    """The compile results' split variant (tool `charter-split-N`): its tool key, N, and the sizes it was
    measured at; (None, None, []) when the run did not measure one."""
    tool = next((tool for (_, tool, _) in comp if tool.startswith("charter-split-")), None)
    files = tool.rsplit("-", 1)[1] if tool else None
    return tool, files, [n for n in sorted(comp_sizes) if (n, tool, "debug") in comp]


def read_tsv(path):
    if not os.path.exists(path):
        return None
    with open(path) as fh:
        return [line.rstrip("\n").split("\t") for line in fh if line.strip()]


def read_meta(path):
    """key=value lines of a meta file (Benchmarks/run writes one per run and one per section run)."""
    meta = {}
    if os.path.exists(path):
        with open(path) as fh:
            for line in fh:
                k, _, v = line.rstrip("\n").partition("=")
                meta[k] = v
    return meta


def provenance(res, section, current):
    """The report lines (a note and a blank line) to put under a section whose results come from an earlier
    run than this report's (Benchmarks/run --only); none when this run measured it."""
    meta = read_meta(os.path.join(res, f"meta-{section}.txt"))
    keys = ("date", "time", "charter_commit", "quick")
    if not meta or all(meta.get(k) == current.get(k) for k in keys):
        return []
    quick = ", a --quick run" if meta.get("quick") == "1" else ""
    return [(f"**From an earlier run:** recorded {meta.get('date')} {meta.get('time')} UTC, Charter at commit "
             f"`{meta.get('charter_commit')}`{quick}; the run that wrote this report did not repeat it."), ""]


def fmt_time(seconds):
    if seconds is None:
        return "—"
    if seconds < 1:
        return f"{seconds * 1000:.1f} ms"
    return f"{seconds:.2f} s"


def fmt_rss(kib):
    try:
        return f"{int(kib) / 1024:.0f} MiB"
    except ValueError:
        return "n/a"


def fmt_ratio(a, b):
    if a is None or b is None or b == 0:
        return "—"
    return f"{a / b:.2f}"


def types(n):
    return f"{int(n):,}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--markdown", required=True)
    ap.add_argument("--svg", required=True)
    ap.add_argument("--benchmarks-md")
    ap.add_argument("--svg-copy")
    args = ap.parse_args()
    res = args.results

    meta = read_meta(os.path.join(res, "meta.txt"))
    command_files = ["commands.txt"] + [f"commands-{s}.txt" for s in ("generate", "compile", "plugins")]
    commands = "\n".join(
        open(os.path.join(res, name)).read().rstrip("\n")
        for name in command_files if os.path.exists(os.path.join(res, name)))
    gen_rows = read_tsv(os.path.join(res, "generate.tsv"))
    compile_rows = read_tsv(os.path.join(res, "compile.tsv"))
    plugin_rows = read_tsv(os.path.join(res, "plugins.tsv"))
    contract_rows = read_tsv(os.path.join(res, "contracts.tsv")) if gen_rows is not None else None

    pairs_path = os.path.join(res, "scaling-pairs.json")
    pairs = json.load(open(pairs_path)) if gen_rows is not None and os.path.exists(pairs_path) else None

    gen = {}  # (size, tool) -> (median, runs, rss)
    sizes = []
    for n, tool, med, runs, rss in gen_rows or []:
        n = int(n)
        if n not in sizes:
            sizes.append(n)
        gen[(n, tool)] = (None if med == "n/a" else float(med), runs, rss)
    sizes.sort()
    if pairs and [pairs.get("small_size"), pairs.get("large_size")] != sizes[-2:]:
        pairs = None  # measured for other sizes than the table's last step: not this run's figure

    out = []
    w = out.append
    w(BEGIN)
    w("")
    w("## Side by side: Charter, swift-openapi-generator, datamodel-code-generator and the parse floor")
    w("")
    quick = " (**--quick run: sizes 10 and 100, 3 runs — for testing the script, not for quoting**)" if meta.get("quick") == "1" else ""
    w(f"Recorded {meta['date']} {meta['time']} UTC by `Benchmarks/run`{quick}, Charter at commit `{meta['charter_commit']}`, "
      f"on {meta['cpu']}, {meta['memory']}, {meta['kernel']}; {meta['swift']}; {meta['hyperfine']}; "
      f"datamodel-code-generator {meta['dmcg']} on {meta['python']}. "
      f"Load average (1/5/15 min) {meta['load_start']} at the start, {meta['load_end']} at the end.")
    w("")
    if meta.get("note"):
        w(f"**Note:** {meta['note']}")
        w("")
    w("Rerun: `Benchmarks/run` (everything: about an hour on 2 cores) or `Benchmarks/run --quick`. Inputs are the same")
    w("for every tool: `Benchmarks/synthesize.py N` (fixed seed; 100 types per contract file; nested objects, string")
    w("enums, local and cross-file `$ref`s, `oneOf` with const discriminators, decimals, dates, nullable fields) and, for")
    w("swift-openapi-generator, `--openapi` writes the same schemas as one OpenAPI 3.1 document (`components/schemas`,")
    w("one GET operation per contract file). Ratios are Charter ÷ other tool, from the same run: below 1 means Charter")
    w("is faster.")
    w("")

    # ---- generation
    w("### Generation time (median wall time; peak RSS in brackets)")
    w("")
    out.extend(provenance(res, "generate", meta))
    if gen_rows is None:
        w("Not run in this run (`--only`).")
        w("")
    else:
        def t(n, tool):
            return gen.get((n, tool), (None, 0, "n/a"))[0]

        runs = next((r for (n, tool), (m, r, _) in gen.items() if tool == "charter"), "?")
        w(f"Median of {runs} runs each (hyperfine `-N`, output folder removed before every run, one warm-up run below")
        w("10,000 types); peak RSS from one more run under `/usr/bin/time -v`. datamodel-code-generator writes")
        w(f"`{meta['dmcg_model']}` models with `--formatters builtin` (its fastest realistic setting: the default")
        w("black+isort formatting takes 2–2.5× longer; dataclass/TypedDict/msgspec outputs were no faster).")
        w("swift-openapi-generator writes public types (`generate: [types]`), or types and a client.")
        w("")
        w("| types | charter generate | swift-openapi-generator types | swift-openapi-generator types+client | datamodel-code-generator | JSONSerialization floor |")
        w("|---:|---:|---:|---:|---:|---:|")
        for n in sizes:
            cells = []
            for tool in ["charter", "oag-types", "oag-types-client", "dmcg", "floor"]:
                m, _, rss = gen.get((n, tool), (None, 0, "n/a"))
                cells.append(f"{fmt_time(m)} ({fmt_rss(rss)})")
            w(f"| {types(n)} | " + " | ".join(cells) + " |")
        w("")
        w("| types | Charter ÷ swift-openapi-generator types | Charter ÷ swift-openapi-generator types+client | Charter ÷ datamodel-code-generator | Charter ÷ JSONSerialization floor |")
        w("|---:|---:|---:|---:|---:|")
        for n in sizes:
            c = t(n, "charter")
            w(f"| {types(n)} | {fmt_ratio(c, t(n, 'oag-types'))} | {fmt_ratio(c, t(n, 'oag-types-client'))} | "
              f"{fmt_ratio(c, t(n, 'dmcg'))} | {fmt_ratio(c, t(n, 'floor'))} |")
        w("")
        w("Charter's other commands on the same contract sets (`charter lint`: every rule of the recommended preset,")
        w("findings as JSON on standard output):")
        w("")
        w("| command | " + " | ".join(f"{types(n)} types" for n in sizes) + " |")
        w("|---|" + "---:|" * len(sizes))
        for tool, label in [("charter-lint", "`charter lint`"), ("charter-diff", "`charter diff` (base vs head, 10% of the types changed)")]:
            cells = []
            for n in sizes:
                m, _, rss = gen.get((n, tool), (None, 0, "n/a"))
                cells.append("n/a" if m is None else f"{fmt_time(m)} ({fmt_rss(rss)})")
            w(f"| {label} | " + " | ".join(cells) + " |")
        w("")
        for files, tool, med, runs, rss in contract_rows or []:
            what = "`charter lint`" if tool == "charter-lint" else "`charter diff` (10% of the types changed)"
            w(f"{what} of {int(files):,} contract files of 10 types each ({int(files) * 10:,} types): "
              f"{fmt_time(float(med))} ({fmt_rss(rss)}), median of {runs} runs.")
            w("")
        if len(sizes) > 1:
            w("Scaling: time at 10× the types ÷ time (linear = 10; the target for Charter is ≤ 11).")
            w("")
            steps = [(a, b) for a, b in zip(sizes, sizes[1:]) if b == 10 * a]
            w("| tool | " + " | ".join(f"{types(a)} → {types(b)}" for a, b in steps) + " |")
            w("|---|" + "---:|" * len(steps))
            for tool in ["charter", "oag-types", "oag-types-client", "dmcg", "floor"]:
                w(f"| {LABEL[tool]} | " + " | ".join(fmt_ratio(t(b, tool), t(a, tool)) for a, b in steps) + " |")
            w("")
            if pairs:
                a, b = steps[-1]
                w(f"The step to {types(b)} types again, in {len(pairs['rounds'])} paired rounds (`Benchmarks/scaling-pairs.py`): each")
                w(f"round times Charter on {types(a)} and on {types(b)} types back to back (hyperfine `-N`, median of"
                  f" {pairs['small_runs']} and {pairs['large_runs']} runs, alternating which goes first), so both sizes see the same")
                w("machine; the two medians above were taken minutes apart. Ratio within each round: "
                  + ", ".join(f"{r['ratio']:.2f}" for r in pairs["rounds"]) + f"; median **{pairs['median_ratio']:.2f}**.")
                w("")
            w("![Generation time against number of types, log-log](Benchmarks/scaling.svg)")
            w("")

    # ---- compile
    w("### Compile time of the generated code")
    w("")
    out.extend(provenance(res, "compile", meta))
    comp = {}
    comp_sizes = []
    skipped = []
    for row in compile_rows or []:
        if len(row) == 2:
            skipped.append(int(row[0]))
            continue
        n, tool, mode, med, runs, rss, lines = row
        n = int(n)
        if n not in comp_sizes:
            comp_sizes.append(n)
        comp[(n, tool, mode)] = (float(med), int(runs), rss, int(lines))
    if compile_rows is None:
        w("Not run in this run (`--only`).")
        w("")
    else:
        w("Charter's generated models (one file per contract, `import CharterRuntime`) vs swift-openapi-generator's")
        w("generated types (`Types*.swift`, `import OpenAPIRuntime`) for the same schemas, compiled to object files and a")
        w("module by `swiftc` (not `-typecheck`): debug `-Onone -j2` (per-file, as a debug build does), release")
        w("`-O -wmo -num-threads 2` (whole module, as a release build does). CharterRuntime, OpenAPIRuntime and HTTPTypes")
        w("are built beforehand (release) and not timed. Median of the runs shown, taken in interleaved rounds (Charter")
        w("debug, Charter release, the same split into several files per contract when measured (below),")
        w("swift-openapi-generator debug, swift-openapi-generator release, then the reverse; `Benchmarks/interleave.py`), so")
        w("all runs see the same machine conditions; peak RSS of the compiler in brackets.")
        w("")
        w("| types | lines of Swift (Charter / OpenAPI) | debug: Charter | debug: swift-openapi-generator | debug ratio | release: Charter | release: swift-openapi-generator | release ratio | runs |")
        w("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for n in sorted(comp_sizes):
            cd, od = comp.get((n, "charter", "debug")), comp.get((n, "oag", "debug"))
            cr, orl = comp.get((n, "charter", "release")), comp.get((n, "oag", "release"))
            w(f"| {types(n)} | {cd[3]:,} / {od[3]:,} | {fmt_time(cd[0])} ({fmt_rss(cd[2])}) | {fmt_time(od[0])} ({fmt_rss(od[2])}) | "
              f"{fmt_ratio(cd[0], od[0])} | {fmt_time(cr[0])} ({fmt_rss(cr[2])}) | {fmt_time(orl[0])} ({fmt_rss(orl[2])}) | "
              f"{fmt_ratio(cr[0], orl[0])} | {cd[1]} |")
        for n in skipped:
            last = max(comp_sizes) if comp_sizes else None
            hint = ""
            if last and (last, "charter", "release") in comp:
                timed = [key for key in comp if key[0] == last]
                total = sum(comp[key][0] for key in timed)
                hint = (f" At {types(last)} types the {len(timed)} compiles took {total / 60:.0f} min in all; 10× the code would take"
                        f" about {total * 10 / 3600:.1f} h per round if compile time grew only linearly")
            w(f"| {types(n)} | skipped | | | | | | | |")
            w("")
            w(f"{types(n)} types: skipped by default.{hint} (`Benchmarks/run --compile-10000` measures it).")
        w("")
        split_tool, split_files, split = split_variant(comp, comp_sizes)
        if split:
            w(f"Charter's models split with `--files-per-contract {split_files}` (the same code in {split_files} files per contract,"
              " which the compiler works on in parallel), in the same rounds, against the same swift-openapi-generator runs:")
            w("")
            w("| types | lines of Swift | debug: Charter, split | debug ratio | release: Charter, split | release ratio | runs |")
            w("|---:|---:|---:|---:|---:|---:|---:|")
            for n in split:
                sd, sr = comp[(n, split_tool, "debug")], comp[(n, split_tool, "release")]
                od, orl = comp[(n, "oag", "debug")], comp[(n, "oag", "release")]
                w(f"| {types(n)} | {sd[3]:,} | {fmt_time(sd[0])} ({fmt_rss(sd[2])}) | {fmt_ratio(sd[0], od[0])} | "
                  f"{fmt_time(sr[0])} ({fmt_rss(sr[2])}) | {fmt_ratio(sr[0], orl[0])} | {sd[1]} |")
            w("")

    # ---- plugins
    w("### Consumer package with each build-tool plugin")
    w("")
    out.extend(provenance(res, "plugins", meta))
    plug = {}
    regenerated = []
    for tool, kind, med, runs, *rest in plugin_rows or []:
        plug[(tool, kind)] = (float(med), int(runs))
        if rest and rest[0] == "yes":
            regenerated.append(tool)
    if plugin_rows is None:
        w("Not run in this run (`--only`).")
        w("")
    else:
        w("`Benchmarks/consumers/`: one library target whose models come from the plugin — Charter's `CharterGenerator`")
        w("on the 100-type contract set, with its default settings (since `0b24bab` they split that one contract into four")
        w("files: `\"filesPerContract\": \"auto\"`), or swift-openapi-generator's `OpenAPIGenerator` (types only, public) on the")
        w("equivalent OpenAPI document (one `Types.swift`) — built with `swift build` (debug). Cold: `rm -rf .build` before each build, so it")
        w("includes building the generator tool and the runtime library (CharterRuntime; OpenAPIRuntime and HTTPTypes);")
        w("packages already resolved. No-op: `swift build` again with nothing changed (after two warm-up builds: the first")
        w("build after a cold one reruns the plugin's command once, with either plugin). The two consumers build in")
        w("interleaved rounds (Charter's, then swift-openapi-generator's, then the reverse; `Benchmarks/interleave.py`): a cold")
        w("build takes long enough for the machine's speed to drift, and interleaving gives both the same conditions.")
        w("The builds run under `env -u HYPERFINE_RANDOMIZED_ENVIRONMENT_OFFSET -u _ -u SHLVL -u PWD -u OLDPWD`: SwiftPM")
        w("reruns build-tool plugin commands whenever the build's environment differs from the last build's; hyperfine")
        w("set that variable to a different value for every run (which turned every \"no-op\" build into a regeneration")
        w("for both plugins: 2.6 s and 8.1 s instead of well under 1 s, measured), and the others differ between a timed")
        w("build and the script's own check build after the timed runs.")
        w("")
        w("| build | Charter's plugin | swift-openapi-generator's plugin | Charter ÷ swift-openapi-generator | runs |")
        w("|---|---:|---:|---:|---:|")
        for kind, label in [("cold", "cold (`rm -rf .build; swift build`)"), ("noop", "no-op rebuild")]:
            c, o = plug.get(("charter", kind)), plug.get(("oag", kind))
            if c and o:
                w(f"| {label} | {fmt_time(c[0])} | {fmt_time(o[0])} | {fmt_ratio(c[0], o[0])} | {c[1]} |")
        w("")
        for tool in regenerated:
            w(f"**Warning:** the {tool} consumer's no-op rebuild ran the generator again (checked after the timed runs).")
            w("")

    # ---- targets
    w("### Issue 6 targets")
    w("")
    w("| target | measured | |")
    w("|---|---|---|")

    def verdict(ok):
        return "met" if ok else "**missed**"

    def verdicts(items, unit="size"):  # [(label, ok)]
        met = [label for label, ok in items if ok]
        missed = [label for label, ok in items if not ok]
        if not missed:
            return "met" + (f" at every {unit}" if len(items) > 1 else "")
        if not met:
            return "**missed**" + (f" at every {unit}" if len(items) > 1 else "")
        return f"met at {', '.join(met)}; **missed** at {', '.join(missed)}"

    if gen_rows is not None and sizes:
        big = max(sizes)
        rs = [(n, t(n, "charter") / t(n, "oag-types")) for n in sizes if t(n, "oag-types")]
        worst = max(r for _, r in rs)
        w(f"| generation ≥ 5× faster than swift-openapi-generator (Charter ÷ it ≤ 0.20) | types only: "
          + ", ".join(f"{r:.2f} at {types(n)}" for n, r in rs)
          + f" (i.e. {1 / worst:.1f}× to {1 / min(r for _, r in rs):.1f}× faster) | {verdicts([(types(n), r <= 0.2) for n, r in rs])} |")
        fs = [(n, t(n, "charter") / t(n, "floor")) for n in sizes if t(n, "floor")]
        w(f"| generation within 3× of the JSONSerialization parse floor | "
          + ", ".join(f"{r:.1f}× at {types(n)}" for n, r in fs)
          + f" | {verdicts([(types(n), r <= 3) for n, r in fs])} |")
        if len(sizes) > 1:
            steps = [(a, b) for a, b in zip(sizes, sizes[1:]) if b == 10 * a]
            sc = [(a, b, t(b, "charter") / t(a, "charter")) for a, b in steps]
            top = sc[-1]
            paired = ""
            if pairs:
                # The last step's verdict goes by the paired rounds, which both sizes ran in the same conditions.
                a, b, _ = sc[-1]
                sc[-1] = (a, b, pairs["median_ratio"])
                paired = (f" (the last: median of {len(pairs['rounds'])} paired rounds, "
                          + ", ".join(f"{r['ratio']:.2f}" for r in pairs["rounds"])
                          + f"; {t(b, 'charter') / t(a, 'charter'):.1f}× from the two medians above)")
            w(f"| linear scaling: 10× the types ≤ 11× the time | "
              + ", ".join(f"{r:.1f}× for {types(a)} → {types(b)}" for a, b, r in sc) + paired
              + f" | {verdicts([(f'{types(a)} → {types(b)}', r <= 11) for a, b, r in sc], 'step')} |")
    if plugin_rows is not None and ("charter", "cold") in plug and ("oag", "cold") in plug:
        r = plug[("charter", "cold")][0] / plug[("oag", "cold")][0]
        w(f"| consumer cold build with Charter's plugin ≤ ⅓ of swift-openapi-generator's | {r:.2f} | {verdict(r <= 1 / 3)} |")
    if compile_rows is not None and comp_sizes:
        def compile_ratios(tool, ns):  # "0.49 debug at 100, ..." and the verdict, Charter's `tool` against oag
            parts, oks = [], []
            for n in ns:
                for mode in ("debug", "release"):
                    r = comp[(n, tool, mode)][0] / comp[(n, "oag", mode)][0]
                    oks.append((f"{mode} {types(n)}", r <= 0.5))
                    parts.append(f"{r:.2f} {mode} at {types(n)}")
            return ", ".join(parts), verdicts(oks, "point")

        measured, verdict_text = compile_ratios("charter", sorted(comp_sizes))
        w(f"| generated code compiles ≥ 2× faster than swift-openapi-generator's (ratio ≤ 0.50) | {measured} | {verdict_text} |")
        split_tool, split_files, split = split_variant(comp, comp_sizes)
        if split:
            measured, verdict_text = compile_ratios(split_tool, split)
            w(f"| … the same with `--files-per-contract {split_files}` (opt-in for the CLI; what the build plugin's default, `\"filesPerContract\": \"auto\"`, gives at 100 types — one contract of 80 or more types — but not at 1,000, ten contracts of one file each) | {measured} | {verdict_text} |")
    at_1000 = {tool: float(med) for files, tool, med, runs, rss in contract_rows or [] if int(files) == 1000}
    if "charter-lint" in at_1000 and "charter-diff" in at_1000:
        lint, diff = at_1000["charter-lint"], at_1000["charter-diff"]
        w(f"| lint and diff of 1,000 contracts under 1 s | lint {fmt_time(lint)}, diff {fmt_time(diff)} "
          f"(1,000 contract files of 10 types; diff against a copy with 10% of the types changed) | "
          f"{verdicts([('lint', lint < 1), ('diff', diff < 1)], 'command')} |")
    else:
        w("| lint and diff of 1,000 contracts under 1 s | not measured in this run | n/a |")
    w("")

    w("### Commands")
    w("")
    w("`$WORK` is the scratch folder (`$TMPDIR/charter-bench`), `$VENV` the virtualenv, `N` the number of types.")
    w("")
    w("```sh")
    w(commands)
    w("```")
    w("")
    w(END)
    section = "\n".join(out) + "\n"
    with open(args.markdown, "w") as fh:
        fh.write(section)

    write_svg(args.svg, gen, sizes)
    if args.svg_copy:
        shutil.copyfile(args.svg, args.svg_copy)
    if args.benchmarks_md:
        splice(args.benchmarks_md, section)


def splice(path, section):
    text = open(path).read() if os.path.exists(path) else "# Benchmarks\n"
    if BEGIN in text and END in text:
        head, _, rest = text.partition(BEGIN)
        _, _, tail = rest.partition(END)
        text = head + section.rstrip("\n") + tail
    else:
        text = text.rstrip("\n") + "\n\n" + section
    with open(path, "w") as fh:
        fh.write(text)


def write_svg(path, gen, sizes):
    W, H = 880, 470
    left, right, top, bottom = 70, 310, 40, 55
    pw, ph = W - left - right, H - top - bottom
    points = {tool: [(n, gen[(n, tool)][0]) for n in sizes if (n, tool) in gen and gen[(n, tool)][0]] for tool, *_ in TOOLS}
    values = [v for pts in points.values() for _, v in pts]
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
             'font-family="Helvetica, Arial, sans-serif" font-size="12">',
             f'<rect width="{W}" height="{H}" fill="white"/>',
             f'<text x="{left + pw / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">'
             'Generation time against number of types (log-log)</text>']
    if not values or len(sizes) < 1:
        parts.append(f'<text x="{W / 2}" y="{H / 2}" text-anchor="middle">no generation results</text></svg>')
        open(path, "w").write("\n".join(parts) + "\n")
        return
    x0, x1 = math.floor(math.log10(min(sizes))), math.ceil(math.log10(max(sizes)))
    if x1 == x0:
        x1 += 1
    y0, y1 = math.floor(math.log10(min(values))), math.ceil(math.log10(max(values)))
    if y1 == y0:
        y1 += 1

    def X(n):
        return left + (math.log10(n) - x0) / (x1 - x0) * pw

    def Y(v):
        return top + ph - (math.log10(v) - y0) / (y1 - y0) * ph

    parts.append(f'<rect x="{left}" y="{top}" width="{pw}" height="{ph}" fill="none" stroke="#333"/>')
    for e in range(x0, x1 + 1):
        x = X(10 ** e)
        parts.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{top + ph}" stroke="#ddd"/>')
        parts.append(f'<text x="{x:.1f}" y="{top + ph + 18}" text-anchor="middle">{10 ** e:,}</text>')
    for e in range(y0, y1 + 1):
        y = Y(10 ** e)
        v = 10.0 ** e
        label = f"{v * 1000:g} ms" if v < 1 else f"{v:g} s"
        parts.append(f'<line x1="{left}" y1="{y:.1f}" x2="{left + pw}" y2="{y:.1f}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{label}</text>')
    parts.append(f'<text x="{left + pw / 2}" y="{H - 15}" text-anchor="middle">number of types</text>')
    parts.append(f'<text x="18" y="{top + ph / 2}" text-anchor="middle" transform="rotate(-90 18 {top + ph / 2})">'
                 'median wall time</text>')
    ly = top + 10
    for tool, label, colour, dash in TOOLS:
        pts = points[tool]
        if not pts:
            continue
        dash_attr = f' stroke-dasharray="{dash}"' if dash else ""
        coords = " ".join(f"{X(n):.1f},{Y(v):.1f}" for n, v in pts)
        parts.append(f'<polyline points="{coords}" fill="none" stroke="{colour}" stroke-width="2"{dash_attr}/>')
        for n, v in pts:
            parts.append(f'<circle cx="{X(n):.1f}" cy="{Y(v):.1f}" r="3" fill="{colour}"><title>{label}: '
                         f'{n:,} types, {fmt_time(v)}</title></circle>')
        lx = left + pw + 15
        parts.append(f'<line x1="{lx}" y1="{ly}" x2="{lx + 28}" y2="{ly}" stroke="{colour}" stroke-width="2"{dash_attr}/>')
        parts.append(f'<text x="{lx + 34}" y="{ly + 4}">{label}</text>')
        ly += 22
    parts.append("</svg>")
    with open(path, "w") as fh:
        fh.write("\n".join(parts) + "\n")


if __name__ == "__main__":
    main()
