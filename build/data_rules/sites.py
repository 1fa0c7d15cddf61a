"""Rules for extension/data/sites.json that its JSON Schema cannot say.

- every site id is used once;
- every domain belongs to one site only, and no listed domain lies inside another's
  (the button runs on a domain *and its subdomains*, so `whatsapp.com` would swallow
  `web.whatsapp.com`);
- no listed domain is, contains, or lies inside a domain on DENIED below;
- the report page, when there is one (it is optional: a chat site belongs on the list because
  children meet strangers there), is on the site's own domains or its official help domains: the
  exact host or a subdomain of one, so `discord.com.evil.io` and `evildiscord.com` do not pass;
- a report page was read on the site's own help pages (evidence official or government): evidence
  reported is refused, it is accepted only for helpline and emergency numbers (help.json).
"""

from urllib.parse import urlsplit

from build.data_rules.help import REPORTED_ONLY

# Kinds of site that must never get the button by default, whatever a data change says
# (issue 2: "never news, search, banks, government, encyclopaedias"). A few well-known
# examples of each; a listed domain fails if it is one of these, a subdomain of one, or a
# parent of one. Help domains (e.g. support.google.com for YouTube's help) are not checked:
# they only say where a report link may point, not where the button shows.
DENIED = {
    # news
    "bbc.co.uk", "bbc.com", "theguardian.com", "nytimes.com", "dailymail.co.uk", "cnn.com",
    # search
    "google.com", "google.co.uk", "bing.com", "duckduckgo.com", "yahoo.com",
    # banks and payments
    "paypal.com", "barclays.co.uk", "hsbc.co.uk", "lloydsbank.com", "natwest.com", "santander.co.uk",
    "monzo.com",
    # government
    "gov.uk", "nhs.uk", "police.uk", "gov", "europa.eu",
    # encyclopaedias
    "wikipedia.org", "britannica.com",
}


def on_domain(host: str, domain: str) -> bool:
    """True if host is domain or a subdomain of it (label-wise, so not evil-domain.com)."""
    return host == domain or host.endswith("." + domain)


def _denied(domain: str):
    for bad in sorted(DENIED):
        if on_domain(domain, bad) or on_domain(bad, domain):
            return bad
    return None


def check(data: dict, everything: dict) -> list[str]:
    problems = []
    sites = data["sites"]

    ids = [site["id"] for site in sites]
    for index, site_id in enumerate(ids):
        if ids.index(site_id) != index:
            problems.append(f"sites/{index}/id: '{site_id}' is used by more than one site")

    claims = [(domain, site["id"]) for site in sites for domain in site["domains"]]
    for site in sites:
        where = f"sites/{site['id']}"
        for domain in site["domains"]:
            bad = _denied(domain)
            if bad:
                problems.append(f"{where}/domains: '{domain}' is on the deny list ('{bad}'): "
                                "news, search, banks, government and encyclopaedias never get the button")
            for other, other_id in claims:
                if other_id == site["id"]:
                    continue
                if domain == other:
                    problems.append(f"{where}/domains: '{domain}' is also claimed by site '{other_id}'")
                elif on_domain(domain, other) or on_domain(other, domain):
                    problems.append(f"{where}/domains: '{domain}' overlaps '{other}' of site '{other_id}'")

        report = site.get("report")
        if not report:
            continue
        if report["evidence"] == "reported":
            problems.append(f"{where}/report/evidence: {REPORTED_ONLY}, or leave the report link out")
        allowed = site["domains"] + site.get("help_domains", [])
        url = report["url"]
        host = (urlsplit(url).hostname or "").lower()
        if not any(on_domain(host, domain) for domain in allowed):
            problems.append(f"{where}/report/url: host '{host}' is not on the site's domains or "
                            f"help_domains ({', '.join(allowed)})")
    return problems
