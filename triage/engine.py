"""The triage engine: learns categories and urgency from labelled texts, proposes both
for a new text with a confidence and the words behind it, and says how good it is.

Not tied to our taxonomy: it learns whatever labels it is given. Texts are folded by
``triage.text.normalize``, then read as character n-grams within words (2 to 5: they
survive misspellings, missing letters and Arabizi guesses) and as words and word pairs,
hashed into a fixed space so that no vocabulary is stored. A logistic regression per
task (each label against the rest) gives probabilities. What is saved is only arrays (the
n-gram weights that training touched, as a sparse matrix), so a model is small, loads
fast and does not depend on pickled library objects.

Critical cases are the ones that must not be missed: a binary model (critical or not)
and a list of danger words flag them, and training picks the model's threshold on
cross-validated predictions to favour recall (see ``_critical_threshold``).
"""

import json
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import SGDClassifier
from sklearn.metrics import accuracy_score, precision_recall_fscore_support
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.preprocessing import normalize as l2_normalize

from triage.text import normalize

# Words that mark danger to a person whatever else the text says, by kind of danger
# (folded forms; a word matches when it starts with a cue once its leading و ف ب ل ال
# are set aside, so "والضرب" and "لتحرش" match). They are a safety net under the learned
# model, written from what the ministry counts as critical: a text with one is always
# "possibly critical", and the cue is shown as the reason.
DANGER_CUES = (
    # violence and abuse
    "ضرب", "بيضرب", "بتضرب", "يضرب", "بيضربو", "اتضرب", "تعذيب", "اعتداء", "بيعتدي",
    "عنف", "تحرش", "بيتحرش", "اتحرش", "لمسها", "لمسني", "بيلمس", "اغتصاب", "سكينه", "بيهدد",
    "مربوط", "ربطت", "بيربط", "بتحبس", "يحبسو", "حابسين", "بيحبس", "اهانه",
    "beat", "beaten", "hit", "slapped", "abuse", "abused", "harass", "assault", "violence",
    # life and health
    "انتحار", "هينتحر", "ينتحر", "suicide", "تسمم", "سخن", "العنايه", "غسيل كلوي",
    "نزيف", "اغمي", "bed sores", "bedsores",
    # no roof, no food, left alone, lost
    "مشرد", "بلا ماوي", "من غير بيوت", "يبات فيه", "نبات فيه", "ننام فيه",
    "نايم في الشارع", "نايمه في الشارع", "نايمين في الشارع", "بينام في الشارع",
    "بتنام في الشارع", "ننام في الشارع", "بيبات في الشارع", "بنبات في الشارع",
    "هنتطرد", "هيطردنا", "طردنا", "اتطرد", "طردت", "رمي عفشنا", "homeless", "nowhere to sleep",
    "من غير اكل", "مفيش اكل", "مش بياكل", "جعانين", "لوحدهم", "تايه", "ضاعت", "ضاع",
    "هربت", "missing",
    # buildings and fire
    "حريق", "اتحرق", "انهيار", "انهار", "اتهد", "وقع علي", "ايل للسقوط", "السقف هيقع",
    "سلك كهربا", "flooded", "fire", "collapsed",
)  # fmt: skip
_CLITICS = ("وال", "بال", "فال", "لل", "ال", "و", "ف", "ب", "ل")
# Little words that carry weight for a model (as part of pairs) but explain nothing to a
# reader: left out of the words shown as the reasons for a proposal.
_NOT_REASONS = frozenset(
    [
        "في",
        "من",
        "علي",
        "عن",
        "الي",
        "الى",
        "و",
        "ولا",
        "لا",
        "منذ",
        "يا",
        "مش",
        "انا",
        "انت",
        "احنا",
        "هو",
        "هي",
        "هما",
        "اللي",
        "الذي",
        "التي",
        "ده",
        "دي",
        "ما",
        "بس",
        "كل",
        "مع",
        "او",
        "ان",
        "انه",
        "انها",
        "كان",
        "كانت",
        "لي",
        "ليه",
        "عشان",
        "علشان",
        "بقاله",
        "بقالي",
        "حد",
        "حاجه",
        "ايه",
        "اي",
        "the",
        "a",
        "an",
        "and",
        "or",
        "to",
        "of",
        "in",
        "on",
        "is",
        "are",
        "my",
        "i",
        "we",
        "it",
        "not",
    ]
)
BITS = 18  # 2**18 hashed features, half for character n-grams, half for words
CRITICAL = "critical"
HELD_OUT = 0.2
# Folds of the cross-validation that sets the critical threshold: each fold's model learns
# from four fifths of the texts, close to what the final model sees.
FOLDS = 5
FORMAT = 1

