// The browser's copy of site/forvictims/search/index.py: the same query plan and the same
// BM25F scores over the index Whoosh built, so both rank alike. Read index.py for the rules.
import { Language } from "./analysis.mjs";

const chars = (text) => Array.from(text);
const has = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

// Letters to add, remove, change or swap with the next (optimal string alignment), or
// limit + 1 when that is more than `limit`.
export function distance(a, b, limit) {
  const x = chars(a);
  const y = chars(b);
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let before = [];
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const previous = row;
    row = [i, ...new Array(y.length).fill(0)];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) {
        row[j] = Math.min(row[j], before[j - 2] + 1);
      }
    }
    if (Math.min(...row) > limit) return limit + 1;
    before = previous;
  }
  return Math.min(row[y.length], limit + 1);
}

const typoDistance = (length) => (length >= 8 ? 2 : length >= 4 ? 1 : 0);
const rankKey = (score, position) => [-Math.floor(score * 1e6 + 0.5), position];
const byRank = (a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1];
const compare = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

export class SearchIndex {
  constructor(data) {
    this.data = data;
    this.language = new Language(data.language, data.stopWords, data.stemmer, data.folded, data.letters);
    this.count = data.documents.length;
    this.fields = Object.entries(data.fields);
    this.sorted = {};
    this.sorted.words = Object.keys(data.fields.words.pages).sort(compare);
    this.sorted.places = Object.keys(data.fields.places.postings).sort(compare);
  }

  pages(field, term) {
    const { pages, postings } = this.data.fields[field];
    return pages ? pages[term] : postings[term].length / 2;
  }

  // [field, term] → boost: every term the words of `text` look for.
  plan(text) {
    const wanted = new Map();
    const want = (field, term, boost) => {
      const key = `${field}\u0000${term}`;
      wanted.set(key, Math.max(boost, wanted.get(key) || 0));
    };
    const { fields, typoBoost, prefix, places } = this.data;
    // Look for `word`, stemmed, in every field that has it; say if any has.
    const wantWord = (word, share) => {
      const stem = this.language.stem(word);
      let found = false;
      for (const [name, field] of this.fields) {
        if (field.stemmed && field.boost && has(field.postings, stem)) {
          want(name, stem, field.boost * share);
          found = true;
        }
      }
      return found;
    };
    const typed = this.language.queryWords(text);
    const known = new Set(typed.filter((word) => has(fields.words.pages, word)));
    const boost = fields.places.boost;
    const placed = new Set(); // the words of place names of two or more words
    for (let size = places.words; size >= 1; size--) {
      for (let start = 0; start + size <= typed.length; start++) {
        const words = typed.slice(start, start + size);
        const name = words.join("");
        if (has(fields.places.postings, name)) {
          want("places", name, boost);
          if (size > 1) words.forEach((word) => placed.add(word));
          continue;
        }
        const length = chars(name).length;
        if (length >= places.typoLength && !words.every((word) => known.has(word))) {
          // Words run together are out by one letter at most, as in index.py.
          const limit = size === 1 ? typoDistance(length) : 1;
          for (const [term, apart] of this.near("places", name, limit)) {
            want("places", term, boost * typoBoost[apart]);
          }
        }
        if (size === 1 && length >= places.prefixLength && !known.has(name)) {
          for (const term of this.beginning("places", name)) want("places", term, boost * prefix.boost);
        }
      }
    }
    const stems = typed.map((word) => this.language.stem(word));
    for (let size = 2; size <= this.data.phraseWords; size++) {
      for (let start = 0; start + size <= stems.length; start++) {
        const phrase = stems.slice(start, start + size).join("");
        if (has(fields.phrases.postings, phrase)) want("phrases", phrase, fields.phrases.boost);
      }
    }
    for (let i = 0; i + 1 < typed.length; i++) {
      const joined = typed[i] + typed[i + 1]; // "crime stoppers" for Crimestoppers
      if (has(fields.words.pages, joined)) wantWord(joined, 1);
    }
    for (const word of typed) {
      if (placed.has(word)) continue; // "bank" in "quarry bank" says where, not what happened
      const length = chars(word).length;
      wantWord(word, 1);
      if (!known.has(word)) {
        for (const [term, apart] of this.near("words", word, typoDistance(length))) {
          wantWord(term, typoBoost[apart]);
        }
      }
      if (length >= prefix.length) {
        for (const term of this.beginning("words", this.root(word))) wantWord(term, prefix.boost);
      }
    }
    return wanted;
  }

