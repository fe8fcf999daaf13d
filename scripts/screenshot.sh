#!/usr/bin/env bash
# Redo docs/img/report.png: the top of the HTML report of the bundled sample answer, in headless Chromium.
#
#   bash scripts/screenshot.sh            # writes docs/img/report.png
#   bash scripts/screenshot.sh OUT.png    # writes elsewhere
#
# It analyses audio_fixtures/good_answer.flac into a throw-away MOCK_INTERVIEW_HOME (your sessions are not
# touched), writes the session's HTML report with `report last --html`, and screenshots it. The window's height
# crops the picture to the top of the report (summary, recording, transcript, pace chart), which keeps the PNG
# small. PYTHON and CHROMIUM override the interpreter and the browser.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$(realpath -m "${1:-$ROOT/docs/img/report.png}")"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
WIDTH=1200   # px; the report's column is centred in it
HEIGHT=1550  # px; down to the end of the pace chart
MAX_BYTES=300000

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
export MOCK_INTERVIEW_HOME="$WORK/home"
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"

"$PYTHON" -m simulator analyze "$ROOT/audio_fixtures/good_answer.flac" --save --quiet >/dev/null
"$PYTHON" -m simulator report last --html "$WORK/report.html" >/dev/null

mkdir -p "$(dirname "$OUT")"
timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --no-first-run --hide-scrollbars --user-data-dir="$WORK/profile" \
    --window-size="$WIDTH,$HEIGHT" --screenshot="$OUT" "file://$WORK/report.html" 2>"$WORK/chromium.log" || {
    cat "$WORK/chromium.log" >&2
    exit 1
}

size=$(stat -c %s "$OUT")
echo "wrote $OUT ($size bytes)"
if [ "$size" -gt "$MAX_BYTES" ]; then
    echo "screenshot: $OUT is over $MAX_BYTES bytes; lower HEIGHT" >&2
    exit 1
fi
