"""Validate extension/data/*.json before anything is built.

Each data file `<name>.json` has a JSON Schema `build/schemas/<name>.schema.json` (shape) and may
have `build/data_rules/<name>.py` with `check(data, everything) -> list[str]` for what a schema
cannot say (official domains, cross-references). Every problem names the file and the field.
"""

import importlib
import json
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker

SCHEMAS = Path(__file__).parent / "schemas"


class DataError(Exception):
    """The data would send a child somewhere wrong; the build must stop."""


def load_data(data_dir: Path) -> dict:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(data_dir.glob("*.json"))}


def _field(path) -> str:
    return "/".join(str(part) for part in path) or "(top level)"


def problems(data_dir: Path) -> list[str]:
    found = []
    everything = load_data(data_dir)
    for name, data in everything.items():
        schema_file = SCHEMAS / f"{name}.schema.json"
        if not schema_file.exists():
            found.append(f"{name}.json: no schema at build/schemas/{schema_file.name}")
            continue
        validator = Draft202012Validator(json.loads(schema_file.read_text()), format_checker=FormatChecker())
        errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
        found += [f"{name}.json: {_field(e.absolute_path)}: {e.message}" for e in errors]
        if errors:
            continue  # rules assume the shape is right
        try:
            rules = importlib.import_module(f"build.data_rules.{name.replace('-', '_')}")
        except ModuleNotFoundError:
            continue
        found += [f"{name}.json: {message}" for message in rules.check(data, everything)]
    return found


def validate(data_dir: Path) -> dict:
    """Return the data if it is all valid, else raise DataError listing every problem."""
    found = problems(data_dir)
    if found:
        raise DataError("invalid data:\n  " + "\n  ".join(found))
    return load_data(data_dir)
