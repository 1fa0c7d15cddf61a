// Opening hours with fixed clocks: time zones, DST edges, closed days, and bad data that must
// answer "unknown" instead of throwing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { nextOpen, status } from "../../dist/chromium/lib/hours.js";
import { help } from "../../dist/chromium/lib/data.js";

const at = (iso) => new Date(iso);
const iso = (date) => date?.toISOString();
const week = (timeZone, weekly) => ({ time_zone: timeZone, weekly });
const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri"];
// Netsafe's hours as in help.json: weekdays 8am-8pm, weekends 9am-5pm, Auckland time.
const NETSAFE = week("Pacific/Auckland", [
  { days: WEEKDAYS, from: "08:00", to: "20:00" },
  { days: ["sat", "sun"], from: "09:00", to: "17:00" },
]);

test("always open", () => {
  assert.deepEqual(status({ time_zone: "Europe/London", always: true }, at("2026-03-01T03:00:00Z")), { open: true });
});

test("Netsafe is closed on Sunday at 10pm and opens Monday at 8am Auckland time", () => {
  const s = status(NETSAFE, at("2026-03-01T09:00:00Z")); // Sun 1 Mar 22:00 NZDT (+13)
  assert.equal(s.open, false);
  assert.equal(iso(s.opensAt), "2026-03-01T19:00:00.000Z"); // Mon 2 Mar 08:00 NZDT
});

test("Netsafe is open on Tuesday at 10am and closes at 8pm", () => {
  const s = status(NETSAFE, at("2026-03-02T21:00:00Z")); // Tue 3 Mar 10:00 NZDT
  assert.equal(s.open, true);
  assert.equal(iso(s.closesAt), "2026-03-03T07:00:00.000Z");
});

test("slot edges: open at the first minute, closed at the closing minute", () => {
  assert.equal(status(NETSAFE, at("2026-03-06T20:00:00Z")).open, true); // Sat 7 Mar 09:00
  assert.equal(status(NETSAFE, at("2026-03-06T19:59:00Z")).open, false); // Sat 08:59
  const closing = status(NETSAFE, at("2026-03-07T04:00:00Z")); // Sat 17:00
  assert.equal(closing.open, false);
  assert.equal(iso(closing.opensAt), "2026-03-07T20:00:00.000Z"); // Sun 09:00
});

test("closed days: a weekday-only service on Saturday opens on Monday", () => {
  const s = status(week("Europe/London", [{ days: WEEKDAYS, from: "09:00", to: "17:00" }]), at("2026-03-07T12:00:00Z"));
  assert.equal(s.open, false);
  assert.equal(iso(s.opensAt), "2026-03-09T09:00:00.000Z");
});

test("Europe/London, clocks go forward: Sunday 8am is 07:00 UTC", () => {
  const hours = week("Europe/London", [{ days: ["sun"], from: "08:00", to: "20:00" }]);
  const before = status(hours, at("2026-03-28T23:00:00Z")); // Sat 23:00 GMT
  assert.equal(before.open, false);
  assert.equal(iso(before.opensAt), "2026-03-29T07:00:00.000Z");
  assert.equal(status(hours, at("2026-03-29T06:30:00Z")).open, false); // 07:30 BST
  const open = status(hours, at("2026-03-29T07:30:00Z")); // 08:30 BST
  assert.equal(open.open, true);
  assert.equal(iso(open.closesAt), "2026-03-29T19:00:00.000Z");
});

test("Europe/London, clocks go back: a time that happens twice means the first", () => {
  const hours = week("Europe/London", [{ days: ["sun"], from: "01:30", to: "03:00" }]);
  const s = status(hours, at("2026-10-24T23:00:00Z")); // Sun 25 Oct 00:00 BST
  assert.equal(iso(s.opensAt), "2026-10-25T00:30:00.000Z"); // 01:30 BST, not 01:30 GMT
  assert.equal(status(hours, at("2026-10-25T01:45:00Z")).open, true); // 01:45 GMT, the second pass
});

test("Pacific/Auckland, clocks go back: Saturday night to Sunday 9am NZST", () => {
  const s = status(NETSAFE, at("2026-04-04T09:00:00Z")); // Sat 4 Apr 22:00 NZDT
  assert.equal(s.open, false);
  assert.equal(iso(s.opensAt), "2026-04-04T21:00:00.000Z"); // Sun 5 Apr 09:00 NZST (+12)
});

test("Pacific/Auckland, clocks go forward: Saturday night to Sunday 9am NZDT", () => {
  const s = status(NETSAFE, at("2026-09-26T06:00:00Z")); // Sat 26 Sep 18:00 NZST
  assert.equal(iso(s.opensAt), "2026-09-26T20:00:00.000Z"); // Sun 27 Sep 09:00 NZDT (+13)
});

