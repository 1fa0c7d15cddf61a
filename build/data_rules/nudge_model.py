"""Rules for extension/data/nudge-model.json that its JSON Schema cannot say.

- each language's classes are "harmless" then exactly the moves of that language in nudges.json,
  in order, so a class's weights stand for the move the engine names;
- there is one scale and one bias per class, and the weights decode to classes x 2**bits int8;
- each language was trained on its own tuning part (tests/nudges/ for English, tests/nudges/<language>/).
"""

import base64
import binascii


def check(data: dict, everything: dict) -> list[str]:
    found = []
    rules = everything.get("nudges", {}).get("languages", {})
    for language, model in data["languages"].items():
        where = f"languages/{language}"
        if language not in rules:
            found.append(f"{where}: no such language in nudges.json")
            continue
        part = "tests/nudges/tune.jsonl" if language == "en" else f"tests/nudges/{language}/tune.jsonl"
        if model["trained_on"]["file"] != part:
            found.append(f"{where}/trained_on/file: must be {part}")
        moves = [m["id"] for m in rules[language]["moves"]]
        if model["classes"] != ["harmless", *moves]:
            found.append(f"{where}/classes: must be harmless then {moves}")
        k = len(model["classes"])
        if len(model["scales"]) != k or len(model["bias"]) != k:
            found.append(f"{where}: one scale and one bias per class ({k})")
        try:
            size = len(base64.b64decode(model["weights"], validate=True))
        except binascii.Error as e:
            found.append(f"{where}/weights: not base64 ({e})")
            continue
        if size != k * 2 ** model["bits"]:
            found.append(f"{where}/weights: {size} bytes, expected {k} x 2**{model['bits']}")
    return found
