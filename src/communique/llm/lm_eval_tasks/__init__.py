"""lm-evaluation-harness tasks: ``lm_eval --tasks communique_all --include_path <this folder>``.

The folder holds one YAML file per answer task (``communique_mentions``, ``communique_events``,
``communique_time``, ``communique_statements``, ``communique_all``), their shared
``_default_template_yaml`` and ``utils.py`` (dataset, prompt, per-document scoring and the
micro-averaged aggregation). :data:`TASKS_DIR` is its path::

    lm_eval --model hf --model_args pretrained=... --tasks communique_all \\
        --include_path "$(python -c 'import communique.llm.lm_eval_tasks as t; print(t.TASKS_DIR)')"
"""

from __future__ import annotations

from pathlib import Path

TASKS_DIR = Path(__file__).resolve().parent
"""The folder to give lm_eval as ``--include_path``."""
