// The Porter stemmer exactly as Whoosh has it (whoosh/lang/porter.py), so the browser stems
// English words as the index did. Python's re.match anchors at the start of the word only:
// where Whoosh's patterns lack a "^", it is written here, so "hopping" → "hopp" as in Whoosh.

const step2list = {
  ational: "ate", tional: "tion", enci: "ence", anci: "ance", izer: "ize", bli: "ble",
  alli: "al", entli: "ent", eli: "e", ousli: "ous", ization: "ize", ation: "ate", ator: "ate",
  alism: "al", iveness: "ive", fulness: "ful", ousness: "ous", aliti: "al", iviti: "ive",
  biliti: "ble", logi: "log",
};
const step3list = { icate: "ic", ative: "", alize: "al", iciti: "ic", ical: "ic", ful: "", ness: "" };

const consSeq = "[^aeiouy]+";
const vowelSeq = "[aeiou]+";
const mgr0 = new RegExp(`^(${consSeq})?${vowelSeq}${consSeq}`);
const meq1 = new RegExp(`^(${consSeq})?${vowelSeq}${consSeq}(${vowelSeq})?$`);
const mgr1 = new RegExp(`^(${consSeq})?${vowelSeq}${consSeq}${vowelSeq}${consSeq}`);
const sV = new RegExp(`^(${consSeq})?[aeiouy]`);
const cV = new RegExp(`^${consSeq}[aeiouy][^aeiouwxy]$`);
const edIng = /^(.*)(ed|ing)$/;
const atBlIz = /^(at|bl|iz)$/;
const step1b = /^([^aeiouylsz])\1$/;
const step2 = /^(.+?)(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism|iveness|fulness|ousness|aliti|iviti|biliti|logi)$/;
const step3 = /^(.+?)(icate|ative|alize|iciti|ical|ful|ness)$/;
const step41 = /^(.+?)(al|ance|ence|er|ic|able|ible|ant|ement|ment|ent|ou|ism|ate|iti|ous|ive|ize)$/;
const step42 = /^(.+?)(s|t)(ion)$/;
const step5 = /^(.+?)e$/;

export function porter(word) {
  let w = word;
  if (w.length < 3) return w;
  const firstIsY = w[0] === "y";
  if (firstIsY) w = "Y" + w.slice(1);

  // Step 1a
  if (w.endsWith("s")) {
    if (w.endsWith("sses") || w.endsWith("ies")) w = w.slice(0, -2);
    else if (w[w.length - 2] !== "s") w = w.slice(0, -1);
  }
  // Step 1b
  if (w.endsWith("eed")) {
    if (mgr0.test(w.slice(0, -3))) w = w.slice(0, -1);
  } else {
    const m = edIng.exec(w);
    if (m && sV.test(m[1])) {
      w = m[1];
      if (atBlIz.test(w)) w += "e";
      else if (step1b.test(w)) w = w.slice(0, -1);
      else if (cV.test(w)) w += "e";
    }
  }
  // Step 1c
  if (w.endsWith("y") && sV.test(w.slice(0, -1))) w = w.slice(0, -1) + "i";
  // Step 2
  let m = step2.exec(w);
  if (m && mgr0.test(m[1])) w = m[1] + step2list[m[2]];
  // Step 3
  m = step3.exec(w);
  if (m && mgr0.test(m[1])) w = m[1] + step3list[m[2]];
  // Step 4
  m = step41.exec(w);
  if (m) {
    if (mgr1.test(m[1])) w = m[1];
  } else {
    m = step42.exec(w);
    if (m && mgr1.test(m[1] + m[2])) w = m[1] + m[2];
  }
  // Step 5
  m = step5.exec(w);
  if (m && (mgr1.test(m[1]) || (meq1.test(m[1]) && !cV.test(m[1])))) w = m[1];
  if (w.endsWith("ll") && mgr1.test(w)) w = w.slice(0, -1);

  if (firstIsY) w = "y" + w.slice(1);
  return w;
}
