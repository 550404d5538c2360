"""The scorer: gold against itself, empty predictions, hand-computed scores, matching edge cases."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from corpus_kit import (
    GOLD_ACTORS,
    GOLD_EVENTS,
    GOLD_MENTIONS,
    GOLD_STATEMENTS,
    SEED,
    actor,
    event,
    mention,
    statement,
)
from hypothesis import given, settings
from hypothesis import strategies as st

import communique
from communique.scoring import TASKS
from communique.scoring.matching import Unit, align, max_matching, overlap, spans_match


def _score(gold: Path, pred: Path) -> dict:
    return communique.score(communique.load(gold), communique.load(pred)).to_dict()


def _prf(result: dict, task: str, mode: str) -> tuple[float, float, float]:
    s = result[task][mode]
    return s["precision"], s["recall"], s["f1"]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r)


def test_gold_against_itself_is_perfect(gold_dir: Path) -> None:
    result = _score(gold_dir, gold_dir)
    assert list(result) == [*TASKS, "by_label", "textee", "scorer_version"]
    for task in TASKS:
        for mode in ("strict", "lenient"):
            assert _prf(result, task, mode) == (1.0, 1.0, 1.0), (task, mode)
            assert result[task][mode]["fp"] == result[task][mode]["fn"] == 0
        assert (result[task]["precision"], result[task]["recall"], result[task]["f1"]) == (1.0, 1.0, 1.0)
    assert result["mentions"]["strict"]["tp"] == len(GOLD_MENTIONS)
    assert result["events"]["strict"]["tp"] == sum(len(e["triggers"]) for e in GOLD_EVENTS)


def test_empty_prediction_has_zero_recall(gold_dir: Path, corpus_dir) -> None:
    pred = corpus_dir("pred", [])
    result = _score(gold_dir, pred)
    for task in TASKS:
        for mode in ("strict", "lenient"):
            assert result[task][mode]["recall"] == 0.0
            assert result[task][mode]["tp"] == 0
            assert result[task][mode]["fn"] > 0
    assert result["mentions"]["strict"]["fn"] == len(GOLD_MENTIONS)


def test_ids_never_matter(gold_dir: Path, tmp_path: Path) -> None:
    """Renaming every id of the gold (and swapping two event ids) leaves the scores at 1.0."""
    pred = tmp_path / "renamed"
    shutil.copytree(gold_dir, pred)
    renames = {a["id"]: f"x{i}" for i, a in enumerate(GOLD_ACTORS)}
    renames.update({"e1": "e2", "e2": "e1", "m1": "mm1", "s1": "ss1"})
    for rel in ("data/actors.json", "data/documents/d1.json"):
        text = (pred / rel).read_text(encoding="utf-8")
        for old, new in renames.items():
            text = text.replace(f'"{old}"', f'"@{new}"')
        (pred / rel).write_text(text.replace('"@', '"'), encoding="utf-8")
    assert '"x1"' in (pred / "data/actors.json").read_text(encoding="utf-8")
    result = _score(gold_dir, pred)
    for task in TASKS:
        assert result[task]["f1"] == 1.0, task


@pytest.fixture
def hand_pred(corpus_dir) -> Path:
    """A prediction with right, wrong, partial and extra units in every task."""
    actors = [
        actor("p_anna", "Anna Berg", "person"),
        actor("p_jonas", "Jonas", "person"),
        actor("p_oslo", "Oslo", "country", "Q585"),  # right identity and QID, wrong type
        actor("p_lund", "Lund", "city", "Q999"),  # right identity, wrong QID
        actor("p_wire", "Wire", "person"),
        actor("p_rebels", "rebels", "group"),  # the name matches after case-folding
    ]
    mentions = [
        mention("n1", "p_anna", "Anna Berg"),
        mention("n2", "p_jonas", "Jonas"),  # inside 'Jonas Lie': lenient only
        mention("n3", "p_oslo", ("Oslo", 1)),  # wrong type
        mention("n4", "p_lund", "Lund"),
        mention("n5", "p_wire", "Wire"),  # not in gold
        mention("n6", "p_rebels", "Rebels"),
    ]
    events = [
        event("v1", "contact.meet", ["met"], [("participant", "p_anna"), ("participant", "p_jonas")], "2024-03-04"),
        event("v2", "conflict.attack", ["attacked the town"], [("agent", "p_rebels"), ("target", "p_lund")]),
        event("v3", "life.die", ["killed"], time="2024-03", precision="month"),
    ]
    statements = [statement("t1", "p_anna", "said", "that the talks were useful")]
    return corpus_dir("pred", actors, mentions, events, statements)


# (task, mode): (tp, fp, fn), each worked out by hand from the fixture above.
EXPECTED = {
    # gold mentions: Oslo, Anna Berg, Jonas Lie, Oslo, Berg, Rebels, Lund (7)
    ("mentions", "strict"): (3, 3, 4),  # Anna Berg, Lund, Rebels; Jonas, Oslo/country, Wire wrong
    ("mentions", "lenient"): (4, 2, 3),  # + Jonas overlaps Jonas Lie
    ("linking", "strict"): (4, 2, 3),  # Anna Berg, Oslo (the name decides), Lund, Rebels
    ("linking", "lenient"): (4, 2, 3),  # 'Jonas' is no gold actor's name: still wrong
    ("wikidata", "strict"): (1, 1, 1),  # Oslo Q585 right; Lund Q999 wrong, Lund Q2167 missed
    ("wikidata", "lenient"): (1, 1, 1),
    # gold triggers: met, talks, attacked, attack, killed (5)
    ("events", "strict"): (2, 1, 3),  # met, killed; 'attacked the town' is not exact
    ("events", "lenient"): (3, 0, 2),
    # gold arguments: e1 participant x2, e2 agent, e2 target (4)
    ("arguments", "strict"): (1, 3, 3),  # v2 is not aligned in strict mode: its two arguments are wrong
    ("arguments", "lenient"): (3, 1, 1),  # v2 aligned with e2: agent and target right; Jonas wrong
    # gold times: e1 2024-03-04, e2 2024-03-03 (2)
    ("time", "strict"): (1, 1, 1),  # v1 right; v3 dates an event gold leaves undated; e2 missed
    ("time", "lenient"): (1, 1, 1),
    ("statements", "strict"): (0, 1, 1),  # content 'that the talks...' is not exact
    ("statements", "lenient"): (1, 0, 0),
}


@pytest.mark.parametrize(("task", "mode"), sorted(EXPECTED))
def test_hand_built_prediction(gold_dir: Path, hand_pred: Path, task: str, mode: str) -> None:
    tp, fp, fn = EXPECTED[(task, mode)]
    result = _score(gold_dir, hand_pred)[task][mode]
    assert (result["tp"], result["fp"], result["fn"]) == (tp, fp, fn)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 1.0
    assert result["precision"] == pytest.approx(p)
    assert result["recall"] == pytest.approx(r)
    assert result["f1"] == pytest.approx(_f1(p, r) if p + r else 0.0)


def test_hand_built_figures_spelled_out(gold_dir: Path, hand_pred: Path) -> None:
    result = _score(gold_dir, hand_pred)
    assert _prf(result, "mentions", "strict") == pytest.approx((3 / 6, 3 / 7, 6 / 13))
    assert _prf(result, "events", "lenient") == pytest.approx((1.0, 3 / 5, 0.75))
    assert _prf(result, "arguments", "lenient") == pytest.approx((0.75, 0.75, 0.75))
    assert (result["events"]["precision"], result["events"]["recall"]) == pytest.approx((2 / 3, 2 / 5))


def _u(start: int, end: int, key: str = "person", doc: str = "d") -> Unit:
    return Unit(doc, (key,), ((start, end),))


def _tp(gold: list[Unit], pred: list[Unit], mode: str) -> int:
    return len(align(gold, pred, mode))  # type: ignore[arg-type]


def test_touching_spans_do_not_match() -> None:
    assert overlap((0, 5), (5, 9)) == 0
    assert _tp([_u(0, 5)], [_u(5, 9)], "lenient") == 0
    assert _tp([_u(0, 5)], [_u(4, 9)], "lenient") == 1


def test_nested_spans_match_leniently_only() -> None:
    assert _tp([_u(0, 9)], [_u(2, 5)], "lenient") == 1
    assert _tp([_u(2, 5)], [_u(0, 9)], "lenient") == 1
    assert _tp([_u(0, 9)], [_u(2, 5)], "strict") == 0


def test_duplicates_are_not_merged() -> None:
    assert _tp([_u(0, 5)], [_u(0, 5), _u(0, 5)], "strict") == 1  # second copy is a false positive
    assert _tp([_u(0, 5), _u(0, 5)], [_u(0, 5)], "strict") == 1  # one gold copy is missed
    assert _tp([_u(0, 5), _u(0, 5)], [_u(0, 5), _u(0, 5)], "strict") == 2


def test_one_prediction_matches_one_gold_unit() -> None:
    """A long predicted span overlapping two gold spans counts once."""
    assert _tp([_u(0, 4), _u(5, 9)], [_u(0, 9)], "lenient") == 1


def test_alignment_is_maximum_not_greedy() -> None:
    """Greedy by overlap would give A the long span X and leave B unmatched."""
    gold = [_u(0, 10), _u(9, 12)]  # A, B
    pred = [_u(0, 10), _u(8, 9)]  # X overlaps A (10) and B (1); Y overlaps A only
    assert sorted(align(gold, pred, "lenient")) == [(0, 1), (1, 0)]


def test_keys_and_documents_must_agree() -> None:
    assert _tp([_u(0, 5, "person")], [_u(0, 5, "city")], "lenient") == 0
    assert _tp([_u(0, 5, doc="a")], [_u(0, 5, doc="b")], "lenient") == 0


def test_max_matching_finds_augmenting_paths() -> None:
    # left 0 can take 0 or 1, left 1 only 0, left 2 only 1: at most two pairs
    owner = max_matching([[0, 1], [0], [1]], 2)
    assert sorted(i for i in owner if i != -1) in ([0, 1], [1, 2], [0, 2])
    assert len([i for i in owner if i != -1]) == 2
    assert max_matching([[0], [0], [0]], 1) == [0]


def test_events_standing_for_one_gold_event_are_pooled(gold_dir: Path, corpus_dir) -> None:
    """One predicted event per trigger of a gold event: arguments and times pooled, each counted once."""
    anna = [("participant", "anna_berg")]
    pred = corpus_dir(
        "pred",
        GOLD_ACTORS,
        GOLD_MENTIONS,
        [
            event("v1", "contact.meet", ["met"], anna, "2024-03-04"),
            event("v2", "contact.meet", ["talks"], anna),
            event("v3", "contact.meet", ["useful"], anna, "2024-03-05"),  # stands for no gold event
        ],
    )
    result = _score(gold_dir, pred)
    assert (result["arguments"]["strict"]["tp"], result["arguments"]["strict"]["fp"]) == (1, 1)
    assert (result["time"]["strict"]["tp"], result["time"]["strict"]["fp"]) == (1, 1)
    assert (result["events"]["strict"]["tp"], result["events"]["strict"]["fp"]) == (2, 1)


def test_speaker_without_actor_matches_speaker_without_actor(gold_dir: Path, corpus_dir) -> None:
    gold = corpus_dir(
        "g2", GOLD_ACTORS, GOLD_MENTIONS, statements=[statement("s", None, "said", "the talks were useful")]
    )
    named = corpus_dir("p2", GOLD_ACTORS, GOLD_MENTIONS, statements=GOLD_STATEMENTS)
    assert _score(gold, gold)["statements"]["f1"] == 1.0
    assert _score(gold, named)["statements"]["lenient"]["tp"] == 0


def test_different_seed_text_is_an_error(gold_dir: Path, corpus_dir) -> None:
    pred = corpus_dir("pred", [], seed=SEED.replace("Monday", "Sunday"))
    with pytest.raises(communique.ScoringError, match="different text"):
        _score(gold_dir, pred)


def test_unknown_document_is_an_error(gold_dir: Path, tmp_path: Path, corpus_dir) -> None:
    pred = corpus_dir("pred", [])
    doc = pred / "data/documents/d1.json"
    record = json.loads(doc.read_text(encoding="utf-8"))
    record["document"]["id"] = "other"
    record["document"]["seed"] = "other.txt"
    (pred / "data/documents/other.json").write_text(json.dumps(record), encoding="utf-8")
    (pred / "seeds/other.txt").write_text(SEED, encoding="utf-8")
    doc.unlink()
    with pytest.raises(communique.ScoringError, match="'other' is not in the gold corpus"):
        _score(gold_dir, pred)


def test_undefined_actor_is_an_error(gold_dir: Path, corpus_dir) -> None:
    pred = corpus_dir("pred", [], [mention("n1", "ghost", "Anna Berg")])
    # validation already refuses the prediction directory (E202) ...
    with pytest.raises(communique.CorpusInvalidError, match="'ghost'"):
        _score(gold_dir, pred)
    # ... and the scorer refuses a Corpus built without validation
    gold = communique.load(gold_dir)
    f = gold.files[0]
    ghost = f.model_copy(update={"mentions": [f.mentions[0].model_copy(update={"actor": "ghost"})]})
    with pytest.raises(communique.ScoringError, match="'ghost'"):
        communique.score(gold, communique.Corpus(info=gold.info, actors=gold.actors, files=(ghost,)))


def test_gold_documents_left_out_count_as_missed(gold_dir: Path) -> None:
    # a corpus directory with no document is not loadable, but the API takes any Corpus
    gold = communique.load(gold_dir)
    partial = communique.Corpus(info=gold.info, actors=gold.actors, files=())
    result = communique.score(gold, partial).to_dict()
    assert result["mentions"]["recall"] == 0.0
    assert result["wikidata"]["f1"] == 1.0


spans = st.tuples(st.integers(0, 12), st.integers(1, 4)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=200, deadline=None)
@given(st.lists(spans, max_size=5), st.lists(spans, max_size=5), st.sampled_from(["strict", "lenient"]))
def test_alignment_is_a_maximum_one_to_one_matching(gold: list, pred: list, mode: str) -> None:
    """Checked against brute force over every assignment of predictions to gold units."""
    g = [_u(*s) for s in gold]
    p = [_u(*s) for s in pred]
    pairs = align(g, p, mode)  # type: ignore[arg-type]
    assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
    assert all(spans_match(g[i].spans, p[j].spans, mode) for i, j in pairs)  # type: ignore[arg-type]

    def best(i: int, used: frozenset[int]) -> int:
        if i == len(g):
            return 0
        options = [best(i + 1, used)]
        for j in range(len(p)):
            if j not in used and spans_match(g[i].spans, p[j].spans, mode):  # type: ignore[arg-type]
                options.append(1 + best(i + 1, used | {j}))
        return max(options)

    assert len(pairs) == best(0, frozenset())


def test_identity_tiers() -> None:
    from communique.models import Actor
    from communique.scoring.identity import UNRESOLVED, Identities, normalise

    gold = [
        Actor(id="usa", name="United States", type="country", wikidata="Q30", aliases=["U.S", "Washington"]),
        Actor(id="dc", name="Washington", type="city", wikidata="Q61"),
    ]
    ids = Identities(gold)

    def resolve(name: str, qid: str | None = None, aliases: tuple[str, ...] = (), use_qid: bool = True) -> str:
        pred = Actor(id="p", name=name, type="country", wikidata=qid, aliases=list(aliases))
        return ids.resolve(pred, use_qid=use_qid)

    assert normalise(" U.S ") == normalise("us") == "us"
    assert resolve("Anything", "Q30") == "usa"  # 1. QID
    assert resolve("Anything", "Q30", use_qid=False) == UNRESOLVED + "p"  # the wikidata task skips tier 1
    assert resolve("washington") == "dc"  # 2. name before 3. alias
    assert resolve("US") == "usa"  # 3. alias, after normalisation
    assert resolve("America", aliases=("Nowhere", "U.S")) == "usa"  # 4. a predicted alias
    assert resolve("Canada") == UNRESOLVED + "p"


def test_wikidata_task_needs_the_name(gold_dir: Path, corpus_dir) -> None:
    pred = corpus_dir("pred", [actor("p", "Oslo City", "city", "Q585")], [mention("n", "p", ("Oslo", 1))])
    result = _score(gold_dir, pred)
    assert result["linking"]["strict"]["tp"] == 1  # identified by its QID
    assert (result["wikidata"]["strict"]["tp"], result["wikidata"]["strict"]["fp"]) == (0, 1)


def test_a_predicted_event_stands_for_the_gold_event_it_overlaps_most(gold_dir: Path, corpus_dir) -> None:
    gold = corpus_dir(
        "g2",
        GOLD_ACTORS,
        GOLD_MENTIONS,
        [
            event("a", "contact.meet", ["met"], [("participant", "jonas_lie")]),
            event("b", "contact.meet", ["Prime Minister Jonas Lie"], [("participant", "anna_berg")]),
        ],
    )
    # 'met Prime' overlaps 'met' (3 characters) and 'Prime Minister Jonas Lie' (5): it stands for b
    pred = corpus_dir(
        "p2", GOLD_ACTORS, GOLD_MENTIONS, [event("v", "contact.meet", ["met Prime"], [("participant", "anna_berg")])]
    )
    result = _score(gold, pred)
    assert result["arguments"]["lenient"]["tp"] == 1
    assert result["arguments"]["strict"]["tp"] == 0
