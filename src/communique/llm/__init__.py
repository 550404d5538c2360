"""Benchmarking language models on the corpus: quote-based answers, a strict schema, grounding, prompts.

- :mod:`.format`: the answer models per task (spans as quotes, labels as closed enums);
- :mod:`.strict`: the strict schema profile; :mod:`.engines`: what each structured-output engine
  would drop from a schema;
- :mod:`.grounding`: quotes to offsets, exactly or after documented normalisations;
- :mod:`.evaluate`: scoring answers with :func:`communique.score`, with grounding counts;
- :mod:`.prompts`: the versioned instructions;
- :mod:`.inspect_tasks` and ``lm_eval/``: ready harness tasks.

Nothing here is imported by ``import communique``; the harness modules import their harness
only when used (``pip install communique[llm]``).
"""
