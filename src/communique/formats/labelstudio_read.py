"""Reading Label Studio's JSON export (or a Communiqué export's tasks.json) back into a corpus.

Every ``*.json`` file of the folder that holds a list of tasks is read (the sidecar and export
info aside). A task's result is its last annotation that was not cancelled, else its first
prediction. Each region's ``start`` and ``end`` are UTF-16 code units (Label Studio's browser
offsets): they are converted to code points, and the region is refused (E502) when an offset falls
inside a surrogate pair or its ``text`` differs from the task's text there; a relation naming no
region is E503. With the export's sidecar the corpus comes back exactly; without one the regions
and relations are read as brat lines are (:mod:`._brat_foreign`: mentions by actor type, events by
type, relations as roles) into a draft corpus.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..codes import finding
from ..offsets import from_utf16
from ..report import Report
from ._common import EXPORT_INFO, SIDECAR, Imported, read_json
from ._restore import read_sidecar, restore
from ._sidecar import span
from .brat_read import AnnFile, Line
from .labelstudio import FACTUALITY, KIND, TRIGGER


def _kind(value: Any) -> str:
    """What a JSON value is, in JSON's words ('an object', 'a string')."""
    kinds = {dict: "an object", list: "a list", str: "a string", bool: "a boolean", int: "a number", float: "a number"}
    return kinds.get(type(value), "null")


def _result(task: dict[str, Any]) -> list[Any]:
    done = [a for a in task.get("annotations") or [] if isinstance(a, dict) and not a.get("was_cancelled")]
    if done:
        return list(done[-1].get("result") or [])
    predictions = [p for p in task.get("predictions") or [] if isinstance(p, dict)]
    return list(predictions[0].get("result") or []) if predictions else []


class _Reader:
    """Tasks as brat structures: regions as ``T<id>`` lines, relations from triggers as ``E`` roles."""

    def __init__(self, report: Report) -> None:
        self.report = report

    def fail(self, file: str, path: str, code: str, *, record: str | None = None, expected: str | None = None,
             found: str | None = None, **fields: object) -> None:
        self.report.add(finding(code, file, path, record=record, line=None, expected=expected, found=found, **fields))

    def task(self, file: str, t: int, task: Any) -> tuple[str, str, AnnFile] | None:
        where = f"$[{t}]"
        data = task.get("data") if isinstance(task, dict) else None
        if not isinstance(data, dict) or not isinstance(data.get("text"), str):
            task_layout = 'a Label Studio task {"data": {"text": ...}}'
            self.fail(file, where, "E501", expected=task_layout, problem="the task has no data.text string",
                      layout=task_layout)
            return None
        text = data["text"]
        doc_id = str(data.get("doc_id") or f"task-{task.get('id', t + 1)}")
        ann = AnnFile(file, text)
        results = [(f"{where}.result[{r}]", item) for r, item in enumerate(_result(task))]
        triggers: set[str] = set()
        for path, item in results:
            if not isinstance(item, dict):
                self.fail(file, path, "E501", record=doc_id, found=type(item).__name__,
                          problem=f"the result is {_kind(item)}", layout="an object")
            elif item.get("type") == "labels":
                line = self.region(file, path, doc_id, text, item)
                if line is not None and line.ident in ann.lines:
                    self.fail(file, f"{path}.id", "E501", record=doc_id, found=str(item["id"]),
                              problem=f"the region id {item['id']!r} is used twice in the task",
                              layout="region ids unique in the task")
                elif line is not None:
                    ann.lines[line.ident] = line
                    if item.get("from_name") == TRIGGER:
                        triggers.add(line.ident)
        for path, item in results:
            if not isinstance(item, dict):
                continue
            if item.get("type") == "relation":
                a, b = f"T{item.get('from_id')}", f"T{item.get('to_id')}"
                missing = [x[1:] for x in (a, b) if x not in ann.lines]
                if missing:
                    self.fail(file, path, "E503", record=doc_id, found=missing[0], referrer="the relation",
                              target=missing[0], holder="the task", wanted="the id of a region of the task")
                    continue
                labels = item.get("labels") or []
                if not isinstance(labels, list):
                    self.fail(file, f"{path}.labels", "E501", record=doc_id, found=type(labels).__name__,
                              problem=f"the relation's labels are {_kind(labels)}",
                              layout="a list of strings")
                    continue
                for label in labels:
                    _relation(ann, triggers, a, b, str(label))
            elif item.get("type") == "choices" and f"T{item.get('id')}" in ann.lines:
                value = item.get("value")
                chosen = value.get("choices") if isinstance(value, dict) else None
                chosen = chosen if isinstance(chosen, list) else []
                name = {KIND: "Kind", FACTUALITY: "Factuality"}.get(str(item.get("from_name")))
                if name and chosen:
                    target = f"{'E' if name == 'Factuality' else 'T'}{item['id']}"
                    ident = f"A{len(ann.lines)}"
                    ann.lines[ident] = Line(0, ident, name, refs=[("", target)], value=str(chosen[0]))
        for t_id in triggers:  # an event for every trigger, with or without relations
            ann.lines.setdefault(f"E{t_id[1:]}", Line(0, f"E{t_id[1:]}", ann.lines[t_id].kind, refs=[("", t_id)]))
        return doc_id, text, ann

    def region(self, file: str, path: str, doc_id: str, text: str, item: dict[str, Any]) -> Line | None:
        value = item.get("value")
        value = value if isinstance(value, dict) else {}
        start, end, labels = value.get("start"), value.get("end"), value.get("labels") or []
        well_typed = isinstance(labels, list) and len(labels) == 1 and isinstance(labels[0], str)
        if not (isinstance(start, int) and isinstance(end, int) and well_typed and isinstance(item.get("id"), str)):
            self.fail(file, path, "E501", record=doc_id, problem="the labels region is incomplete",
                      layout="id, value.start, value.end and value.labels (a list of one label)")
            return None
        try:
            a, b = from_utf16(text, start), from_utf16(text, end)
        except ValueError as exc:
            self.fail(file, f"{path}.value", "E502", record=doc_id, found=f"{start}:{end}",
                      text=repr(value.get("text")), source="task's text", offsets=f"UTF-16 offsets {start}:{end}",
                      actual=f"offsets at character boundaries ({exc})")
            return None
        if a >= b or text[a:b] != value.get("text"):
            self.fail(file, f"{path}.value", "E502", record=doc_id, expected=text[a:b], found=str(value.get("text")),
                      text=repr(value.get("text")), source="task's text", offsets=f"UTF-16 offsets {start}:{end}",
                      actual=repr(text[a:b]))
            return None
        return Line(0, f"T{item['id']}", str(labels[0]), span=span(a, b, text[a:b]))


