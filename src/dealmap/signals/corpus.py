"""The labelled corpus the reader learns from and is measured on."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

CORPUS_DIR = Path(__file__).with_name("corpus")
TRAIN = CORPUS_DIR / "train.jsonl"
#: Written by ``dealmap.signals.compose``: the training bodies in many frames and voices.
GENERATED = CORPUS_DIR / "generated.jsonl"
AUTHORS_DIR = CORPUS_DIR / "authors"
#: Round 5: hand-written lines from six outside authors, each in their own voice: a (400, Chinese
#: industrial), b (400, English and mixed: SaaS, devices, services), c (400, Chinese public sector and
#: services); then d (360, Chinese retail and internet chat), e (360, English in several varieties) and
#: f (360, Chinese customer's own words); then g (330, Chinese state-owned and energy, third-hand
#: reports), h (333, English and mixed call notes) and i (330, Chinese and English, personal needs and
#: department concerns); then, in round 8, j (330, Chinese factory CRM notes), k (330, English from
#: Singapore, India, Australia and Hong Kong), l (330, Chinese banks and government bureaus), m (330,
#: Chinese and mixed pharma and hospitals, half the lines with a personal need), n (330, English and
#: mixed, neighbouring levels told apart) and o (300, Chinese multi-sentence visit notes from small
#: firms); then p (330, Chinese weekly reports on state-owned groups), q (330, English from US and
#: European deals), r (330, Chinese internet-company chat with English jargon), s (330, Chinese car
#: and machinery makers, department concerns told without naming the department), t (330, English
#: public sector, half the lines with a personal need) and u (330, Chinese short phone notes and
#: hearsay); then v (330, Chinese universities and research institutes), w (330, English as a second
#: language: Chinese exporters and their customers abroad), x (330, Chinese voice-message transcripts
#: from construction and real estate), y (330, bilingual managers in multinationals' China branches,
#: department concerns) and z (330, Chinese logistics meeting minutes and CRM fields). Each later
#: group was measured as unseen before it joined. Round 9, past z: aa (330, Chinese telecom operators and
#: provincial IT departments), ab (330, non-native English from channel sales in the Middle East, Africa
#: and Latin America), ac (330, Chinese small-town and family factories, regional speech), ad (330, English
#: CRM fields from North American and British software sellers), ae (330, Chinese notes that tell deeds,
#: not words) and af (330, Hong Kong, Taiwan, Singapore and Malaysia Chinese and English); then ag (330,
#: Chinese new-energy and utility projects), ah (330, English with Japanese and Korean customers), ai
#: (330, Chinese typed fast on a phone or dictated: typos, slang, speech-recognition slips), aj (330,
#: English by foreign sellers in China, with pinyin), ak (330, Chinese research institutes and state-owned
#: engineering groups) and al (330, Chinese, mixed and English: consumer brands' marketing departments);
#: then am (330, long Chinese visit reports), an (330, English from Central and Eastern Europe, Turkey and
#: Central Asia), ao (330, Chinese deal reviews by a sales manager, needs told by behaviour), ap (330, the
#: customer's own Chinese words only: sarcasm, rhetoric, polite refusals), aq (330, English from
#: Australia, New Zealand and Canada) and ar (330, Chinese electronics and auto-parts makers); then as
#: (330, English from US hospital systems), at (330, Chinese securities firms, insurers and fintech), au
#: (330, Chinese district and county governments), av (330, English from the Philippines, Indonesia,
#: Vietnam and Thailand), aw (330, Chinese channel partners: distributors and resellers) and ax (330,
#: a seller's work-chat reports to their manager, Chinese and English); then ay (330, Chinese county
#: hospitals), az (330, English from the UK and Ireland), ba (330, Chinese schools and vocational
#: colleges), bb (330, Chinese companies abroad, Chinese and English), bc (330, Chinese property
#: developers, property managers and hotels) and bd (329, English from German, Dutch, Nordic and Swiss
#: industry).
AUTHORS = {
    name: AUTHORS_DIR / f"{name}.jsonl"
    for name in [
        *"abcdefghijklmnopqrstuvwxyz",
        *(f"a{c}" for c in "abcdefghijklmnopqrstuvwxyz"),
        *(f"b{c}" for c in "abcd"),
    ]
}
#: Everything the model is trained on (the held-out, unseen and blind sets never are).
TRAINING = (TRAIN, GENERATED, *AUTHORS.values())
HELDOUT = CORPUS_DIR / "heldout.jsonl"


@dataclass(frozen=True)
class Labelled:
    """One utterance or note with what a careful seller would record for it."""

    text: str
    lang: str
    level: int | None
    need: str | None
    departments: frozenset[str]
    signals: frozenset[str]


def load(path: Path) -> list[Labelled]:
    """Read a JSONL corpus file (one labelled object per line)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return load_rows(json.loads(line) for line in lines if line.strip())


def load_rows(objects) -> list[Labelled]:
    """Labelled rows from decoded corpus objects."""
    return [
        Labelled(
            text=obj["text"],
            lang=obj["lang"],
            level=obj["level"],
            need=obj["need"],
            departments=frozenset(obj["departments"]),
            signals=frozenset(obj["signals"]),
        )
        for obj in objects
    ]


def load_training() -> list[Labelled]:
    """The hand-written training lines, the generated ones, then the outside authors' lines."""
    return [row for path in TRAINING if path.exists() for row in load(path)]


def digest(*paths: Path) -> str:
    """SHA-256 of corpus files, stored with the model so a stale model is detected."""
    h = hashlib.sha256()
    for path in paths or TRAINING:
        h.update(path.read_bytes())
    return h.hexdigest()
