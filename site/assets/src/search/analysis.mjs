// How text becomes search terms: the same steps as site/forvictims/search/analysis.py.
import { porter } from "./porter.mjs";

const APOSTROPHES = /['\u2019\u02bc]/g;
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/g;
// Digits of Arabic, Urdu, Devanagari, Bengali and Gurmukhi become 0 to 9, as in analysis.py.
const DIGIT_BLOCKS = [0x660, 0x6f0, 0x966, 0x9e6, 0xa66];
const DIGITS = /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f]/g;
const toDigit = (digit) => {
  const code = digit.charCodeAt(0);
  return String(code - DIGIT_BLOCKS.find((base) => code >= base && code <= base + 9));
};
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const POSTCODE = /^([a-z]{1,2}\d[a-z\d]?)(\d[a-z]{2})$/;

const ARABIC_ARTICLES = ["وال", "بال", "كال", "فال", "عال", "لل", "ال"];
const ARABIC_SUFFIXES = ["ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"];

// Larkey's light10 Arabic stemmer: as arabic_stem in analysis.py. Arabic letters are one UTF-16
// unit each.
export const arabicStem = (word) => {
  if (word.startsWith("و") && word.length >= 4) word = word.slice(1);
  for (const article of ARABIC_ARTICLES) {
    if (word.startsWith(article) && word.length >= article.length + 2) {
      word = word.slice(article.length);
      break;
    }
  }
  for (const suffix of ARABIC_SUFFIXES) {
    if (word.endsWith(suffix) && word.length >= suffix.length + 2) word = word.slice(0, -suffix.length);
  }
  return word;
};

const STEMMERS = { porter, arabic: arabicStem };

// Letters with marks lose them (ą → a, ș → s, أ → ا), and ł becomes l: as fold() in analysis.py.
export const fold = (text) => text.normalize("NFD").replace(/\p{Mn}/gu, "").replace(/ł/g, "l");

export class Language {
  constructor(code, stopWords, stemmer, folded = false, letters = []) {
    this.code = code;
    this.folded = folded;
    this.letters = letters;
    this.stopWords = new Set(stopWords.map((word) => this.normal(word)));
    const stem = stemmer ? STEMMERS[stemmer] : (word) => word;
    if (!stem) throw new Error(`no stemmer called ${stemmer}`);
    this.stem = stem;
  }

  // `text` (lower case) as search compares it: folded if the language is, its letters made one.
  normal(text) {
    text = text.normalize("NFC");
    if (this.folded) text = fold(text);
    for (const [typed, becomes] of this.letters) text = text.replaceAll(typed, becomes);
    return text;
  }

  // The words of `text` that search looks at, lower case and not stemmed, in order.
  words(text) {
    const plain = text.replace(APOSTROPHES, "").replace(INVISIBLE, "").toLowerCase().replace(DIGITS, toDigit);
    const found = this.normal(plain).match(WORD) || [];
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
