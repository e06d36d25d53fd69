"""Measure the detector on labelled messages: precision, recall and F1, and what it got wrong.

Run ``python -m moderation.signals.evaluate [path ...]``; without paths it reads the tuning set
and the held-out set in ``tests/moderation/``. Each file is a TSV with the header
``label kind language text``: label ``risk`` or ``none``, kind ``suicide``, ``self_harm`` or
``abuse`` for risk rows (empty for none), language ``nl`` or ``en``.

The overall figures score risk against none, whatever the kind. The per-kind figures score one
kind against the rest, so a suicide message detected as self-harm counts against both kinds but
not against the overall recall: a volunteer gets the cue either way.

The held-out set was written before the detector was built, was evaluated once after tuning
ended, and has not been edited. It is not independent all the same: the same person wrote it and
then the lexicon, with the same phrasings in mind, and the four examples named in the issue ("ik
ga dood van de stress haha", "I'd die for pizza", "ik wil er niet meer zijn", "nobody would miss
me") are in it as well as in the unit tests. A fairer estimate of unseen phrasings is how the
later tuning batches scored before they were tuned on: about 0.2-0.4 recall on new indirect
phrasings, so new messages will keep showing gaps that need new lexicon entries.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from moderation.signals.detector import detect

REPOSITORY_ROOT = Path(__file__).resolve().parents[2]
TUNING_SET = REPOSITORY_ROOT / "tests" / "moderation" / "signals_tuning.tsv"
HELD_OUT_SET = REPOSITORY_ROOT / "tests" / "moderation" / "signals_held_out.tsv"
HEADER = ("label", "kind", "language", "text")
KINDS = ("suicide", "self_harm", "abuse")


@dataclass(frozen=True)
class Row:
    """One labelled message."""

    label: str
    kind: str
    language: str
    text: str

    @property
    def risk(self) -> bool:
        return self.label == "risk"


@dataclass
class Score:
    """Counts of a binary decision, with the figures derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, *, truth: bool, predicted: bool) -> None:
        if truth and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif truth:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def total(self) -> int:
        return self.tp + self.fp + self.fn + self.tn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        both = self.precision + self.recall
        return 2 * self.precision * self.recall / both if both else 0.0


@dataclass(frozen=True)
class Miss:
    """A message the detector got wrong, and what it said."""

    row: Row
    detected: str  # the detected kind, or "none"


@dataclass
class Figures:
    """Overall, per language and per kind scores, and the misclassified messages."""

    overall: Score = field(default_factory=Score)
    by_language: dict[str, Score] = field(default_factory=dict)
    by_kind: dict[str, Score] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)


def read_rows(path: Path) -> list[Row]:
    """The labelled rows of one TSV file; raises ``ValueError`` on a malformed line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    if not lines or tuple(lines[0].split("\t")) != HEADER:
        raise ValueError(f"{path}: the first line must be {' '.join(HEADER)!r} (tab-separated)")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        parts = line.split("\t")
        if len(parts) != len(HEADER):
            raise ValueError(f"{path}:{number}: expected {len(HEADER)} tab-separated fields")
        row = Row(*parts)
        valid_kind = row.kind in KINDS if row.risk else row.kind == ""
        if row.label not in ("risk", "none") or not valid_kind or row.language not in ("nl", "en"):
            raise ValueError(f"{path}:{number}: bad label, kind or language")
        rows.append(row)
    return rows


def evaluate(rows: Iterable[Row]) -> Figures:
    """Run the detector on every row and score it."""
    figures = Figures()
    for row in rows:
        signal = detect(row.text)
        detected = signal.kind.value if signal else "none"
        figures.overall.add(truth=row.risk, predicted=signal is not None)
        language = figures.by_language.setdefault(row.language, Score())
        language.add(truth=row.risk, predicted=signal is not None)
        for kind in KINDS:
            score = figures.by_kind.setdefault(kind, Score())
            score.add(truth=row.risk and row.kind == kind, predicted=detected == kind)
        if detected != (row.kind if row.risk else "none"):
            figures.misses.append(Miss(row, detected))
    return figures


def _line(name: str, score: Score) -> str:
    return (
        f"  {name:<10} n={score.total:<4} tp={score.tp:<4} fp={score.fp:<3} fn={score.fn:<3}"
        f" tn={score.tn:<4} precision={score.precision:.3f} recall={score.recall:.3f}"
        f" f1={score.f1:.3f}"
    )


def report(title: str, figures: Figures) -> str:
    """The figures as text: overall, per language, per kind, then the misclassified rows."""
    lines = [f"== {title}", _line("overall", figures.overall)]
    lines += [_line(lang, figures.by_language[lang]) for lang in sorted(figures.by_language)]
    lines += [_line(kind, figures.by_kind[kind]) for kind in KINDS if kind in figures.by_kind]
    lines.append(f"  misclassified ({len(figures.misses)}):")
    for miss in figures.misses:
        truth = miss.row.kind if miss.row.risk else "none"
        lines.append(f"    [{miss.row.language}] {truth} -> {miss.detected}: {miss.row.text}")
    return "\n".join(lines)


def main(arguments: Sequence[str]) -> int:
    """Print the report for each file and for all of them together."""
    paths = [Path(argument) for argument in arguments] or [TUNING_SET, HELD_OUT_SET]
    combined: list[Row] = []
    for path in paths:
        rows = read_rows(path)
        combined += rows
        print(report(f"{path.name} ({len(rows)} messages)", evaluate(rows)), end="\n\n")
    if len(paths) > 1:
        print(report(f"combined ({len(combined)} messages)", evaluate(combined)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
