"""The xlwings version floor in pyproject.toml is the lowest release that has every call the
buttons make (XLWINGS_CALLS, egov_bsc_xl/xl/book.py), read from the installed xlwings' own API:
each call must exist there (attribute, setter, parameters), and the newest `versionadded` /
"New in version" among them is the floor."""

from __future__ import annotations

import inspect
import re
import tomllib
import typing
from pathlib import Path

import xlwings.main as xm

from egov_bsc_xl.xl.book import XLWINGS_CALLS

ROOT = Path(__file__).resolve().parents[2]
_ADDED = re.compile(r"\{versionadded\}\s*([\d.]+)")
_NEW_IN = re.compile(r"(\w+):[^:]*?\*New in version ([\d.]+)\.\*", re.S)


def _version(text: str | None) -> tuple[int, ...]:
    found = _ADDED.search(text or "")
    return tuple(int(p) for p in found.group(1).split(".")) if found else (0,)


def _param_versions(doc: str | None) -> dict[str, tuple[int, ...]]:
    out = {}
    for line_block in re.split(r"\n\s*(?=\w+:)", doc or ""):
        m = re.match(r"(\w+):.*?\*New in version ([\d.]+)\.\*", line_block.strip(), re.S)
        if m:
            out[m.group(1)] = tuple(int(p) for p in m.group(2).split("."))
    return out


def _returned(member: object, owner: type) -> type:
    fn = member.fget if isinstance(member, property) else member
    hint = typing.get_type_hints(fn, vars(xm)).get("return")
    origin = typing.get_origin(hint)
    if origin is typing.Union or (
        origin is not None and str(origin) == "<class 'types.UnionType'>"
    ):
        hint = next(a for a in typing.get_args(hint) if a is not type(None))
    assert isinstance(hint, type), (owner, member, hint)
    return hint


def _check(call: str) -> tuple[int, ...]:
    """Resolve one XLWINGS_CALLS entry against xlwings.main; return the version it needs."""
    text = call.strip()
    if text.startswith("iter("):
        cls = getattr(xm, text[5:-1])
        assert hasattr(cls, "__iter__"), call
        return _version(cls.__doc__)
    m = re.fullmatch(r"(\w+)\[.*\]", text)
    if m:
        cls = getattr(xm, m.group(1))
        assert hasattr(cls, "__getitem__"), call
        return _version(cls.__doc__)
    assigns = text.endswith(" =")
    text = text.removesuffix(" =")
    parts = re.findall(r"(\w+)(\([^)]*\))?", text)
    owner = getattr(xm, parts[0][0])
    needed = [_version(owner.__doc__)]
    for index, (name, args) in enumerate(parts[1:]):
        member = inspect.getattr_static(owner, name)
        last = index == len(parts) - 2
        doc = (member.fget if isinstance(member, property) else member).__doc__
        needed.append(_version(doc))
        if args:
            params = inspect.signature(member).parameters
            tokens = [a.strip() for a in args[1:-1].split(",")]
            # "name" or "name=value" are parameter names; anything else describes a value
            named = [t.split("=")[0] for t in tokens if re.fullmatch(r"\w+(=\S+)?", t)]
            versions = _param_versions(doc)
            keywords = any(p.kind is p.VAR_KEYWORD for p in params.values())
            for arg in named:
                if keywords and arg not in params:  # **options: documented converter options
                    assert re.search(rf"\b{arg}\b", doc or ""), f"{call}: {arg!r} is not documented"
                    needed.append(versions.get(arg, (0,)))
                    continue
                assert arg in params, (
                    f"{call}: xlwings' {owner.__name__}.{name} has no parameter {arg!r}"
                )
                needed.append(versions.get(arg, (0,)))
        if last and assigns:
            assert isinstance(member, property) and member.fset is not None, f"{call}: not settable"
        if not last:
            if args:
                owner = _returned(member, owner)
            elif name == "series":
                owner = xm.ChartSeries  # a collection; the call indexes or iterates it
            else:
                owner = _returned(member, owner)
            needed.append(_version(owner.__doc__))
        elif name == "series" and not args:
            needed.append(_version(xm.ChartSeriesCollection.__doc__))
    return max(needed)


def test_every_call_exists_in_xlwings_and_the_floor_is_the_newest_of_them() -> None:
    needed = {call: _check(call) for call in XLWINGS_CALLS}
    newest = max(needed.values())
    floor = next(
        d
        for d in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
        if d.lower().startswith("xlwings")
    )
    assert floor == "xlwings>=" + ".".join(map(str, newest)), (
        floor,
        sorted(needed.items(), key=lambda kv: kv[1])[-5:],
    )
    # the premise of the floor: calls that really are recent in xlwings
    assert needed["Range.borders.line_style ="] >= (0, 37, 1)
    assert needed["Range.horizontal_alignment ="] >= (0, 37, 3)
    assert needed["Charts.add(left, top, width, height, chart_type, source, plot_by, name)"] >= (
        0,
        37,
        3,
    )
