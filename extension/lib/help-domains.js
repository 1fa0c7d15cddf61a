// Whether a URL belongs to a help service, by the official `domains` in help.json.
import { help } from "./data.js";

const DOMAINS = [...new Set(Object.values(help.services).flatMap((service) => service.domains))];

export function isHelpUrl(url) {
  let host;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
}
