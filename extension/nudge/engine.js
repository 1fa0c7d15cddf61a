// What content/nudge-watch.js imports on demand, the first time new chat text appears: every
// language's rules from data/nudges.json, compiled once. Answers only which help screen fits.
import data from "../data/nudges.js"; // built from nudges.json (build/package.py)
import typos from "../data/nudge-typos.js";
import { compile } from "./match.js";

const languages = Object.entries(data.languages).map(([language, rules]) => ({
  matcher: compile(rules, { notTypos: typos.languages[language]?.not_typos }),
  situations: new Map(rules.moves.map((move) => [move.id, move.situation])),
}));

/** The situation id (data/situations.json) a chat line's risky move leads to, or null. */
export function situationFor(text) {
  for (const { matcher, situations } of languages) {
    const move = matcher.match(text);
    if (move) return situations.get(move);
  }
  return null;
}
