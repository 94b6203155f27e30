#!/usr/bin/env bash
# Regenerate the example reports and their page images (needs poppler-utils for pdftoppm):
#   bash docs/report/make.sh
set -euo pipefail
cd "$(dirname "$0")"
export QT_QPA_PLATFORM=offscreen
rm -f en-*.png ja-*.png
for lang in en ja; do
    python3 -m app.cli plan --goal cpt --model llama-3.1-swallow-8b --deadline-days 30 --budget 500万 \
        --currency JPY --lang "$lang" --name "Swallow CPT" --pdf "example-$lang.pdf"
    pdftoppm -r 80 -png "example-$lang.pdf" "$lang"
    for f in "$lang"-*.png; do  # pdftoppm pads page numbers (en-01.png) when there are 10 or more
        n="${f#"$lang"-}"; g="$lang-$((10#${n%.png})).png"; [ "$f" = "$g" ] || mv "$f" "$g"
    done
done
ls
