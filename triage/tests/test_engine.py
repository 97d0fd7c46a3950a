"""The learning pipeline: any labels a CSV holds, a report in the agreed shape, and a
model that answers every text, however strange, without raising."""

import csv
import json

import pytest
from django.core.management import call_command

from triage import dataset, engine

FRUIT = [
    ("التفاح الأحمر طازج ولذيذ", "fruit"),
    ("البرتقال فيه فيتامين سي", "fruit"),
    ("الموز الناضج أصفر", "fruit"),
    ("العنب حلو في الصيف", "fruit"),
    ("المانجو المصري أحسن مانجو", "fruit"),
    ("الفراولة بتتزرع في الشتا", "fruit"),
]
CARS = [
    ("العربية موتورها سخن", "cars"),
    ("الفرامل محتاجة تتغير", "cars"),
    ("الكاوتش اتخرم على الطريق", "cars"),
    ("البنزين خلص في نص السكة", "cars"),
    ("الرخصة بتاعة العربية خلصت", "cars"),
    ("الدريكسيون تقيل ومحتاج زيت", "cars"),
]


def _write(path, rows, *, urgency=False):
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "category", *(["urgency"] if urgency else [])])
        for number, (text, label) in enumerate(rows * 4):
            extra = [("critical" if number % 3 == 0 else "normal")] if urgency else []
            writer.writerow([f"{text} {number}", label, *extra])


def test_train_learns_any_labels_and_evaluate_reports_in_the_agreed_shape(tmp_path, capsys):
    data, out = tmp_path / "data.csv", tmp_path / "model"
    _write(data, FRUIT + CARS)
    call_command("triage", "train", "--data", str(data), "--out", str(out))
    printed = capsys.readouterr().out.strip().splitlines()
    assert any("Learning 2 categories" in line for line in printed)  # progress
    training_report = json.loads(printed[-1])
    assert set(training_report["per_class"]) == {"fruit", "cars"}

    call_command("triage", "evaluate", "--data", str(data), "--model", str(out))
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert set(report) == {"macro_f1", "accuracy", "per_class", "urgency", "texts_per_second"}
    assert report["urgency"] is None  # no urgency column
    assert set(report["per_class"]["fruit"]) == {"precision", "recall", "f1", "support"}
    assert report["accuracy"] >= 0.9  # it learned the two kinds apart


def test_urgency_is_learned_when_the_csv_has_it(tmp_path, capsys):
    data, out = tmp_path / "data.csv", tmp_path / "model"
    _write(data, FRUIT + CARS, urgency=True)
    call_command("triage", "train", "--data", str(data), "--out", str(out))
    report = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert set(report["urgency"]) == {"macro_f1", "critical_recall", "critical_precision"}


def test_a_csv_without_the_columns_is_refused_clearly(tmp_path):
    data = tmp_path / "data.csv"
    data.write_text("body,label\nنص,شيء\n", encoding="utf-8")
    with pytest.raises(Exception, match="'text' and a 'category' column"):
        call_command("triage", "train", "--data", str(data), "--out", str(tmp_path / "m"))


@pytest.fixture(scope="module")
def seed_model():
    return engine.Model.load(dataset.SEED_FOLDER)


@pytest.mark.parametrize(
    "strange",
    ["", "😡😡😡😡", "0123456789", "asdkjh qwe zxcmnb", "please help me", "ا" * 4000, "؟؟؟"],
)
def test_strange_text_gets_a_low_confidence_and_never_raises(seed_model, strange):
    (proposal,) = seed_model.propose([strange], explain=True)
    assert proposal.confidence < 0.5


def test_the_seed_model_reads_a_clear_complaint_and_says_why(seed_model):
    (proposal,) = seed_model.propose(
        ["الحضانة اللي جنبنا مش مرخصة والعيال كتير اوي في اوضة واحدة"], explain=True
    )
    assert proposal.category == "nurseries"
    assert any("حضان" in word for word in proposal.words)


def test_a_child_in_danger_is_possibly_critical_even_in_arabizi(seed_model):
    texts = ["el modarsa fel 7adana bet2fel 3ala el 3eyal w beyedrabohom", "ابني اتضرب في الدار"]
    assert all(p.possibly_critical for p in seed_model.propose(texts))


def test_a_saved_model_reads_back_the_same(tmp_path, seed_model):
    seed_model.save(tmp_path / "copy")
    again = engine.Model.load(tmp_path / "copy")
    text = ["المعاش اتقطع من شهرين"]
    assert again.propose(text) == seed_model.propose(text)
