"""Declared without pydantic, validated with it: rule files and pack data.

Rule specs, the check kinds' parameters and the packs' data files are records
(ccmlint.record): a record class costs nothing to define, and one read back
from the per-user cache needs nothing but its class. They are declared in pydantic's
own words (``Field``, ``field_validator``, ``model_validator``, ``AfterValidator``,
``BeforeValidator``), written here as stand-ins that only note what was asked.
``validate`` builds a pydantic model from a record class the first time a file of
that shape is read, validates with it and hands back records.

So pydantic, which takes a tenth of a second to import, is imported only when a file
is validated afresh. A warm run, whose rules and data come validated from the cache,
never imports it.

What the stand-ins mean is what pydantic's namesakes mean, with one difference: a
validator's ``cls`` is the record class, so it may call the record's class methods.
A ``model_validator`` (always ``mode="after"``) is given the record, not a model.
"""

from __future__ import annotations

import types
from typing import TYPE_CHECKING, Annotated, Any, Callable, Literal, Mapping, TypeVar, Union, get_args, get_origin, get_type_hints

from ccmlint.record import FieldSpec, Record

if TYPE_CHECKING:
    from pydantic_core import ErrorDetails

R = TypeVar("R")
F = TypeVar("F")

ConfigDict = dict
"""A record's ``model_config``: pydantic's configuration keys, as a plain dict."""

STRICT: Mapping[str, object] = {"frozen": True, "extra": "forbid"}
"""What every record read from a file is validated with, unless it says otherwise."""

_NOT_GIVEN: Any = FieldSpec().default


class AfterValidator:
    """``Annotated[T, AfterValidator(f)]``: ``f`` checks (and may replace) a valid T."""

    __slots__ = ("function",)

    def __init__(self, function: Callable[[Any], Any]) -> None:
        self.function = function


class BeforeValidator:
    """``Annotated[T, BeforeValidator(f)]``: ``f`` reshapes the raw value first."""

    __slots__ = ("function",)

    def __init__(self, function: Callable[[Any], Any]) -> None:
        self.function = function


def Field(  # noqa: N802 - named after pydantic's Field, which it stands for
    default: object = _NOT_GIVEN,
    *,
    default_factory: Callable[[], object] | None = None,
    alias: str | None = None,
    description: str | None = None,
    **constraints: object,
) -> Any:
    """A record field read from a file: default, alias and constraints (``min_length``,
    ``pattern``, ``ge``, ``discriminator`` …) as pydantic's ``Field`` takes them."""
    return FieldSpec(default, default_factory, description, False, alias, constraints)


def field_validator(*fields: str, mode: Literal["after", "before"] = "after") -> Callable[[F], F]:
    """Marks a class method ``(cls, value)`` or ``(cls, value, info)`` as the check of
    ``fields``; ``info.data`` holds the fields declared (and valid) before them."""

    def mark(method: F) -> F:
        _function(method).__validates__ = (fields, mode)  # type: ignore[attr-defined]
        return method

    return mark


def model_validator(*, mode: Literal["after"]) -> Callable[[F], F]:
    """Marks a method ``(self)`` as a check of the whole record once its fields are valid."""

    def mark(method: F) -> F:
        _function(method).__validates_whole__ = mode  # type: ignore[attr-defined]
        return method

    return mark


class InvalidData(ValueError):
    """What pydantic found wrong, as its error details (``errors()``)."""

    def __init__(self, details: list[ErrorDetails]) -> None:
        super().__init__("; ".join(f"{'.'.join(str(part) for part in detail['loc'])}: {detail['msg']}" for detail in details))
        self._details = details

    def errors(self) -> list[ErrorDetails]:
        return self._details


def validate(shape: type[R] | Any, data: object) -> R:
    """``data`` checked against ``shape`` (a record class or a type built of them),
    as records; raises InvalidData."""
    from pydantic import TypeAdapter, ValidationError

    adapter = _adapters.get(shape)
    if adapter is None:
        adapter = _adapters[shape] = TypeAdapter(_translate(shape))
    try:
        return _records(adapter.validate_python(data))  # type: ignore[no-any-return]
    except ValidationError as error:
        raise InvalidData(error.errors()) from None