test("Pacific/Auckland, an opening inside the skipped hour starts after the change", () => {
  const hours = week("Pacific/Auckland", [{ days: ["sun"], from: "02:30", to: "05:00" }]);
  const s = status(hours, at("2026-09-26T12:00:00Z")); // Sun 27 Sep 00:00 NZST
  assert.equal(s.open, false);
  assert.ok(s.opensAt >= at("2026-09-26T14:00:00Z"), iso(s.opensAt)); // not before 03:00 NZDT
  assert.equal(status(hours, at("2026-09-26T14:30:00Z")).open, true); // 03:30 NZDT
});

test("a slot ending 24:00 closes at midnight, or runs on into the next day's 00:00 slot", () => {
  const late = week("Europe/London", [{ days: ["fri"], from: "18:00", to: "24:00" }]);
  assert.equal(iso(status(late, at("2026-03-06T23:00:00Z")).closesAt), "2026-03-07T00:00:00.000Z");
  assert.equal(status(late, at("2026-03-07T00:00:00Z")).open, false);
  const overnight = week("Europe/London", [
    { days: ["fri"], from: "18:00", to: "24:00" },
    { days: ["sat"], from: "00:00", to: "02:00" },
  ]);
  assert.equal(iso(status(overnight, at("2026-03-06T23:00:00Z")).closesAt), "2026-03-07T02:00:00.000Z");
  assert.equal(status(overnight, at("2026-03-07T01:00:00Z")).open, true);
});

test("unknown or malformed hours are unknown, never a crash", () => {
  const now = at("2026-03-03T10:00:00Z");
  const bad = [
    undefined, null, "24/7", 7, {}, { always: true }, { time_zone: "Mars/Olympus_Mons", always: true },
    { time_zone: "Europe/London" }, { time_zone: "Europe/London", weekly: "weekdays" },
    week("Europe/London", [{ days: ["mon"], from: "25:00", to: "26:00" }]),
    week("Europe/London", [{ days: ["mon"], from: "20:00", to: "08:00" }]),
    week("Europe/London", [{ days: ["funday"], from: "08:00", to: "20:00" }]),
    week("Europe/London", [{ days: [], from: "08:00", to: "20:00" }]),
    week("Europe/London", [{ days: ["mon"], from: "8am", to: "20:00" }]),
    week("Europe/London", [null]),
    { time_zone: 42, always: true },
  ];
  for (const hours of bad) assert.deepEqual(status(hours, now), { open: null }, JSON.stringify(hours));
  assert.deepEqual(status({ time_zone: "Europe/London", always: true }, new Date("nope")), { open: null });
  assert.deepEqual(status({ time_zone: "Europe/London", always: true }, "2026-03-03"), { open: null });
});

test("nextOpen offers the open contact: chat closed, phone 24/7", () => {
  const chat = { type: "chat", hours: week("Europe/London", [{ days: WEEKDAYS, from: "09:00", to: "17:00" }]) };
  const phone = { type: "phone", hours: { time_zone: "Europe/London", always: true } };
  const found = nextOpen([chat, phone], at("2026-03-07T12:00:00Z"));
  assert.equal(found.index, 1);
  assert.equal(found.contact, phone);
  assert.equal(nextOpen([chat, phone], at("2026-03-09T12:00:00Z")).index, 0); // Monday: the chat first
});

test("nextOpen with nothing open gives the soonest to open; unknown hours are never offered", () => {
  const now = at("2026-03-01T09:00:00Z"); // Sunday 22:00 in Auckland, 09:00 in London
  const london = { hours: week("Europe/London", [{ days: ["sun"], from: "12:00", to: "13:00" }]) };
  const unknown = { type: "web" };
  const found = nextOpen([unknown, { hours: NETSAFE }, london], now);
  assert.equal(found.index, 2);
  assert.equal(iso(found.status.opensAt), "2026-03-01T12:00:00.000Z");
  assert.equal(nextOpen([unknown, { hours: "bad" }], now), null);
  assert.equal(nextOpen(undefined, now), null);
  assert.equal(nextOpen([null], now), null);
});

test("a New Zealand child at 2 am: 0800 What's Up is closed until noon, Youthline is open, Ireland's text line is never claimed open", () => {
  const now = at("2026-03-03T13:00:00Z"); // Wednesday 02:00 NZDT (+13)
  const whatsUp = status(help.services["whats-up"].contacts[0].hours, now);
  assert.equal(whatsUp.open, false);
  assert.equal(iso(whatsUp.opensAt), "2026-03-03T23:00:00.000Z"); // Wednesday 12:00 NZDT
  assert.equal(nextOpen(help.services.youthline.contacts, now).status.open, true);
  // Childline Ireland's text hours are not known: shown as nothing, never offered as open instead.
  const text = help.services["childline-ie"].contacts.find((c) => c.type === "text");
  assert.equal(status(text.hours, now).open, null);
  assert.equal(nextOpen([text], now), null);
});
