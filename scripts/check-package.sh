#!/usr/bin/env bash
# Package check: npm pack, a global install into a temporary prefix, and the installed CLI run from an unrelated folder.
# Fails when the tarball holds what does not run (dist/src, dist/bench, dist/scripts) or lacks what does.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "check-package: npm pack (runs the build)"
if ! name="$(cd "$root" && npm pack --pack-destination "$work" 2> "$work/pack.log" | tail -n 1)"; then
  cat "$work/pack.log"
  echo "check-package: FAILED: npm pack"
  exit 1
fi
tgz="$work/$name"
files="$(tar -tzf "$tgz" | sort)"
echo "check-package: $(wc -l <<< "$files") files, $(wc -c < "$tgz") bytes in $(basename "$tgz")"
if grep -E '^package/dist/(src|bench|scripts)/' <<< "$files"; then
  echo "check-package: FAILED: the tarball holds build inputs the CLI never loads (above)"
  exit 1
fi
for need in package/LICENSE package/README.md package/bin/okta-revoke-scan.js package/dist/bundle/main.js \
  package/dist/bundle/worker.js package/dist/bundle/gather-thread.js package/dist/builtin-rules.json \
  package/rules/okta_api_token_revoked.yml package/schema/report.schema.json; do
  grep -qx "$need" <<< "$files" || { echo "check-package: FAILED: $need is not in the tarball"; exit 1; }
done

echo "check-package: npm install -g --prefix <temp> $(basename "$tgz")"
npm install -g --prefix "$work/prefix" "$tgz" --no-audit --no-fund --prefer-offline --loglevel=error
bin="$work/prefix/bin/okta-revoke-scan"

# Run from a folder with nothing of the repository in or above it.
elsewhere="$work/elsewhere"
mkdir "$elsewhere"
cp "$root/samples/okta-export.ndjson" "$elsewhere/"
cd "$elsewhere"

"$bin" --help > help.txt
grep -q 'okta-revoke-scan' help.txt || { echo "check-package: FAILED: --help does not name the command"; exit 1; }
echo "check-package: --help ok ($(wc -l < help.txt) lines)"

version="$("$bin" --version)"
expected="$(node -p "require('$root/package.json').version")"
[ "$version" = "$expected" ] || { echo "check-package: FAILED: --version says '$version', package.json '$expected'"; exit 1; }
echo "check-package: --version ok ($version)"

# The installed CLI must print what the checkout's CLI prints (NDJSON, and the table that loads packages on demand).
for format in ndjson table; do
  "$bin" --format "$format" okta-export.ndjson > "installed.$format" 2> "installed.$format.err" ||
    { status=$?; cat "installed.$format.err"; echo "check-package: FAILED: --format $format exited $status"; exit 1; }
  [ -s "installed.$format" ] || { echo "check-package: FAILED: --format $format printed nothing"; exit 1; }
  node "$root/bin/okta-revoke-scan.js" --format "$format" okta-export.ndjson > "checkout.$format" 2> /dev/null
  cmp -s "installed.$format" "checkout.$format" || { echo "check-package: FAILED: --format $format differs from the checkout's output"; exit 1; }
  echo "check-package: okta-export.ndjson --format $format ok ($(wc -l < "installed.$format") lines, same as the checkout)"
done
echo "check-package: ok"
