#!/bin/sh
# Usage: doc_examples_drift_test.sh PYTHON BITEXT SOURCE_DIR WORK_DIR
# doc_examples.py on a page whose drifted examples end in "# drifted": it must
# exit 1 and name exactly those examples' lines, no more and no fewer.
set -u
python=$1 bitext=$2 root=$3 work=$4
page=tests/data/docs-examples/drifted.md
mkdir -p "$work"
"$python" "$root/tests/doc_examples.py" --bitext "$bitext" --root "$root" --work "$work/run" "$page" > "$work/output" 2>&1
code=$?
cat "$work/output"
if [ "$code" -ne 1 ]; then
  echo "doc_examples_drift_test: exit code $code, expected 1" >&2
  exit 1
fi
grep -n '^\$ .*# drifted$' "$root/$page" | cut -d: -f1 > "$work/expected"
sed -n "s|^$page:\([0-9]*\): .*|\1|p" "$work/output" > "$work/reported"
if ! diff "$work/expected" "$work/reported"; then
  echo "doc_examples_drift_test: reported lines (>) differ from the drifted ones (<)" >&2
  exit 1
fi
