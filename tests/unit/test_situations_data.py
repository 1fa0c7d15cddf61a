"""extension/data/situations.json: the real data passes; each broken copy fails naming the field."""

import copy
import json
from pathlib import Path

import pytest

from build.validate import problems

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "extension" / "data"


def real(name="situations"):
    return json.loads((DATA / f"{name}.json").read_text(encoding="utf-8"))


def run(tmp_path, situations=None, help_data=None):
    (tmp_path / "situations.json").write_text(json.dumps(situations or real(), ensure_ascii=False), encoding="utf-8")
    (tmp_path / "help.json").write_text(json.dumps(help_data or real("help"), ensure_ascii=False), encoding="utf-8")
    return [p for p in problems(tmp_path) if p.startswith("situations.json")]


def broken(edit):
    data = copy.deepcopy(real())
    edit(data)
    return data


def by_id(data, sid):
    return next(s for s in data["situations"] if s["id"] == sid)


def test_real_data_passes(tmp_path):
    assert run(tmp_path) == []


def test_the_five_situations_in_the_childs_words():
    data = real()
    assert len(data["situations"]) == 5
    # Exactly the situations help.json's services serve: none without help, no help without a button.
    assert {s["id"] for s in data["situations"]} == {sit for s in real("help")["services"].values() for sit in s["situations"]}
    for s in data["situations"]:
        assert s["label"]["en"] and s["label"]["fr"]
        assert 3 <= len(s["steps"]["default"]) <= 4


def test_sextortion_steps_say_what_every_official_source_agrees_on():
    steps = " ".join(step["text"]["en"] for step in by_id(real(), "picture-shared")["steps"]["default"])
    for words in ("Don't pay", "Don't send more", "If you paid, don't pay again", "Stop replying",
                  "block and report", "Don't delete", "A screenshot of the chat is OK",
                  "Never save or send the nude picture", "adult you trust", "not in trouble"):
        assert words in steps


@pytest.mark.parametrize("situation", ["wants-pictures", "picture-shared", "scared"])
def test_the_chat_is_kept_before_anyone_is_blocked(situation):
    # C3P: stop talking, screenshot, then block; the ACCCE: capture "before blocking or deleting the
    # user or you may lose important evidence". In every country's list, not only the default.
    for code, steps in by_id(real(), situation)["steps"].items():
        texts = [step["text"]["en"] for step in steps]
        keep = next(i for i, text in enumerate(texts) if "Keep the chat" in text)
        block = next(i for i, text in enumerate(texts) if "lock and report" in text)
        assert keep < block, (situation, code)


def test_in_germany_a_threat_to_share_a_picture_is_told_to_the_police_with_a_trusted_adult():
    # Germany's official advice (BAER, the Bavarian state's parenting guide): "Anzeige bei der
    # Polizei erstatten". Every other step is the shared one.
    steps = by_id(real(), "picture-shared")["steps"]
    german, shared = steps["DE"], steps["default"]
    assert [s["text"] for s in german[:-1]] == [s["text"] for s in shared[:-1]]
    assert german[-1]["text"]["en"] == shared[-1]["text"]["en"] + " You can tell the police with them."
    assert "Polizei" in german[-1]["text"]["de"]
    assert any(src["url"].startswith("https://www.baer.bayern.de/") and src["evidence"] == "government"
               for src in german[-1]["sources"])


def test_missing_situation_fails(tmp_path):
    # Services in help.json still serve it: the build names each of them.
    run(tmp_path, broken(lambda d: d["situations"].pop()))
    assert any(p.startswith("help.json: services/childline-gb/situations/") and "'talk' is not a situation" in p
               for p in problems(tmp_path))


def test_duplicate_id_fails(tmp_path):
    data = broken(lambda d: d["situations"].append(copy.deepcopy(d["situations"][0])))
    assert any("appears twice" in p for p in run(tmp_path, data))


def test_unreachable_situation_fails(tmp_path):
    # Only helplines first for pictures: the INT entry has none that serves it.
    data = broken(lambda d: by_id(d, "picture-shared").update(prefer=["helpline"]))
    assert any("in INT no service serves 'picture-shared'" in p for p in run(tmp_path, data))


def test_step_without_source_fails(tmp_path):
    data = broken(lambda d: by_id(d, "talk")["steps"]["default"][0].update(sources=[]))
    assert any("steps/default/0/sources" in p for p in run(tmp_path, data))


def test_reported_sources_are_refused_for_advice(tmp_path):
    data = broken(lambda d: [s.update(evidence="reported") for s in by_id(d, "talk")["steps"]["default"][0]["sources"]])
    found = run(tmp_path, data)
    assert any("no source read on an official or government site" in p for p in found)
    assert any(p.startswith("situations.json: situations/4/steps/default/0/sources/0/evidence: 'reported' is accepted "
                            "only for phone and text numbers of child helplines") for p in found), found


def test_source_off_official_domains_fails(tmp_path):
    def edit(d):
        by_id(d, "scared")["steps"]["default"][0]["sources"][0]["url"] = "https://ceopeducation.co.uk.evil.example/x"
    assert any("sources/0/url: host ceopeducation.co.uk.evil.example" in p for p in run(tmp_path, broken(edit)))


def test_steps_for_unknown_country_fail(tmp_path):
    data = broken(lambda d: by_id(d, "talk")["steps"].update(ZZ=by_id(d, "talk")["steps"]["default"]))
    assert any("steps/ZZ: not a country" in p for p in run(tmp_path, data))


@pytest.mark.parametrize("lang", ["de", "pt"])
def test_a_step_or_label_missing_a_ui_language_fails(tmp_path, lang):
    # pt_BR's words are data texts in "pt": the panel picks them by language alone.
    def edit(d):
        del by_id(d, "scared")["steps"]["default"][1]["text"][lang]
        del by_id(d, "talk")["label"][lang]
    found = run(tmp_path, broken(edit))
    assert any(p.startswith(f"situations.json: situations/2/steps/default/1/text: not written in {lang} ") for p in found), found
    assert any(p.startswith(f"situations.json: situations/4/label: not written in {lang} ") for p in found), found


def test_missing_icon_fails(tmp_path):
    data = broken(lambda d: by_id(d, "talk").update(icon="nope.svg"))
    assert any("icon: no file" in p for p in run(tmp_path, data))


def test_wrong_shape_fails_in_the_schema(tmp_path):
    data = broken(lambda d: by_id(d, "talk").update(prefer=["hotline"]))
    assert any("prefer/0" in p for p in run(tmp_path, data))


def test_every_source_is_an_official_page_from_the_research():
    # The shared steps' sources are in the shared research notes; a country's own steps' in the
    # project's research on countries (issue 17).
    research = (ROOT.parent / "shared" / "research" / "help-routing.md")
    if not research.exists():
        pytest.skip("the shared research notes are not beside this checkout")
    text = research.read_text(encoding="utf-8") + (ROOT / "docs" / "research" / "countries.md").read_text(encoding="utf-8")
    for s in real()["situations"]:
        for steps in s["steps"].values():
            for step in steps:
                for src in step["sources"]:
                    assert src["url"] in text, src["url"]