_CHARS = HashingVectorizer(
    analyzer="char_wb",
    ngram_range=(2, 5),
    n_features=2 ** (BITS - 1),
    alternate_sign=False,
    norm=None,
    lowercase=False,
    dtype=np.float32,
)
_WORDS = HashingVectorizer(
    analyzer="word",
    ngram_range=(1, 2),
    token_pattern=r"(?u)\b\w+\b",  # noqa: S106 (a regular expression, not a password)
    n_features=2 ** (BITS - 1),
    alternate_sign=False,
    norm=None,
    lowercase=False,
    dtype=np.float32,
)


def _counts(folded: Sequence[str]) -> sparse.csr_matrix:
    """Raw n-gram counts of already folded texts, characters first, then words."""
    return sparse.hstack(
        [_CHARS.transform(folded), _WORDS.transform(folded)], format="csr", dtype=np.float32
    )


@dataclass
class Task:
    """One learned labelling (category, or urgency): its labels and weights."""

    labels: list[str]
    coef: sparse.csr_matrix  # labels × features
    intercept: np.ndarray

    def __post_init__(self):
        # Features × labels, made once: transposing per call cost a millisecond a text.
        self.by_feature = self.coef.T.tocsr()

    def probabilities(self, features: sparse.csr_matrix) -> np.ndarray:
        """Each label's one-vs-rest probability, made to sum to one across labels."""
        scores = (features @ self.by_feature).toarray() + self.intercept
        chances = 1 / (1 + np.exp(-np.clip(scores, -30, 30)))
        return chances / chances.sum(axis=1, keepdims=True)


@dataclass(frozen=True)
class Proposal:
    category: str
    confidence: float
    urgency: str | None
    urgency_confidence: float
    critical_probability: float
    possibly_critical: bool
    words: list[str] = field(default_factory=list)


# One pass over the text finds every cue: at the start of a word, after any clitic.
_CUE_PATTERN = re.compile(
    r"(?<!\S)(?:"
    + "|".join(_CLITICS)
    + r")?("
    + "|".join(re.escape(cue) for cue in sorted(DANGER_CUES, key=len, reverse=True))
    + ")"
)


def danger_cues(folded: str) -> list[str]:
    """The danger cues in a folded text (each once, in the order they appear)."""
    return list(dict.fromkeys(match.group(1) for match in _CUE_PATTERN.finditer(folded)))


