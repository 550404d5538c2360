"""Strict JSON parsing: every hostile byte string is a JsonReadError with a clear message."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique import jsonio

HOSTILE = {
    "empty": (b"", "empty"),
    "blank": (b" \n\t ", "empty"),
    "truncated": (b'{"a": [1, 2', "not valid JSON"),
    "bom": (b'\xef\xbb\xbf{"a": 1}', "byte-order mark"),
    "invalid-utf8": (b'{"a": "\xff\xfe"}', "invalid UTF-8"),
    "overlong-utf8": (b'{"a": "\xc0\xaf"}', "invalid UTF-8"),
    "nan": (b'{"a": NaN}', "NaN"),
    "infinity": (b'{"a": Infinity}', "Infinity"),
    "minus-infinity": (b'{"a": -Infinity}', "-Infinity"),
    "float-overflow": (b'{"a": 1e999}', "overflows"),
    "int-65-bits": (b'{"a": 18446744073709551616}', "beyond 64 bits"),
    "int-2-63": (b'{"a": 9223372036854775808}', "beyond 64 bits"),
    "int-5000-digits": (b'{"a": ' + b"9" * 5000 + b"}", "beyond 64 bits"),
    "duplicate-key": (b'{"a": 1, "a": 1}', "duplicate key 'a'"),
    "nested-duplicate-key": (b'{"a": {"b": 1, "b": 2}}', "duplicate key 'b'"),
    "lone-surrogate": (b'{"a": "\\ud800"}', "surrogate"),
    "lone-surrogate-key": (b'{"\\udfff": 1}', "surrogate"),
    "deep-arrays": (b"[" * 100_000 + b"]" * 100_000, "deeper than"),
    "deep-objects": (b'{"a":' * 65 + b"1" + b"}" * 65, "deeper than"),
    "unclosed-deep": (b"[" * 100_000, "deeper than"),
    "raw-control-char": (b'{"a": "x\x01y"}', "not valid JSON"),
    "single-quotes": (b"{'a': 1}", "not valid JSON"),
    "trailing-comma": (b'{"a": 1,}', "not valid JSON"),
    "comment": (b'{"a": 1} // note', "not valid JSON"),
    "two-documents": (b"{}{}", "not valid JSON"),
}


@pytest.mark.parametrize("data,words", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_json_is_refused_with_a_clear_message(data: bytes, words: str) -> None:
    with pytest.raises(jsonio.JsonReadError) as info:
        jsonio.loads(data)
    assert words in info.value.message
    assert len(info.value.message) < 300


def test_error_carries_line_and_column() -> None:
    with pytest.raises(jsonio.JsonReadError) as info:
        jsonio.loads(b'{\n  "a": 1,\n  "b": ]\n}')
    assert (info.value.line, info.value.column) == (3, 8)


def test_valid_json_at_the_limits_is_read() -> None:
    nested = b"[" * jsonio.MAX_DEPTH + b"]" * jsonio.MAX_DEPTH
    assert jsonio.loads(nested) is not None
    assert jsonio.loads(b'{"a": 9223372036854775807, "b": -9223372036854775807}') == {
        "a": 2**63 - 1,
        "b": -(2**63 - 1),
    }
    assert jsonio.loads(b'{"a": 1.5e308, "b": "\\ud83d\\ude00", "c": "[[[["}') == {"a": 1.5e308, "b": "😀", "c": "[[[["}
    assert jsonio.loads('{"é": "“quoted”"}'.encode()) == {"é": "“quoted”"}


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    text = '["' + "[" * 1000 + '\\"' + "{" * 1000 + '"]'
    assert jsonio.loads(text.encode()) == ["[" * 1000 + '"' + "{" * 1000]


def test_size_limit_is_checked_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonio, "MAX_FILE_BYTES", 10)
    with pytest.raises(jsonio.JsonReadError, match="limit is 10 bytes"):
        jsonio.loads(b'{"a": "0123456789"}')
    assert jsonio.loads(b'{"a": 1}') == {"a": 1}


def test_load_path_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "a.json"
    path.write_bytes(b'{"a": [1, 2.5, null, true, "x"]}')
    assert jsonio.load_path(path) == {"a": [1, 2.5, None, True, "x"]}


def test_dumps_round_trips_through_loads() -> None:
    obj = {"text": "“Ünïcode” — 😀", "n": [0, -1, 2**63 - 1], "f": 0.1, "none": None}
    assert jsonio.loads(jsonio.dumps(obj).encode()) == obj
    assert jsonio.dumps(obj).endswith("}\n")


def test_value_count_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jsonio, "MAX_VALUES", 10)
    assert jsonio.loads(b"[1, 2, 3, 4, 5, 6, 7, 8, 9]") == list(range(1, 10))
    with pytest.raises(jsonio.JsonReadError, match="about 11 JSON values; the limit is 10"):
        jsonio.loads(b"[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]")
    with pytest.raises(jsonio.JsonReadError, match="MAX_VALUES"):
        jsonio.loads(b'{"a": ' + b"[" * 6 + b"]" * 6 + b', "b": [{}, {}, {}, {}]}')


def test_default_limits_are_documented_values() -> None:
    assert jsonio.MAX_FILE_BYTES == 256 * 1024 * 1024
    assert jsonio.MAX_DEPTH == 64
    assert jsonio.MAX_VALUES == 500_000
    assert jsonio.MAX_INT == 2**63 - 1
