"""The lm-evaluation-harness tasks: their YAML and utils, and a run through lm-eval itself with a scripted model."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from communique.llm.format import SCORED, TASKS
from communique.llm.lm_eval_tasks import TASKS_DIR, utils
from communique.llm.prompts import prompt

DOC = "000_bd8b5cfe7c34e604"


class _Loader(yaml.SafeLoader):
    """Reads lm-eval's ``!function utils.name`` tags as the names they are."""


_Loader.add_constructor("!function", lambda loader, node: ("function", loader.construct_scalar(node)))


def _task_yaml(task: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.load((TASKS_DIR / f"communique_{task}.yaml").read_text(), Loader=_Loader)  # noqa: S506
    return loaded


@pytest.mark.parametrize("task", TASKS)
def test_each_task_yaml_names_real_functions_and_every_scored_task(task: str) -> None:
    config = _task_yaml(task)
    assert config["task"] == f"communique_{task}"
    assert (TASKS_DIR / config["include"]).is_file()
    for key in ("custom_dataset", "process_results"):
        kind, name = config[key]
        assert kind == "function" and callable(getattr(utils, name.removeprefix("utils.")))
    metrics = [m["metric"] for m in config["metric_list"]]
    assert metrics == [f"{n}_f1" for n in SCORED[task]] + ["ungrounded", "unparsed"]
    for m in config["metric_list"]:
        assert callable(getattr(utils, m["aggregation"][1].removeprefix("utils.")))


def test_rows_hold_the_versioned_prompt_and_the_gold_answer() -> None:
    import communique

    [row] = utils.rows("events")
    assert row["id"] == DOC
    assert row["prompt"] == prompt(communique.load().document(DOC), "events")
    assert json.loads(row["target"])["events"]


def test_micro_f1_sums_counts_before_dividing() -> None:
    assert utils.micro_f1([(1, 0, 0), (0, 1, 1)]) == pytest.approx(0.5)
    assert utils.micro_f1([(1, 1, 0), (1, 0, 1)]) == pytest.approx(2 / 3)


def _evaluate(
    task: str, reply: Callable[[str], str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> dict[str, Any]:
    for name in ("HOME", "HF_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    from lm_eval import simple_evaluate
    from lm_eval.api.model import LM
    from lm_eval.tasks import TaskManager

    class Scripted(LM):  # type: ignore[misc]
        def loglikelihood(self, requests: Any) -> Any:
            raise NotImplementedError

        def loglikelihood_rolling(self, requests: Any) -> Any:
            raise NotImplementedError

        def generate_until(self, requests: Any) -> list[str]:
            return [reply(r.args[0]) for r in requests]

    manager = TaskManager(include_path=str(TASKS_DIR), include_defaults=False)
    result = simple_evaluate(model=Scripted(), tasks=[f"communique_{task}"], task_manager=manager)
    assert result is not None
    figures: dict[str, Any] = result["results"][f"communique_{task}"]
    return {k.removesuffix(",none"): v for k, v in figures.items() if k.endswith(",none")}


def test_lm_eval_scores_gold_answers_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    targets = {row["prompt"]: row["target"] for row in utils.rows("all")}
    figures = _evaluate("all", targets.__getitem__, tmp_path, monkeypatch)
    assert {figures[f"{n}_f1"] for n in SCORED["all"]} == {1.0}
    assert figures["ungrounded"] == figures["unparsed"] == 0


def test_lm_eval_counts_hallucinated_quotes_and_unusable_output(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    [row] = utils.rows("statements")
    answer = json.loads(row["target"])
    answer["statements"][0]["content"]["quote"] = "words nobody said"
    figures = _evaluate("statements", lambda _: json.dumps(answer), tmp_path, monkeypatch)
    n = len(answer["statements"])
    assert figures["statements_f1"] == pytest.approx((n - 1) / n) and figures["ungrounded"] == 1
    figures = _evaluate("statements", lambda _: "no JSON here", tmp_path, monkeypatch)
    assert figures["statements_f1"] == 0.0 and figures["unparsed"] == 1
