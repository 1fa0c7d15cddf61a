"""Rules for extension/data/button-look.json that its JSON Schema cannot say.

- the default corner and size are among the choices;
- every size is at least 44 CSS px, the smallest target WCAG 2.2 (2.5.5) asks for: a scared
  child's finger must not miss it.
"""

SMALLEST = 44


def check(look, _everything) -> list[str]:
    found = []
    if look["default"]["corner"] not in look["corners"]:
        found.append(f"default/corner: {look['default']['corner']!r} is not one of corners")
    if look["default"]["size"] not in look["sizes"]:
        found.append(f"default/size: {look['default']['size']!r} is not one of sizes")
    found += [f"sizes/{name}: {px} px is smaller than a finger's target ({SMALLEST} px)"
              for name, px in look["sizes"].items() if px < SMALLEST]
    return found
