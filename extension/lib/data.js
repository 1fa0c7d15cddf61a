// The validated data files, read from the package itself, never from the network. The build ships
// each data/x.json as the module data/x.js (see build/package.py: why not JSON modules).
import help from "../data/help.js";
import sites from "../data/sites.js";
import situations from "../data/situations.js";

export { help, sites, situations };

export const countryCodes = () => Object.keys(help.countries);
export const siteIds = () => sites.sites.map((site) => site.id);