@dataclass
class Model:
    idf: np.ndarray
    category: Task
    urgency: Task | None
    critical_threshold: float
    # Critical against everything else, learned on its own: sharper than the urgency
    # model's third of its attention.
    critical: Task | None = None
    meta: dict = field(default_factory=dict)

    # -- reading ---------------------------------------------------------------------------
    def features(self, texts: Sequence[str]) -> tuple[list[str], sparse.csr_matrix]:
        folded = [normalize(text) for text in texts]
        return folded, _weigh(_counts(folded), self.idf)

    def propose(self, texts: Sequence[str], *, explain: bool = False) -> list[Proposal]:
        """A proposal per text; never raises, whatever the text (empty included)."""
        folded, features = self.features(texts)
        categories = self.category.probabilities(features)
        urgencies = self.urgency.probabilities(features) if self.urgency else None
        criticals = (
            self.critical.probabilities(features)[:, 1] if self.critical is not None else None
        )
        proposals = []
        for row, text in enumerate(folded):
            best = int(categories[row].argmax())
            confidence = float(categories[row, best]) if text else 0.0
            urgency, urgency_confidence, critical = None, 0.0, 0.0
            if urgencies is not None:
                chosen = int(urgencies[row].argmax())
                urgency = self.urgency.labels[chosen]
                urgency_confidence = float(urgencies[row, chosen]) if text else 0.0
                if criticals is not None:
                    critical = float(criticals[row])
            cues = danger_cues(text)
            proposals.append(
                Proposal(
                    category=self.category.labels[best],
                    confidence=confidence,
                    urgency=urgency,
                    urgency_confidence=urgency_confidence,
                    critical_probability=critical,
                    possibly_critical=bool(text)
                    and (critical >= self.critical_threshold or bool(cues)),
                    words=self.explain(text, features[row], best) if explain and text else [],
                )
            )
        return proposals

    def explain(self, folded: str, features: sparse.csr_matrix, label: int, most: int = 5):
        """The words of the text that pushed hardest towards ``label``: the sum, over the
        n-grams each word brings, of their value in the text times the label's weight."""
        present = features.indices
        weights = self.category.by_feature[present, label].toarray().ravel()
        push_of = dict(zip(present.tolist(), (features.data * weights).tolist(), strict=True))
        words = [w for w in dict.fromkeys(folded.split()) if w not in _NOT_REASONS]
        if not words:
            return []
        own = _counts(words)  # each word alone: the n-grams it brings
        pushes = [
            sum(push_of.get(j, 0.0) for j in own.indices[own.indptr[r] : own.indptr[r + 1]])
            for r in range(len(words))
        ]
        ranked = sorted(zip(pushes, words, strict=True), reverse=True)
        return [word for push, word in ranked[:most] if push > 0]

    # -- keeping ---------------------------------------------------------------------------
    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        arrays = {"idf": self.idf.astype(np.float32)}
        tasks = (
            ("category", self.category),
            ("urgency", self.urgency),
            ("critical", self.critical),
        )
        for name, task in tasks:
            if task is not None:
                coef = task.coef.tocsr().astype(np.float32)
                arrays |= {
                    f"{name}_data": coef.data,
                    f"{name}_indices": coef.indices,
                    f"{name}_indptr": coef.indptr,
                    f"{name}_intercept": task.intercept.astype(np.float32),
                }
        np.savez_compressed(folder / "weights.npz", **arrays)
        about = {
            "format": FORMAT,
            "bits": BITS,
            "category_labels": self.category.labels,
            "urgency_labels": self.urgency.labels if self.urgency else None,
            "critical_labels": self.critical.labels if self.critical else None,
            "critical_threshold": self.critical_threshold,
            **self.meta,
        }
        (folder / "model.json").write_text(
            json.dumps(about, ensure_ascii=False, indent=2), encoding="utf-8"
        )

    @classmethod
    def load(cls, folder: Path) -> "Model":
        about = json.loads((folder / "model.json").read_text(encoding="utf-8"))
        if about.get("format") != FORMAT or about.get("bits") != BITS:
            raise ValueError(f"{folder} holds a model of another format")
        arrays = np.load(folder / "weights.npz")

        def task(name, labels):
            if labels is None:
                return None
            coef = sparse.csr_matrix(
                (arrays[f"{name}_data"], arrays[f"{name}_indices"], arrays[f"{name}_indptr"]),
                shape=(len(labels), 2**BITS),
            )
            return Task(labels, coef, arrays[f"{name}_intercept"])

        meta = {
            k: v
            for k, v in about.items()
            if k not in ("format", "bits", "category_labels", "urgency_labels", "critical_labels")
        }
        meta.pop("critical_threshold")
        return cls(
            idf=arrays["idf"],
            category=task("category", about["category_labels"]),
            urgency=task("urgency", about["urgency_labels"]),
            critical=task("critical", about.get("critical_labels")),
            critical_threshold=about["critical_threshold"],
            meta=meta,
        )


