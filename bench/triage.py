"""Benchmark: the triage engine's quality on held-out text, its speed and its size.

- Quality: the shipped seed model on the seed rows it did not learn from (the same
  stratified split ``manage.py triage train`` makes), for categories and critical cases.
- Speed: proposing category and urgency for 20,000 texts pinned to one core; training on
  20,000 texts. Those texts are the seed texts with typing noise (letters dropped, held
  down or swapped for their variants, digits in Arabic-Indic, greetings and punctuation):
  the seed is too small to time anything on, and the noise keeps the texts distinct.
- Size: the saved model on disk.
The last line is one JSON object.

    .venv/bin/python bench/triage.py
"""

import json
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from triage import dataset, engine  # noqa: E402

GREETINGS = ["السلام عليكم ", "لو سمحت ", "ارجو الرد ", "يا جماعة ", "", "", ""]
ENDINGS = ["", "!!", "؟", " 😡", " ارجو المساعدة", " شكرا", "..."]
VARIANTS = {"ة": "ه", "ى": "ي", "أ": "ا", "إ": "ا", "ه": "ة", "ي": "ى"}
ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def noisy(text: str, chance: random.Random) -> str:
    letters = list(text)
    for _ in range(chance.randint(1, 4)):
        at = chance.randrange(len(letters))
        kind = chance.random()
        if kind < 0.3:
            del letters[at]
        elif kind < 0.55:
            letters.insert(at, letters[at] * chance.randint(1, 3))
        elif letters[at] in VARIANTS:
            letters[at] = VARIANTS[letters[at]]
    out = "".join(letters)
    if chance.random() < 0.3:
        out = out.translate(ARABIC_DIGITS)
    return chance.choice(GREETINGS) + out + chance.choice(ENDINGS)


def main() -> None:
    texts, categories, urgencies = dataset.read_csv(dataset.SEED_DATA)
    _fit, (held_texts, held_categories, held_urgencies) = engine.split(texts, categories, urgencies)
    seed = engine.Model.load(dataset.SEED_FOLDER)
    quality = engine.evaluate(seed, held_texts, held_categories, held_urgencies)
    print(
        f"seed model on {len(held_texts)} held-out texts: macro F1 {quality['macro_f1']}, "
        f"accuracy {quality['accuracy']}, critical recall "
        f"{quality['urgency']['critical_recall']}, precision "
        f"{quality['urgency']['critical_precision']}"
    )

    chance = random.Random(7)
    many = [chance.randrange(len(texts)) for _ in range(20_000)]
    big_texts = [noisy(texts[i], chance) for i in many]
    big_categories = [categories[i] for i in many]
    big_urgencies = [urgencies[i] for i in many]

    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core
    seed.propose(big_texts[:200])  # warm up
    started = time.perf_counter()
    for start in range(0, len(big_texts), 1000):
        seed.propose(big_texts[start : start + 1000])
    per_second = len(big_texts) / (time.perf_counter() - started)
    print(f"proposing category and urgency on one core: {per_second:,.0f} texts a second")

    started = time.perf_counter()
    model = engine.train(big_texts, big_categories, big_urgencies, progress=lambda _m: None)
    train_seconds = time.perf_counter() - started
    folder = Path(tempfile.mkdtemp(prefix="sanad-bench-triage-"))
    try:
        model.save(folder)
        size_mb = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
    finally:
        shutil.rmtree(folder)
    print(f"training on 20,000 texts: {train_seconds:.1f} s; the model: {size_mb:.1f} MB")
    print(
        json.dumps(
            {
                "held_out_texts": len(held_texts),
                "held_out_macro_f1": quality["macro_f1"],
                "held_out_accuracy": quality["accuracy"],
                "critical_recall": quality["urgency"]["critical_recall"],
                "critical_precision": quality["urgency"]["critical_precision"],
                "texts_per_second_one_core": round(per_second),
                "train_20000_seconds": round(train_seconds, 1),
                "model_mb": round(size_mb, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
