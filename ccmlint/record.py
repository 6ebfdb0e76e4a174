"""Frozen, typed records: the shape of every fact, node, finding and rule.

A record class costs nothing to define: its fields are read from its annotations,
which stay unevaluated until something asks for their types (a rule's fact path
being checked, when a rule pack is first loaded). A frozen dataclass costs about a
millisecond at import (it compiles its methods from generated source), and ccmlint
had some eighty on every run's path; pydantic models cost more, and facts were
validated as they were made, though ccmlint's own extractors build them.

Records are built from fields given in declared order or by name, are immutable,
compare and hash by value (``compare=False`` leaves a field out, as a cache or a
locator should be) and give a plain-data view (``to_data``). What users write (rule
files, pack data) is declared as records too and validated by ``ccmlint.schema``.

    class Extension(Fact):
        state: StateRef | None = None
        years: list[int] = field(default_factory=list, description="...")
"""

from __future__ import annotations

from datetime import date
from typing import Any, ClassVar, Mapping, TypeVar, get_type_hints

from ccmlint.cache import Memo
from ccmlint.span import Span

R = TypeVar("R", bound="Record")

_MISSING: Any = object()


class FrozenRecordError(AttributeError):
    """A record's field was assigned or deleted."""


class FieldSpec:
    """One declared field: its default (or default factory), whether the plain data
    view leaves it out, and, for fields read from files, the key it is written under
    (``alias``) and the constraints ``ccmlint.schema`` validates it by."""

    __slots__ = ("alias", "compare", "constraints", "default", "default_factory", "description", "exclude", "name", "repr")

    def __init__(
        self,
        default: object = _MISSING,
        default_factory: Any = None,
        description: str | None = None,
        exclude: bool = False,
        alias: str | None = None,
        constraints: Mapping[str, object] | None = None,
        compare: bool = True,
        repr: bool = True,  # noqa: A002 - the name dataclasses.field gives it
    ) -> None:
        self.name = ""
        self.default = default
        self.default_factory = default_factory
        self.description = description
        self.exclude = exclude
        self.alias = alias
        self.constraints = dict(constraints or {})
        self.compare = compare
        self.repr = repr

    @property
    def required(self) -> bool:
        return self.default is _MISSING and self.default_factory is None

    @property
    def has_default(self) -> bool:
        return not self.required


def field(
    *,
    default: object = _MISSING,
    default_factory: Any = None,
    description: str | None = None,
    exclude: bool = False,
    compare: bool = True,
    repr: bool = True,  # noqa: A002 - the name dataclasses.field gives it
    alias: str | None = None,
    **constraints: object,
) -> Any:
    """A field with a default factory, a description, left out of the data view,
    left out of equality and hashing (``compare=False``: a cache, a locator) or of
    the repr, or (read from files) with an alias and constraints such as ``min_length``."""
    return FieldSpec(default, default_factory, description, exclude, alias, constraints, compare, repr)


