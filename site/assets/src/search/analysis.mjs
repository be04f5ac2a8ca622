// How text becomes search terms: the same steps as site/forvictims/search/analysis.py.
import { porter } from "./porter.mjs";

const APOSTROPHES = /['\u2019\u02bc]/g;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const POSTCODE = /^([a-z]{1,2}\d[a-z\d]?)(\d[a-z]{2})$/;
const STEMMERS = { porter };

// Letters with marks lose them (ą → a, ș → s), and ł becomes l: as fold() in analysis.py.
export const fold = (text) => text.normalize("NFD").replace(/\p{Mn}/gu, "").replace(/ł/g, "l");

export class Language {
  constructor(code, stopWords, stemmer, folded = false) {
    this.code = code;
    this.folded = folded;
    this.stopWords = new Set(folded ? stopWords.map(fold) : stopWords);
    const stem = stemmer ? STEMMERS[stemmer] : (word) => word;
    if (!stem) throw new Error(`no stemmer called ${stemmer}`);
    this.stem = stem;
  }

  // The words of `text` that search looks at, lower case and not stemmed, in order.
  words(text) {
    const lower = text.replace(APOSTROPHES, "").toLowerCase();
    const found = (this.folded ? fold(lower) : lower).match(WORD) || [];
    return found.filter((word) => !this.stopWords.has(word));
  }

  // What someone typed, each word once; a whole postcode without its space counts as its district.
  queryWords(text) {
    const seen = new Set();
    for (const word of this.words(text)) {
      const match = POSTCODE.exec(word);
      seen.add(match ? match[1] : word);
    }
    return [...seen];
  }
}
