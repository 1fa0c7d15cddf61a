// The validated data files, as modules: read from the package itself, never from the network.
import help from "../data/help.json" with { type: "json" };
import sites from "../data/sites.json" with { type: "json" };
import situations from "../data/situations.json" with { type: "json" };

export { help, sites, situations };

export const countryCodes = () => Object.keys(help.countries);
export const siteIds = () => sites.sites.map((site) => site.id);