  // What a word's beginnings are looked up from: without a stemmer, its last letters are left off.
  root(word) {
    const { rootLength, rootTrim } = this.data.prefix;
    const letters = chars(word);
    if (this.data.stemmer || letters.length <= rootLength) return word;
    return letters.slice(0, Math.max(rootLength, letters.length - rootTrim)).join("");
  }

  // The terms of `field` closest to `word`, if any is within `limit` letters, with the same first letter.
  near(field, word, limit) {
    if (!limit) return [];
    const first = chars(word)[0];
    let found = [];
    for (const term of this.sorted[field]) {
      if (!term.startsWith(first)) continue;
      const apart = distance(word, term, limit);
      if (apart <= limit) {
        if (found.length && apart < found[0][1]) found = [];
        if (!found.length || apart === found[0][1]) {
          found.push([term, apart]);
          limit = apart;
        }
      }
    }
    return found;
  }

  // Terms of `field` that begin with `word` (not `word` itself), those on most pages first.
  beginning(field, word) {
    const found = this.sorted[field].filter((term) => term !== word && term.startsWith(word));
    found.sort((a, b) => this.pages(field, b) - this.pages(field, a) || compare(a, b));
    return found.slice(0, this.data.prefix.limit);
  }

  // Document number → score, as Whoosh's BM25F gives it.
  scores(wanted, strongOnly) {
    const scores = new Map();
    const K1 = this.data.K1;
    for (const [key, boost] of wanted) {
      const [name, term] = key.split("\u0000");
      const field = this.data.fields[name];
      if (strongOnly && !field.strong) continue;
      const postings = field.postings[term];
      const idf = Math.log(this.count / (postings.length / 2 + 1)) + 1;
      const average = field.average || 1;
      for (let i = 0; i < postings.length; i += 2) {
        const number = postings[i];
        const weight = postings[i + 1];
        const length = field.lengths[number];
        const score = idf * ((weight * (K1 + 1)) / (weight + K1 * (1 - field.B + (field.B * length) / average)));
        scores.set(number, (scores.get(number) || 0) + score * boost);
      }
    }
    return scores;
  }

  // The pages for what a visitor typed, best first: [{path, title, summary, score}].
  search(text) {
    const wanted = this.plan(text);
    const scores = this.scores(wanted, false);
    const strong = this.scores(wanted, true);
    const ranked = [];
    for (const [number, score] of scores) {
      const [path, , , title, summary] = this.data.documents[number];
      ranked.push({ key: rankKey(score, number), result: { path, title, summary, score } });
    }
    this.pairs(scores, strong).forEach(([score, result], position) => {
      ranked.push({ key: rankKey(score, this.count + position), result });
    });
    return ranked.sort(byRank).map((item) => item.result);
  }

  pairs(scores, strong) {
    const crimes = this.best(strong, "crime");
    const areas = this.best(strong, "area");
    const { path, title } = this.data.pair;
    const pairs = [];
    for (const crime of crimes) {
      for (const area of areas) {
        const [, , crimeSlug, crimeTitle, crimeSummary] = this.data.documents[crime];
        const [, , areaSlug, areaTitle] = this.data.documents[area];
        const score = scores.get(crime) + scores.get(area);
        pairs.push([score, {
          path: path.replace("{area}", () => areaSlug).replace("{crime}", () => crimeSlug),
          title: title.replace("{crime}", () => crimeTitle).replace("{area}", () => areaTitle),
          summary: crimeSummary,
          score,
        }]);
      }
    }
    return pairs;
  }

  best(strong, kind) {
    const matches = [...strong]
      .filter(([number]) => this.data.documents[number][1] === kind)
      .map(([number, score]) => ({ key: rankKey(score, number), number, score }))
      .sort(byRank);
    if (!matches.length) return [];
    const best = matches[0].score;
    return matches
      .slice(0, this.data.pair.limit)
      .filter((match) => match.score >= this.data.pair.share * best)
      .map((match) => match.number);
  }
}
