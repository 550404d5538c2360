"""The inspect_ai tasks, run end to end through the package's entry point with inspect's mock model."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from inspect_ai import eval as inspect_eval
from inspect_ai.model import ChatMessage, GenerateConfig, ModelOutput, ModelUsage, get_model

import communique
from communique.llm.convert import answers_from_corpus
from communique.llm.prompts import system_prompt
from communique.llm.strict import strict_schema

# Two warnings from inside inspect, not ours to fix: its retry set-up passes tenacity an argument
# tenacity has deprecated, and an anyio memory stream of its event loop is left to the collector.
pytestmark = [
    pytest.mark.filterwarnings("ignore:The 'initial' parameter is deprecated:DeprecationWarning"),
    pytest.mark.filterwarnings("ignore:Unclosed <MemoryObjectReceiveStream:ResourceWarning"),
    pytest.mark.filterwarnings(
        "ignore:Exception ignored in. <function MemoryObjectReceiveStream:pytest.PytestUnraisableExceptionWarning"
    ),
]


@pytest.fixture(autouse=True)
def _private_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """inspect keeps data under the user's folders: point them into the test's folder."""
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    monkeypatch.setenv("INSPECT_LOG_DIR", str(tmp_path / "logs"))


def _output(text: str) -> ModelOutput:
    out = ModelOutput.from_content("mockllm/model", text)
    out.usage = ModelUsage(input_tokens=1, output_tokens=1, total_tokens=2)  # no tokenizer needed
    return out


def _run(task: str, reply: Callable[[dict[str, Any]], str], tmp_path: Path) -> dict[str, float]:
    """Evaluate ``communique/<task>`` with a mock model answering ``reply(gold answer)``; return the metrics."""
    gold = answers_from_corpus(communique.load(), task)
    seen: list[tuple[list[ChatMessage], GenerateConfig]] = []

    def generate(messages: list[ChatMessage], tools: Any, choice: Any, config: GenerateConfig) -> ModelOutput:
        seen.append((messages, config))
        doc = next(d for d in gold if d in messages[-1].text)
        return _output(reply(copy.deepcopy(gold[doc])))

    model = get_model("mockllm/model", custom_outputs=generate)
    [log] = inspect_eval(f"communique/{task}", model=model, log_dir=str(tmp_path / "logs"), display="none")
    assert log.status == "success", log.error
    messages, config = seen[0]
    assert messages[0].role == "system" and messages[0].text == system_prompt(task)
    assert config.response_schema is not None and config.response_schema.strict
    assert config.response_schema.json_schema.model_dump(exclude_none=True) == strict_schema(task)
    assert log.results is not None
    [scores] = log.results.scores
    return {name: m.value for name, m in scores.metrics.items()}


@pytest.mark.parametrize("task", ["mentions", "events", "time", "statements", "all"])
def test_gold_answers_score_one_on_every_task(task: str, tmp_path: Path) -> None:
    metrics = _run(task, json.dumps, tmp_path)
    f1s = {k: v for k, v in metrics.items() if k.endswith("_f1")}
    assert f1s and set(f1s.values()) == {1.0}, metrics
    assert metrics["unparsed"] == 0 and not any(v for k, v in metrics.items() if k.endswith("_ungrounded"))


def test_perturbed_answers_score_lower(tmp_path: Path) -> None:
    def perturb(answer: dict[str, Any]) -> str:
        answer["mentions"][0]["actor"]["type"] = (
            "media" if answer["mentions"][0]["actor"]["type"] != "media" else "city"
        )
        answer["mentions"][1]["span"]["quote"] = "a quote that is not in the text"
        del answer["mentions"][2]
        return "```json\n" + json.dumps(answer) + "\n```"

    metrics = _run("mentions", perturb, tmp_path)
    # 223 gold mentions: one wrong label, one hallucinated quote, one left out
    assert metrics["mentions_precision"] == pytest.approx(220 / 222)
    assert metrics["mentions_recall"] == pytest.approx(220 / 223)
    assert (metrics["mentions_ungrounded"], metrics["mentions_grounded"]) == (1, 221)
    # linking is by actor, not type: only the two span errors count
    assert metrics["linking_recall"] == pytest.approx(221 / 223)


def test_an_answer_that_is_not_json_scores_as_empty(tmp_path: Path) -> None:
    metrics = _run("statements", lambda _: "I cannot help with that.", tmp_path)
    assert metrics["unparsed"] == 1 and metrics["statements_recall"] == 0.0


def test_perturbed_events_and_statements_score_lower(tmp_path: Path) -> None:
    gold = communique.load().files[0]

    def perturb(answer: dict[str, Any]) -> str:
        first = answer["events"][0]
        first["type"] = "life.die" if first["type"] != "life.die" else "contact.meet"
        del answer["events"][1]
        answer["statements"][0]["cue"]["quote"] = "whispered"
        return json.dumps(answer)

    metrics = _run("all", perturb, tmp_path)
    triggers = len(gold.events[0].triggers) + len(gold.events[1].triggers)
    assert metrics["events_recall"] == pytest.approx((100 - triggers) / 100)
    assert metrics["events_precision"] == pytest.approx((100 - triggers) / (100 - len(gold.events[1].triggers)))
    assert metrics["arguments_recall"] < 1.0 and metrics["mentions_f1"] == 1.0
    n = len(gold.statements)
    assert metrics["statements_recall"] == pytest.approx((n - 1) / n) and metrics["statements_ungrounded"] == 1
