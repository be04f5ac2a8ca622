// How text becomes search terms: the same steps as site/forvictims/search/analysis.py.
import { porter } from "./porter.mjs";

const APOSTROPHES = /['\u2019\u02bc]/g;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const POSTCODE = /^([a-z]{1,2}\d[a-z\d]?)(\d[a-z]{2})$/;
const STEMMERS = { porter };

export class Language {
  constructor(code, stopWords, stemmer) {
    this.code = code;
    this.stopWords = new Set(stopWords);
    const stem = stemmer ? STEMMERS[stemmer] : (word) => word;
    if (!stem) throw new Error(`no stemmer called ${stemmer}`);
    this.stem = stem;
  }

  // The words of `text` that search looks at, lower case and not stemmed, in order.
  words(text) {
    const found = text.replace(APOSTROPHES, "").toLowerCase().match(WORD) || [];
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
