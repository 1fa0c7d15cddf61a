// Is a contact open now, and if not, when does it open? Pure functions over help.json `hours`
// ({time_zone, always} or {time_zone, weekly: [{days, from, to}]}), for any `now`.
// Intl is costly (see browser-facts.md): only the panel calls these, never the content script.
// Anything odd (unknown zone, malformed slot) answers {open: null}: shown as nothing, never a crash.
const DAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const DAY_MS = 86_400_000;
const formatters = new Map();

function formatter(timeZone) {
  if (!formatters.has(timeZone)) {
    formatters.set(timeZone, new Intl.DateTimeFormat("en-US", {
      timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric",
    }));
  }
  return formatters.get(timeZone);
}

// The wall clock in `timeZone` at instant `ms`, as if it were UTC (so calendar maths is plain).
function wallAsUtc(ms, timeZone) {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return Date.UTC(+parts.year, parts.month - 1, +parts.day, parts.hour % 24, +parts.minute, +parts.second);
}

// The instant when the wall clock in `timeZone` shows `wall` (ms as if UTC). In an overlap (clocks
// going back) the earlier one; in a gap (clocks going forward) the old offset carries the time past
// the change, as Temporal's "compatible" does.
function instantOf(wall, timeZone) {
  const offset = (ms) => wallAsUtc(ms, timeZone) - ms;
  const before = wall - offset(wall - DAY_MS);
  const after = wall - offset(wall + DAY_MS);
  const real = [before, after].filter((ms) => wallAsUtc(ms, timeZone) === wall);
  return real.length ? Math.min(...real) : before;
}

const minutesOf = (text) => {
  const m = /^(\d\d):(\d\d)$/.exec(text ?? "");
  if (!m || +m[1] > 24 || +m[2] > 59 || (+m[1] === 24 && +m[2] > 0)) return null;
  return +m[1] * 60 + +m[2];
};

// Slots as {day: 0-6, from, to} in minutes, or null when any slot is malformed.
function slotsOf(weekly) {
  if (!Array.isArray(weekly)) return null;
  const slots = [];
  for (const slot of weekly) {
    const from = minutesOf(slot?.from);
    const to = minutesOf(slot?.to);
    if (from === null || to === null || from >= to || !Array.isArray(slot.days) || !slot.days.length) return null;
    for (const day of slot.days) {
      if (!DAYS.includes(day)) return null;
      slots.push({ day: DAYS.indexOf(day), from, to });
    }
  }
  return slots;
}

function validZone(timeZone) {
  try {
    return typeof timeZone === "string" && Boolean(formatter(timeZone));
  } catch {
    return false;
  }
}

// Absolute [start, end) intervals in the zone's wall-clock ms, from the day before `wall` for 8 days.
function intervals(slots, wall) {
  const today = Math.floor(wall / DAY_MS) * DAY_MS;
  const list = [];
  for (let k = -1; k <= 7; k++) {
    const date = today + k * DAY_MS;
    const day = new Date(date).getUTCDay();
    for (const s of slots) if (s.day === day) list.push([date + s.from * 60_000, date + s.to * 60_000]);
  }
  list.sort((a, b) => a[0] - b[0]);
  // Slots that touch (24:00 then 00:00) are one opening.
  return list.reduce((merged, [start, end]) => {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
    return merged;
  }, []);
}

export function status(hours, now) {
  const ms = now instanceof Date ? now.getTime() : NaN;
  if (!hours || typeof hours !== "object" || Number.isNaN(ms) || !validZone(hours.time_zone)) return { open: null };
  if (hours.always === true) return { open: true };
  const slots = slotsOf(hours.weekly);
  if (!slots) return { open: null };
  const zone = hours.time_zone;
  const wall = wallAsUtc(ms, zone);
  for (const [start, end] of intervals(slots, wall)) {
    if (wall >= start && wall < end) return { open: true, closesAt: new Date(instantOf(end, zone)) };
    if (start > wall) return { open: false, opensAt: new Date(instantOf(start, zone)) };
  }
  return { open: false }; // no slot at all this week
}

// The contact to offer instead: the first one open now, else the one that opens soonest.
// Returns {index, contact, status} or null. Contacts without known hours are never offered.
export function nextOpen(contacts, now) {
  let soonest = null;
  for (const [index, contact] of (Array.isArray(contacts) ? contacts : []).entries()) {
    const s = status(contact?.hours, now);
    if (s.open === true) return { index, contact, status: s };
    if (s.open === false && s.opensAt && (!soonest || s.opensAt < soonest.status.opensAt)) soonest = { index, contact, status: s };
  }
  return soonest;
}
