"""Every entry of a hand-kept data file is one the build uses: an entry nothing needs stops the
split script at its line (exit 2), with the pages left as they were."""

from __future__ import annotations

import shutil

import pytest
from conftest import ROOT, run_split

ABBREVIATIONS, INDEX = "scripts/data/abbreviations.yml", "scripts/data/index.yml"
EVIDENCE = "scripts/data/references.yml"
# Each hand-kept data file the split script reads, an entry added to it that nothing uses
# (after the first line that is ``after``, or at the end), and what the error says.
UNUSED = {
    "an expansion of an abbreviation the article never uses":
        (ABBREVIATIONS, "expansions:\n", "  OAS: Organization of American States\n", "the article never uses “OAS”"),
    "an expansion the same as the one the article spells out itself":
        (ABBREVIATIONS, "expansions:\n", "  PNP: Peruvian National Police\n", "the article spells “PNP” out itself"),
    "an expansion given twice":
        (ABBREVIATIONS, "  UNODC: United Nations Office on Drugs and Crime\n", "  UNODC: UN drugs office\n",
         "“UNODC” is given twice"),
    "an other-language name the article gives itself":
        (ABBREVIATIONS, "other_language:\n", "  SL: {Spanish: Sendero Luminoso, source: the article}\n",
         "the article gives “SL” in Spanish: Sendero Luminoso itself"),
    "a word the article never writes, listed as no abbreviation":
        (ABBREVIATIONS, "not_abbreviations:\n", "  - XIV\n", "the article never writes “XIV”"),
    "a section of the abbreviations nothing reads":
        (ABBREVIATIONS, "not_abbreviations:\n", "spanish:\n", "nothing reads “spanish” here"),
    "an index name the article never writes":
        (INDEX, "people:\n", "  - name: Vladimiro Montesinos\n", "“Vladimiro Montesinos” (Vladimiro Montesinos) "
                                                                 "no longer occurs"),
    "an alias the article never writes":
        (INDEX, "  - name: Pablo Escobar\n", "    aliases: [El Patrón]\n", "“El Patrón” (Pablo Escobar) no longer occurs"),
    "a field of an index entry nothing reads":
        (INDEX, "  - name: Pablo Escobar\n", "    alias: [El Patrón]\n", "nothing reads “alias” here"),
    "a kind of index entry nothing reads":
        (INDEX, "places:\n", "events:\n  - name: Peru\n", "nothing reads “events” here"),
    "a timeline label for a date the article never states":
        (INDEX, "timeline:\n", '  - when: "1980"\n    label: The war begins\n', "“1980” matches no date in the article"),
    "a fact about the article nothing reads":
        ("mkdocs.yml", "  article:\n", "    doi: 10.0000/none\n", "nothing reads “doi” here"),
    "evidence for a work the bibliography does not hold":
        (EVIDENCE, None, "nobody2020:\n  status: not identified\n", "evidence for nobody2020, which is no entry"),
    "a field of a work's evidence nothing reads":
        (EVIDENCE, "dreyfus1999:\n", "  confidence: high\n", "nothing reads “confidence” here"),
    "a work of the bibliography no note cites":
        ("refs.bib", None, "@misc{nobody2020,\n  author = {Nobody, Anne},\n  title = {A Work No Note Cites},\n  year = {2020},\n}\n",
         "entry nobody2020 is cited by no note"),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory):
    """A copy of what the split script reads, restored before each test."""
    folder = tmp_path_factory.mktemp("project")
    for part in ("scripts", "source"):
        shutil.copytree(ROOT / part, folder / part, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("mkdocs.yml", "refs.bib"):
        shutil.copy(ROOT / name, folder)
    return folder


@pytest.mark.parametrize("case", UNUSED)
def test_an_unused_entry_stops_the_script_at_its_line_and_leaves_the_pages_alone(case, project, tmp_path):
    name, after, added, message = UNUSED[case]
    path = project / name
    original = (ROOT / name).read_text(encoding="utf-8")
    at = original.index(after) + len(after) if after else len(original)
    path.write_text(original[:at] + added + original[at:], encoding="utf-8")
    try:
        out = tmp_path / "docs"
        out.mkdir()
        (out / "index.md").write_text("before\n", encoding="utf-8")
        result = run_split("--out", out, cwd=project, script=project / "scripts" / "split_article.py")
    finally:
        path.write_text(original, encoding="utf-8")
    entry_line = original.count("\n", 0, at) + 1
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"{path}:{entry_line}: "), result.stderr
    assert message in result.stderr
    assert [p.name for p in out.iterdir()] == ["index.md"] and (out / "index.md").read_text() == "before\n"
