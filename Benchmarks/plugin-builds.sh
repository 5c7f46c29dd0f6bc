#!/usr/bin/env bash
# Measures the example consumer package (Examples/RetailIntegration) built with Charter's build-tool
# plugin: cold build, no-op rebuild, rebuild after editing one contract; and the same package with the
# generated code checked in instead (no plugin), for comparison. Needs hyperfine.
# Usage: Benchmarks/plugin-builds.sh   (prints markdown rows for BENCHMARKS.md)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# With the plugin: a copy of the example that depends on this checkout by absolute path.
cp -R "$root/Examples/RetailIntegration" "$work/with-plugin"
rm -rf "$work/with-plugin/.build"
sed -i "s|path: \"../..\"|path: \"$root\"|" "$work/with-plugin/Package.swift"

# Without the plugin: the same sources plus the generated code checked in (command plugin output).
cp -R "$work/with-plugin" "$work/without-plugin"
(cd "$work/without-plugin" && swift package --allow-writing-to-package-directory charter generate --target RetailModels >/dev/null 2>&1)
sed -i 's|, plugins: \[.plugin(name: "CharterGenerator", package: "Charter")\]||; /plugins: \[.plugin(name: "CharterGenerator", package: "Charter")\]/d' "$work/without-plugin/Package.swift"
rm -rf "$work/without-plugin/.build" "$work/without-plugin/Sources/RetailModels/Contracts" "$work/without-plugin/Sources/RetailModels/charter.json"

median() { python3 -c "import json; r=json.load(open('$1'))['results'][0]; print(f\"{r['median']:.2f} s\")"; }

echo "| build | with Charter's plugin | generated code checked in |"
echo "|---|---|---|"
for variant in with-plugin without-plugin; do
  (cd "$work/$variant" && hyperfine -N -r 3 --prepare "rm -rf .build" --export-json "$work/cold-$variant.json" "swift build" >/dev/null 2>&1)
  (cd "$work/$variant" && swift build >/dev/null 2>&1 && hyperfine -N -w 1 -r 10 --export-json "$work/noop-$variant.json" "swift build" >/dev/null 2>&1)
done
echo "| cold (\`rm -rf .build; swift build\`, includes building the plugin's tool, charter-generate, and CharterRuntime) | $(median "$work/cold-with-plugin.json") | $(median "$work/cold-without-plugin.json") |"
echo "| no-op rebuild | $(median "$work/noop-with-plugin.json") | $(median "$work/noop-without-plugin.json") |"
contract="Sources/RetailModels/Contracts/pricing/pricing-v1.json"
# Each run first edits the contract's title (alternating two spellings), so every build sees a real change.
cat > "$work/edit.sh" <<EDIT
#!/usr/bin/env bash
f="$work/with-plugin/$contract"
if grep -q '"title": "Pricing (v1)",' "\$f"; then sed -i 's/"title": "Pricing (v1)",/"title": "Pricing (v1, edited)",/' "\$f"
else sed -i 's/"title": "Pricing (v1, edited)",/"title": "Pricing (v1)",/' "\$f"; fi
EDIT
chmod +x "$work/edit.sh"
(cd "$work/with-plugin" && hyperfine -N -w 1 -r 5 --prepare "$work/edit.sh" --export-json "$work/edit.json" "swift build" >/dev/null 2>&1)
echo "| rebuild after editing one contract (pricing-v1.json; regenerates pricing-v1.swift only) | $(median "$work/edit.json") | n/a |"