# -- learning ------------------------------------------------------------------------------
def _idf(counts: sparse.csr_matrix) -> np.ndarray:
    """Smoothed inverse document frequency, as scikit-learn's TfidfTransformer computes it."""
    documents = counts.shape[0]
    frequency = np.bincount(counts.indices, minlength=counts.shape[1])
    return (np.log((1 + documents) / (1 + frequency)) + 1).astype(np.float32)


def _weigh(counts: sparse.csr_matrix, idf: np.ndarray) -> sparse.csr_matrix:
    """Sublinear term frequency times inverse document frequency, each row of length one
    (what TfidfTransformer does, without building a diagonal matrix for every call)."""
    weighed = counts.copy()
    weighed.data = (1 + np.log(weighed.data)) * idf[weighed.indices]
    return l2_normalize(weighed, copy=False)


def _fit(features, labels: Sequence[str]) -> Task:
    """One-vs-rest logistic regression by stochastic gradient descent: seconds for tens
    of thousands of texts, where an exact solver takes minutes."""
    classifier = SGDClassifier(
        loss="log_loss",
        alpha=5e-5,
        max_iter=40,
        tol=None,
        class_weight="balanced",
        random_state=7,
    )
    classifier.fit(features, labels)
    coef = sparse.csr_matrix(classifier.coef_.astype(np.float32))
    coef.eliminate_zeros()
    classes = [str(c) for c in classifier.classes_]
    intercept = classifier.intercept_.astype(np.float32)
    if len(classes) == 2:  # a binary model scores one side: make it two rows
        coef = sparse.vstack([-coef, coef], format="csr")
        intercept = np.array([-intercept[0], intercept[0]], dtype=np.float32)
    return Task(classes, coef, intercept)


def _is_critical(urgencies) -> np.ndarray:
    return np.array(["yes" if u == CRITICAL else "no" for u in urgencies])


def _critical_threshold(features, folded, urgencies: Sequence[str], progress) -> float:
    """The "critical" probability above which a text is flagged, chosen on cross-validated
    predictions of the training texts, with the danger cues, to make the best F2: recall
    weighs four times precision, because a missed child in danger costs more than an
    officer's minute on a false alarm."""
    labels = _is_critical(urgencies)
    if min(np.unique(labels, return_counts=True)[1]) < FOLDS:
        return 0.5
    scores = np.zeros(len(labels))
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=7)
    for number, (fit_rows, test_rows) in enumerate(folds.split(features, labels), start=1):
        progress(f"  critical threshold: fold {number} of {FOLDS}")
        task = _fit(features[fit_rows], labels[fit_rows])
        scores[test_rows] = task.probabilities(features[test_rows])[:, 1]
    cued = np.array([bool(danger_cues(text)) for text in folded])
    critical = labels == "yes"

    def f2(threshold: float) -> float:
        flagged = (scores >= threshold) | cued
        caught = (flagged & critical).sum()
        if not caught:
            return 0.0
        recall, precision = caught / critical.sum(), caught / flagged.sum()
        return 5 * precision * recall / (4 * precision + recall)

    candidates = np.unique(np.round(scores, 3))
    return float(max(candidates, key=lambda t: (f2(t), t)))


def train(
    texts: Sequence[str],
    categories: Sequence[str],
    urgencies: Sequence[str] | None = None,
    *,
    progress: Callable[[str], None] = print,
) -> Model:
    """Learn a model from labelled texts (urgency optional)."""
    started = time.perf_counter()
    progress(f"Reading {len(texts):,} texts")
    folded = [normalize(text) for text in texts]
    counts = _counts(folded)
    idf = _idf(counts)
    features = _weigh(counts, idf)
    progress(f"Learning {len(set(categories))} categories")
    category = _fit(features, categories)
    urgency, critical, threshold = None, None, 0.5
    if urgencies is not None:
        progress(f"Learning urgency ({', '.join(sorted(set(urgencies)))})")
        urgency = _fit(features, urgencies)
        if CRITICAL in urgencies:
            critical = _fit(features, _is_critical(urgencies))
            threshold = _critical_threshold(features, folded, urgencies, progress)
    progress(f"Learned in {time.perf_counter() - started:.1f} s")
    return Model(
        idf=idf,
        category=category,
        urgency=urgency,
        critical=critical,
        critical_threshold=threshold,
    )