class Record:
    """Base of the record classes: built from fields given in declared order or by
    name, immutable, compared by value."""

    __record_fields__: ClassVar[dict[str, FieldSpec]] = {}
    __record_names__: ClassVar[tuple[str, ...]] = ()
    __record_compared__: ClassVar[tuple[str, ...]] = ()
    __record_field_set__: ClassVar[frozenset[str]] = frozenset()
    __record_fill__: ClassVar[tuple[tuple[str, object, Any], ...]] = ()
    __type_hints__: ClassVar[dict[str, object] | None] = None

    def __init_subclass__(cls, **options: object) -> None:
        super().__init_subclass__(**options)
        declared: dict[str, FieldSpec] = {}
        for base in reversed(cls.__mro__[1:]):
            declared.update(base.__dict__.get("__record_fields__", {}))
        for name, annotation in cls.__dict__.get("__annotations__", {}).items():
            if str(annotation).startswith(("ClassVar", "typing.ClassVar")):
                continue
            value = cls.__dict__.get(name, _MISSING)
            spec = value if isinstance(value, FieldSpec) else FieldSpec(default=value)
            spec.name = name
            if value is not _MISSING:
                delattr(cls, name)  # NOTE: the instance's own value is the only one
            declared[name] = spec
        cls.__record_fields__ = declared
        cls.__record_names__ = tuple(declared)
        cls.__record_compared__ = tuple(name for name, spec in declared.items() if spec.compare)
        cls.__record_field_set__ = frozenset(declared)
        cls.__record_fill__ = tuple((name, spec.default, spec.default_factory) for name, spec in declared.items())
        cls.__type_hints__ = None

    def __init__(self, *positional: object, **values: object) -> None:
        state = self.__dict__  # NOTE: written directly; __setattr__ refuses every change
        names = self.__record_names__
        # NOTE: a lint builds thousands of records: the fields given, in order or by
        # name, go in with one dict update each, and only the fields left out are
        # looked at one by one, for their defaults.
        if positional:
            if len(positional) > len(names):
                raise TypeError(f"{type(self).__name__} takes {len(names)} fields, not {len(positional)}")
            for name in names[: len(positional)] if values else ():
                if name in values:
                    raise TypeError(f"{type(self).__name__}: the field '{name}' is given twice")
            state.update(zip(names, positional))
        if values:
            if not values.keys() <= self.__record_field_set__:
                unknown = [name for name in values if name not in self.__record_field_set__]
                raise TypeError(f"{type(self).__name__} has no field {', '.join(repr(name) for name in unknown)}")
            state.update(values)
        if len(state) < len(names):
            for name, default, factory in self.__record_fill__:
                if name in state:
                    continue
                if factory is not None:
                    state[name] = factory()
                elif default is not _MISSING:
                    state[name] = default
                else:
                    raise TypeError(f"{type(self).__name__}: the field '{name}' is required")

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenRecordError(f"{type(self).__name__} is immutable; use replace()")

    def __delattr__(self, name: str) -> None:
        raise FrozenRecordError(f"{type(self).__name__} is immutable")

    def __eq__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        return self._compared() == other._compared()

    def __hash__(self) -> int:
        return hash((type(self), *self._compared()))

    def _compared(self) -> tuple[object, ...]:
        # NOTE: the declared fields only; a cached_property keeps its value in the
        # instance's __dict__ too, and must change neither equality nor pickles.
        values = self.__dict__
        return tuple(values[name] for name in self.__record_compared__)

    def __getstate__(self) -> dict[str, object]:
        values = self.__dict__
        return {name: values[name] for name in self.__record_fields__}

    # NOTE: no __setstate__: unpickling then fills the instance's __dict__ itself, in C,
    # without a Python call for each of the hundreds of records a cached pack holds.

    def __repr__(self) -> str:
        shown = ", ".join(
            f"{name}={getattr(self, name)!r}" for name, spec in self.__record_fields__.items() if spec.repr and not spec.exclude
        )
        return f"{type(self).__name__}({shown})"

    def replace(self: R, **changes: object) -> R:
        """A copy with some fields changed."""
        copy = object.__new__(type(self))
        copy.__dict__.update(self.__getstate__())  # not what a cached_property kept
        unknown = set(changes) - set(self.__record_fields__)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {', '.join(sorted(unknown))}")
        copy.__dict__.update(changes)
        return copy


def is_record_type(annotation: object) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, Record)


def field_names(cls: type[Record], *, skip: tuple[str, ...] = ("span",)) -> list[str]:
    """The names of a record class's fields, base classes' first; ``skip`` left out
    (by default the span, which locates a fact but is not one of its values)."""
    return [name for name in cls.__record_fields__ if name not in skip]


def field_types(cls: type[Record]) -> Mapping[str, object]:
    """The evaluated type of each field, worked out on first use and kept (for
    ccmlint's own classes, from run to run: evaluating the annotations of the fact
    classes a lint's rules walk took ~10 ms of every run)."""
    hints = cls.__dict__.get("__type_hints__")
    if hints is None:
        name = f"{cls.__module__}.{cls.__qualname__}"
        ours = cls.__module__.startswith("ccmlint.") and "<locals>" not in cls.__qualname__
        hints = _FIELD_TYPES.get(name) if ours else None
        if hints is None:
            evaluated = get_type_hints(cls)
            hints = {field: evaluated[field] for field in cls.__record_fields__}
            if ours:
                _FIELD_TYPES.put(name, hints)
        cls.__type_hints__ = hints
    return hints


_FIELD_TYPES: Memo[str, dict[str, object]] = Memo("field-types")


def field_values(record: Record, *, skip: tuple[str, ...] = ("span",)) -> dict[str, object]:
    """The record's fields by name (a message's placeholders), ``skip`` left out."""
    values = record.__dict__
    return {name: values[name] for name in record.__record_fields__ if name not in skip}


def to_data(value: object) -> object:
    """The plain, JSON-ready data of a record tree: records and spans become
    mappings of their fields (excluded fields left out), dates ISO strings, lists lists."""
    if isinstance(value, Record):
        return {
            name: to_data(getattr(value, name)) for name, spec in value.__record_fields__.items() if not spec.exclude
        }
    if isinstance(value, (list, tuple)):
        return [to_data(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Span):
        return value.to_data()
    if isinstance(value, Mapping):
        return {str(key): to_data(item) for key, item in value.items()}
    return value
