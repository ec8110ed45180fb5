#!/usr/bin/env bash
# Runs every test project (browser tests included) and ends with one line "N passed, N failed".
# On a fresh Debian machine it first installs what the tests need: Chromium, CJK fonts, LibreOffice
# (to open the exported documents) and poppler-utils.
set -uo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
# LibreOffice converts the exported .docx/.xlsx to PDF in the export tests; poppler reads the PDF.
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-writer-nogui libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
# grep reads the whole list (no -q): with pipefail, an early exit would fail fc-list with SIGPIPE
# now and then, and the fonts would be "installed" again (needing the network) although present.
if ! { command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null; }; then
    missing+=(fonts-noto-cjk)
fi
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing ${missing[*]} (Debian packages) for the browser tests..."
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    fi || { echo "Could not install ${missing[*]}."; echo "0 passed, 1 failed"; exit 1; }
fi

results=TestResults
rm -rf "$results"
status=0

# Code style is part of the build (EnforceCodeStyleInBuild); formatting is checked here too.
if ! dotnet format Awards.sln --verify-no-changes --verbosity quiet; then
    echo "dotnet format found files to reformat (run: dotnet format Awards.sln)."
    status=1
fi

# One build, then each test project with a results file of its own name.
if dotnet build Awards.sln --nologo --verbosity quiet; then
    for project in tests/*.Tests/*.Tests.csproj; do
        name=$(basename "$project" .csproj)
        dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=$name.trx" --results-directory "$results" || status=1
    done
else
    status=1
fi

passed=0
failed=0
files=0
for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    files=$((files + 1))
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0} + ${e:-0}))
done

projects=$(find tests -name '*.Tests.csproj' | wc -l)
if [ "$files" -lt "$projects" ] || { [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; }; then
    # A project that did not build or crashed wrote no results: count it as a failure, never as a pass.
    failed=$((failed + 1))
    status=1
fi

echo "$passed passed, $failed failed"
exit "$status"
