// Which pages get the button: the default sites the parent left on, plus their own extra sites.

export function hostPatterns(domain) {
  return [`https://${domain}/*`, `https://*.${domain}/*`];
}

export function enabledDomains(settings, sites) {
  const defaults = sites
    .filter((site) => settings.categories[site.category] !== false)
    .filter((site) => !settings.disabledSites.includes(site.id))
    .flatMap((site) => site.domains);
  return [...new Set([...defaults, ...settings.extraSites])];
}

// The site entry (if any) that a page's host belongs to: used to show its own report page.
export function siteForHost(host, sites) {
  return sites.find((site) => site.domains.some((d) => host === d || host.endsWith(`.${d}`))) ?? null;
}