def split(texts, categories, urgencies=None, *, held_out: float = HELD_OUT, seed: int = 7):
    """A stratified training part and a held-out part of the same rows."""
    rows = list(range(len(texts)))
    counts = {label: categories.count(label) for label in set(categories)}
    stratify = categories if min(counts.values()) >= 2 else None
    fit_rows, test_rows = train_test_split(
        rows, test_size=held_out, random_state=seed, stratify=stratify
    )

    def pick(values, chosen):
        return None if values is None else [values[i] for i in chosen]

    return (
        (pick(texts, fit_rows), pick(categories, fit_rows), pick(urgencies, fit_rows)),
        (pick(texts, test_rows), pick(categories, test_rows), pick(urgencies, test_rows)),
    )


def evaluate(model: Model, texts, categories, urgencies=None) -> dict:
    """The report ``manage.py triage evaluate`` prints: scores per class and overall,
    critical recall and precision, and the speed of proposing both labels."""
    started = time.perf_counter()
    proposals = model.propose(texts)
    seconds = time.perf_counter() - started
    predicted = [p.category for p in proposals]
    labels = sorted(set(categories) | set(predicted))
    precision, recall, f1, support = precision_recall_fscore_support(
        categories, predicted, labels=labels, zero_division=0
    )
    present = [i for i, label in enumerate(labels) if label in set(categories)]
    report = {
        "macro_f1": round(float(np.mean(f1[present])), 4),
        "accuracy": round(float(accuracy_score(categories, predicted)), 4),
        "per_class": {
            labels[i]: {
                "precision": round(float(precision[i]), 4),
                "recall": round(float(recall[i]), 4),
                "f1": round(float(f1[i]), 4),
                "support": int(support[i]),
            }
            for i in present
        },
        "urgency": None,
        "texts_per_second": round(len(texts) / seconds) if seconds else None,
    }
    if urgencies is not None and model.urgency is not None:
        report["urgency"] = _urgency_report(proposals, urgencies)
    return report


def _urgency_report(proposals, urgencies) -> dict:
    predicted = [p.urgency for p in proposals]
    levels = sorted(set(urgencies))
    *_, f1, _support = precision_recall_fscore_support(
        urgencies, predicted, labels=levels, zero_division=0
    )
    flagged = np.array([p.possibly_critical for p in proposals])
    truly = np.array([u == CRITICAL for u in urgencies])
    caught = int((flagged & truly).sum())
    return {
        "macro_f1": round(float(np.mean(f1)), 4),
        "critical_recall": round(caught / truly.sum(), 4) if truly.any() else None,
        "critical_precision": round(caught / flagged.sum(), 4) if flagged.any() else None,
    }


def learn(texts, categories, urgencies, *, out: Path, fingerprint: str, progress=print) -> dict:
    """Train on most of the rows, score on the rest, save the model with its scores; the
    report returned is the held-out one (the saved model is the one it describes)."""
    (fit_texts, fit_categories, fit_urgencies), held_out = split(texts, categories, urgencies)
    progress(f"Training on {len(fit_texts):,} texts, holding out {len(held_out[0]):,}")
    model = train(fit_texts, fit_categories, fit_urgencies, progress=progress)
    progress("Scoring the held-out texts")
    report = evaluate(model, *held_out)
    model.meta = {
        "data_fingerprint": fingerprint,
        "rows": len(texts),
        "trained_rows": len(fit_texts),
        "trained_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "held_out": report,
    }
    model.save(out)
    return report