_adapters: dict[Any, Any] = {}
_models: dict[type[Record], type[Any]] = {}
_records_of: dict[type[Any], type[Record]] = {}


def _function(method: Any) -> Any:
    return method.__func__ if isinstance(method, (classmethod, staticmethod)) else method


def _translate(shape: Any) -> Any:
    """The type pydantic validates for ``shape``: records become models, stand-ins
    become pydantic's own."""
    if isinstance(shape, type) and issubclass(shape, Record):
        return _model(shape)
    origin = get_origin(shape)
    if origin is None or origin is Literal:
        return shape
    arguments = get_args(shape)
    if origin is Annotated:
        return Annotated[(_translate(arguments[0]), *(_metadata(extra) for extra in shape.__metadata__))]  # type: ignore[return-value]
    translated = tuple(_translate(argument) for argument in arguments)
    if all(new is old for new, old in zip(translated, arguments)):
        return shape
    if origin in (Union, types.UnionType):
        return Union[translated]
    return origin[translated if len(translated) > 1 else translated[0]]


def _metadata(extra: object) -> object:
    import pydantic

    if isinstance(extra, AfterValidator):
        return pydantic.AfterValidator(extra.function)
    if isinstance(extra, BeforeValidator):
        return pydantic.BeforeValidator(extra.function)
    if isinstance(extra, FieldSpec):
        return pydantic.Field(**_field_options(extra))
    return extra


def _field_options(spec: FieldSpec) -> dict[str, Any]:
    options: dict[str, Any] = dict(spec.constraints)
    if spec.alias is not None:
        options["alias"] = spec.alias
    if spec.description is not None:
        options["description"] = spec.description
    if spec.default_factory is not None:
        options["default_factory"] = spec.default_factory
    elif spec.default is not _NOT_GIVEN:
        options["default"] = spec.default
    return options


def _model(record: type[Record]) -> type[Any]:
    """The pydantic model of a record class, built once."""
    import pydantic

    model = _models.get(record)
    if model is not None:
        return model
    hints = get_type_hints(record, include_extras=True)
    fields = {
        name: (_translate(hints[name]), pydantic.Field(**_field_options(spec))) for name, spec in record.__record_fields__.items()
    }
    config = {**STRICT, **getattr(record, "model_config", {})}
    config.pop("defer_build", None)
    model = pydantic.create_model(  # type: ignore[call-overload]
        record.__name__,
        __config__=pydantic.ConfigDict(**config),  # type: ignore[typeddict-item]
        __doc__=record.__doc__,
        __module__=record.__module__,
        __validators__=_validators(record),
        **fields,
    )
    _models[record] = model
    _records_of[model] = record
    return model  # type: ignore[no-any-return]


def _validators(record: type[Record]) -> dict[str, Any]:
    import pydantic

    validators: dict[str, Any] = {}
    for owner in reversed(record.__mro__):
        for name, member in vars(owner).items():
            function = _function(member)
            marked = getattr(function, "__validates__", None)
            if marked is not None:
                fields, mode = marked
                validators[name] = pydantic.field_validator(*fields, mode=mode)(classmethod(_for_record(record, function)))
            elif getattr(function, "__validates_whole__", None) is not None:
                validators[name] = pydantic.model_validator(mode="after")(_whole(function))
    return validators


def _for_record(record: type[Record], function: Callable[..., Any]) -> Callable[..., Any]:
    """The validator as pydantic calls it, with ``cls`` the record class; pydantic
    passes ``info`` to a validator with three parameters, so the arity is kept."""
    import inspect

    if len(inspect.signature(function).parameters) == 3:
        return lambda _model, value, info: function(record, value, info)
    return lambda _model, value: function(record, value)


def _whole(function: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def check(model: Any) -> Any:
        function(_records(model))
        return model

    return check


def _records(value: object) -> Any:
    """Validated models turned into their record classes, all the way down."""
    record = _records_of.get(type(value))
    if record is not None:
        return record(**{name: _records(getattr(value, name)) for name in record.__record_fields__})
    if isinstance(value, list):
        return [_records(item) for item in value]
    if isinstance(value, tuple):
        return tuple(_records(item) for item in value)
    if isinstance(value, dict):
        return {key: _records(item) for key, item in value.items()}
    return value
