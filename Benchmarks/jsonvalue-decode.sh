#!/usr/bin/env bash
# Decoding a 2.3 MB free-form JSON document (6,100 order-like records: strings with and without non-ASCII text,
# integers, decimals, integers beyond Int64, booleans, nulls, nested arrays and objects; fixed seed) as a JSONValue,
# against JSONSerialization on the same bytes. CharterRuntime and a small driver are compiled together, release
# (-O -wmo); each figure is the best of ROUNDS runs in one process. See BENCHMARKS.md, "Decoding free-form JSON".
# Usage: Benchmarks/jsonvalue-decode.sh [ROUNDS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work/doc.json" <<'PY'
import json, random, sys
random.seed(7)
def order(i):
    return {"id": f"ORD-{i:06d}", "status": random.choice(["open", "shipped", "cancelled"]),
            "total": f"{random.randint(0, 99999) / 100:.2f}", "amount": random.randint(0, 99999) / 100,
            "count": random.randint(0, 1000), "big": 10**20 + i, "flag": random.random() < 0.5,
            "note": None if i % 3 else "café crème – ünïcödé", "tags": [random.choice(["a", "b", "c", "déjà"]) for _ in range(3)],
            "lines": [{"sku": f"SKU-{j}", "qty": j, "price": round(random.random() * 100, 2)} for j in range(2)],
            "meta": {"source": "web", "ratio": 0.125, "nested": {"deep": [1, 2.5, "x", True, None]}}}
doc = {"orders": [order(i) for i in range(6100)], "generated": "2026-11-30T00:00:00Z"}
open(sys.argv[1], "w").write(json.dumps(doc, ensure_ascii=False))
PY
cat > "$work/main.swift" <<'SWIFT'
import Foundation
let data = try! Data(contentsOf: URL(fileURLWithPath: CommandLine.arguments[1]))
let rounds = Int(CommandLine.arguments[2])!
func measure(_ name: String, _ body: () throws -> Void) rethrows {
    var best = Double.infinity
    for _ in 0..<rounds {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    print("\(name): \(String(format: "%.1f", best)) ms (best of \(rounds)), \(data.count) bytes")
}
try! measure("JSONSerialization.jsonObject") { _ = try JSONSerialization.jsonObject(with: data) }
try! measure("JSONValue(json:) (as the runtime reads bodies)") { _ = try JSONValue(json: data) }
try! measure("JSONDecoder().decode(JSONValue.self) (a decoder of one's own)") { _ = try JSONDecoder().decode(JSONValue.self, from: data) }
SWIFT
swiftc -O -wmo -module-name JSONValueBench "$root"/Sources/CharterRuntime/*.swift "$work/main.swift" -o "$work/bench"
"$work/bench" "$work/doc.json" "${1:-5}"
