// Questions the panel and the background both ask of the help data: which number is the emergency
// number here, which page of a service to open in this language, which services fit a situation,
// and which helpline to call. Pure: the data is passed in (the defaults are the shipped files).
import { help as HELP, situations as SITUATIONS } from "./data.js";

// The country's number; for the "everywhere else" entry, the region the time zone is in (or none:
// no number is claimed for the whole world).
export function emergencyNumber(code, timeZone, help = HELP) {
  const own = help.countries[code]?.emergency?.number;
  if (own) return own;
  if (typeof timeZone !== "string") return null;
  const region = (help.emergency_regions ?? []).find((r) =>
    r.time_zones?.includes(timeZone) || r.time_zone_prefixes?.some((p) => timeZone.startsWith(p)));
  return region?.number ?? null;
}

// The service's own page in the UI language when it has one (French pages for Canada).
export function serviceUrl(id, lang, help = HELP) {
  const service = help.services[id];
  if (!service) return null;
  return service.url_by_locale?.[lang] ?? service.url;
}

export function situation(id, data = SITUATIONS) {
  return data.situations.find((s) => s.id === id) ?? null;
}

// The country's services that serve a situation: kinds in the situation's `prefer` order, then the
// country's own order; services of other kinds last.
export function servicesFor(code, situationId, help = HELP, data = SITUATIONS) {
  const prefer = situation(situationId, data)?.prefer ?? [];
  const rank = (id) => {
    const i = prefer.indexOf(help.services[id].kind);
    return i === -1 ? prefer.length : i;
  };
  return (help.countries[code]?.services ?? [])
    .filter((id) => help.services[id]?.situations.includes(situationId))
    .map((id, order) => ({ id, order }))
    .sort((a, b) => rank(a.id) - rank(b.id) || a.order - b.order)
    .map(({ id }) => id);
}

// What to do right now: the country's own steps where its official advice differs, else the default.
export function stepsFor(code, situationId, data = SITUATIONS) {
  const steps = situation(situationId, data)?.steps ?? {};
  return steps[code] ?? steps.default ?? [];
}

// The child helpline to reach in one tap: the first helpline (or directory) of the country, with
// the index of its first phone contact if it has one.
export function helplineFor(code, help = HELP) {
  const ids = help.countries[code]?.services ?? [];
  const id = ids.find((s) => help.services[s]?.kind === "helpline")
    ?? ids.find((s) => help.services[s]?.kind === "directory");
  if (!id) return null;
  const contacts = help.services[id].contacts ?? [];
  const phone = contacts.findIndex((c) => c.type === "phone");
  return { id, service: help.services[id], phone: phone === -1 ? null : contacts[phone] };
}