EVENT_RELATIONS = ("Coreference", "part_of", "caused_by", "object", "about")


def _relation(ann: AnnFile, triggers: set[str], a: str, b: str, label: str) -> None:
    """A relation as brat holds it: links between events as R lines, the rest as roles of the trigger's event."""
    if label in EVENT_RELATIONS and b in triggers:
        ident = f"R{len(ann.lines)}"
        ann.lines[ident] = Line(0, ident, label, refs=[("Arg1", f"E{a[1:]}"), ("Arg2", f"E{b[1:]}")])
        return
    event = ann.lines.setdefault(f"E{a[1:]}", Line(0, f"E{a[1:]}", ann.lines[a].kind, refs=[("", a)]))
    event.refs.append((label, b))


def read(src: Path) -> Imported:
    """Import a folder holding Label Studio JSON exports (lists of tasks)."""
    report = Report(str(src))
    reader = _Reader(report)
    documents: dict[str, tuple[str, AnnFile]] = {}
    files: dict[str, str] = {}
    """Document id -> the file holding its task."""
    for path in sorted(src.glob("*.json")):
        if path.name in (SIDECAR, EXPORT_INFO):
            continue
        tasks = read_json(path, src, report, path.name)
        if not isinstance(tasks, list):
            if tasks is not None:
                reader.fail(path.name, "$", "E501", found=type(tasks).__name__,
                            problem=f"the file holds {_kind(tasks)}",
                            layout="a list of Label Studio tasks")
            continue
        for t, task in enumerate(tasks):
            done = reader.task(path.name, t, task)
            if done is not None:
                documents[done[0]] = (done[1], done[2])
                files[done[0]] = path.name
    data = read_sidecar(src, report)
    if data is None:
        from ._brat_foreign import build_from

        return build_from(src.name, {k: (v[0].encode("utf-8"), v[1]) for k, v in documents.items()}, report)
    seeds = {e["file"]["document"]["seed"]: documents[e["file"]["document"]["id"]][0].encode("utf-8")
             for e in data["documents"] if e["file"]["document"]["id"] in documents}

    def spans(doc_id: str) -> dict[str, dict[str, Any]]:
        if doc_id not in documents:
            return {}
        return {i[1:]: x.span for i, x in documents[doc_id][1].lines.items() if x.span is not None}

    return restore(data, spans, seeds, report, lambda doc_id: files[doc_id])
