"""Peer validators built from the project's exported JSON Schema, so every peer
checks the same shape as the core: pydantic v2 and msgspec models generated
from `schemas/<kind>.json` (objects closed to unknown fields, enums as
literals, dates and date-times typed, integer bounds, required fields), plus
the main rule of a case beyond its shape (a child is under 18 on the day the
case was identified). jsonschema-rs and fastjsonschema take the schema as is."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, Optional, Union

import msgspec
import pydantic


def _resolve(schema: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if ref:
        return _resolve(schema, schema["$defs"][ref.split("/")[-1]])
    return node


def _age_on(birth: dt.date, on: dt.date) -> int:
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


class _Builder:
    """Python types for schema nodes, one model class per object schema."""

    def __init__(self, schema: dict[str, Any], flavour: str) -> None:
        self.schema = schema
        self.flavour = flavour
        self.models: dict[int, Any] = {}
        self.count = 0

    def scalar(self, node: dict[str, Any], t: str) -> Any:
        if t == "string":
            fmt = node.get("format")
            if fmt == "date":
                return dt.date
            if fmt == "date-time":
                return dt.datetime
            if self.flavour == "msgspec":
                meta = {k: node[k] for k, m in (("minLength", 0), ("maxLength", 0)) if k in node}
                kw = {"min_length": meta.get("minLength"), "max_length": meta.get("maxLength")}
                return Annotated[str, msgspec.Meta(**{k: v for k, v in kw.items() if v is not None})]
            return Annotated[str, pydantic.StringConstraints(min_length=node.get("minLength"), max_length=node.get("maxLength"))]
        if t == "integer":
            lo, hi = node.get("minimum"), node.get("maximum")
            if self.flavour == "msgspec":
                kw = {k: v for k, v in (("ge", lo), ("le", hi)) if v is not None}
                return Annotated[int, msgspec.Meta(**kw)] if kw else int
            return Annotated[int, pydantic.Field(ge=lo, le=hi, strict=True)]
        if t == "number":
            return float
        if t == "boolean":
            return bool
        if t == "null":
            return type(None)
        return Any

    def type_of(self, node: dict[str, Any]) -> Any:
        node = _resolve(self.schema, node)
        if "enum" in node:
            return Literal[tuple(node["enum"])]  # type: ignore[misc]
        if "const" in node:
            return Literal[node["const"]]  # type: ignore[misc]
        for key in ("anyOf", "oneOf"):
            if key in node:
                return Union[tuple(self.type_of(n) for n in node[key])]  # type: ignore[return-value]
        t = node.get("type")
        if isinstance(t, list):
            return Union[tuple(self.type_of({**node, "type": x}) for x in t)]  # type: ignore[return-value]
        if t == "object" and "properties" in node:
            return self.model(node)
        if t == "object":
            return dict[str, Any]
        if t == "array":
            return list[self.type_of(node.get("items", {}))]  # type: ignore[misc]
        return self.scalar(node, t)

    def model(self, node: dict[str, Any]) -> Any:
        key = id(node)
        if key in self.models:
            return self.models[key]
        self.count += 1
        name = f"M{self.count}"
        required = set(node.get("required", []))
        fields: dict[str, Any] = {}
        for prop, sub in node["properties"].items():
            t = self.type_of(sub)
            if prop in required:
                fields[prop] = (t, ...)
            else:
                fields[prop] = (Optional[t], None)
        if self.flavour == "msgspec":
            items = [(k, t) if d is ... else (k, t, d) for k, (t, d) in fields.items()]
            items.sort(key=lambda f: len(f) == 3)
            model = msgspec.defstruct(name, items, forbid_unknown_fields=True)
        else:
            config = pydantic.ConfigDict(extra="forbid")
            model = pydantic.create_model(name, __config__=config, **fields)  # type: ignore[call-overload]
        self.models[key] = model
        return model


def pydantic_model(schema: dict[str, Any], kind: str) -> Any:
    """The pydantic v2 model of a kind; a case also checks the child's age."""
    base = _Builder(schema, "pydantic").model(schema)
    if kind != "case":
        return base

    class Case(base):  # type: ignore[misc, valid-type]
        @pydantic.model_validator(mode="after")
        def child_under_18(self) -> Any:
            birth = getattr(self.child, "date_of_birth", None)
            if birth is not None and _age_on(birth, self.identified_at.date()) >= 18:
                raise ValueError("not a child")
            return self

    return Case


def msgspec_type(schema: dict[str, Any]) -> Any:
    """The msgspec Struct of a kind (shape only)."""
    return _Builder(schema, "msgspec").model(schema)


def msgspec_valid(decoder: Any, data: bytes) -> bool:
    try:
        decoder.decode(data)
        return True
    except msgspec.ValidationError:
        return False
