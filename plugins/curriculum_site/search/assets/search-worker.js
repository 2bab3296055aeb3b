/*
 * curriculum/search: Material's search worker, with the words of the index and the words of the
 * reader's query made alike, so a query finds a word however it is written: lowercase, without
 * accents or diacritics, without a leading Arabic article ("egalite" finds "égalité", "عمل"
 * finds "العمل"). Each language's index says what else its words need in config.curriculum
 * (languages.py):
 *
 * - stemmer: a language of lunr's whose Snowball stemmer Material loaded ("доверие" finds
 *   "доверия", "respeitar" finds "respeito");
 * - bigrams: Chinese, written without spaces, is indexed as pairs of neighbouring characters,
 *   so a two-character word is found inside a clause.
 *
 * The index keeps only the made-alike form of each word (one posting per word, the position of
 * the word as written, so Material still highlights the text as written); Material adds "*" to
 * every query word, and lunr does not pass such words through the index's pipeline, so the
 * query is made alike here, before Material reads it. The build writes this file beside
 * Material's worker, after a line naming it (MATERIAL_WORKER).
 */
(() => {
"use strict";

// Material's message types (integrations/search/worker/message).
const SETUP = 0;
const QUERY = 2;
// Letters that decomposition does not reduce to a base letter, and the Arabic tatweel.
const LETTERS = new Map([["œ", "oe"], ["æ", "ae"], ["ß", "ss"], ["ø", "o"], ["ł", "l"], ["đ", "d"], ["ـ", ""]]);
const LETTERS_PATTERN = new RegExp(`[${[...LETTERS.keys()].join("")}]`, "g");
// A word with nothing to fold but its case, as most words of an English index are: kept as it is,
// without normalising it (the index is built in less time).
const PLAIN = /^[a-z0-9]*$/;
// A letter of its own that Unicode decomposes into a base letter and a mark: Russian й is not и.
const OWN_LETTER = "й";
const MARKS = /\p{Mn}/gu;
// The Arabic article, alone or after a one-letter conjunction or preposition; li + al is "لل".
const ARTICLES = ["وال", "فال", "بال", "كال", "ال", "لل"];
const SHORTEST_STEM = 2;
const CHINESE = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}/g;
const ONLY_CHINESE = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$/;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

let settings = { stemmer: null, bigrams: false };
const alike = new Map();  // word as written -> its form in the index, for this language

function fold(word) {
  const lower = word.toLowerCase();
  if (PLAIN.test(lower)) return lower;
  const bare = lower.normalize("NFC").split(OWN_LETTER)
    .map(part => part.normalize("NFD").replace(MARKS, "")).join(OWN_LETTER)
    .normalize("NFC").replace(LETTERS_PATTERN, char => LETTERS.get(char));
  for (const article of ARTICLES)
    if (bare.startsWith(article) && bare.length - article.length >= SHORTEST_STEM)
      return bare.slice(article.length);
  return bare;
}

function madeAlike(word) {
  let form = alike.get(word);
  if (form === undefined) {
    form = fold(word);
    if (settings.stemmer) form = lunr[settings.stemmer].stemmer(form);
    alike.set(word, form);
  }
  return form;
}

function characterPairs(word) {
  const pairs = [];
  for (const run of word.match(CHINESE) || [])
    for (let i = 0; i < run.length - 1; i++) pairs.push(run.slice(i, i + 2));
  return pairs;
}

// The last step of the index's pipeline, after the language's stop words. A word of Chinese
// characters only (a clause) is indexed as its pairs alone: the clause itself would be a long
// word no reader types, and the pairs still find it by its start (Chinese at 0.65× the heap).
function indexWord(token) {
  const word = token.toString();
  const pairs = settings.bigrams ? characterPairs(word).map(pair => token.clone(() => pair)) : [];
  if (pairs.length && ONLY_CHINESE.test(word)) return pairs;
  token.update(() => madeAlike(word));
  return pairs.length ? [token, ...pairs] : token;
}

// A Chinese query is written as the index's pairs: Material splits a Chinese query itself by the
// index's words, but leaves out the last pair ("建立信任" would look for 建立 and 立信 only).
function queryAlike(query) {
  const words = settings.bigrams ? query.replace(CHINESE, run => characterPairs(run).join(" ")) : query;
  return words.replace(WORD, madeAlike);
}

// lunr's Builder.add (lunr 2.3.9, inside Material's worker), storing what it finds leaner. lunr
// makes each object of its inverted index with Object.create(null), which V8 keeps as a hash
// table of about 100 bytes: one per word, one per field of each word, even a field the word is
// never in, and one per entry the word is in, whose list of positions grows by push to room for
// 17. Here a word and its entries are plain objects of one shape (lunr reads them by their own
// keys), the fields a word is not in share one empty object, and a list of positions is as long
// as it is. The index is the same (tests/test_search_worker.py compares them), the page's heap
// after a search 0.58× as large for Chinese and 0.72× for English, and it is built in less time
// (measured in Chromium, 2026-11-30).
const NOWHERE = Object.freeze(Object.create(null));

function addEntry(doc, attributes) {
  const ref = doc[this._ref];
  const fields = Object.keys(this._fields);
  this._documents[ref] = attributes || {};
  this.documentCount += 1;
  for (const field of fields) {
    const extractor = this._fields[field].extractor;
    const terms = this.pipeline.run(
      this.tokenizer(extractor ? extractor(doc) : doc[field], { fields: [field] }));
    const fieldRef = new lunr.FieldRef(ref, field).toString();
    const frequencies = Object.create(null);
    this.fieldTermFrequencies[fieldRef] = frequencies;
    this.fieldLengths[fieldRef] = terms.length;
    for (const token of terms) {
      const term = token.toString();
      frequencies[term] = (frequencies[term] || 0) + 1;
      let posting = this.invertedIndex[term];
      if (posting === undefined) {
        posting = { _index: this.termIndex++ };
        for (const name of fields) posting[name] = NOWHERE;
        this.invertedIndex[term] = posting;
      }
      if (posting[field] === NOWHERE) posting[field] = Object.create(null);
      const found = posting[field][ref];
      const metadata = found || {};
      for (const key of this.metadataWhitelist)
        metadata[key] = found ? metadata[key].concat([token.metadata[key]]) : [token.metadata[key]];
      posting[field][ref] = metadata;
    }
  }
}

function setUp(config) {
  settings = { ...settings, ...config.curriculum };
  alike.clear();
  lunr.Pipeline.registerFunction(indexWord, "curriculum-search");
  // Material sets up the language's pipeline, then names the reference field, then adds the
  // entries: the step goes last in that pipeline, and this builder adds entries leaner.
  const ref = lunr.Builder.prototype.ref;
  lunr.Builder.prototype.ref = function (name) {
    this.pipeline.add(indexWord);
    this.add = addEntry;
    lunr.Builder.prototype.ref = ref;
    return ref.call(this, name);
  };
}

// Runs before Material's own listener, which then reads the message as changed here.
addEventListener("message", event => {
  const message = event.data;
  if (message.type === SETUP) setUp(message.data.config);
  else if (message.type === QUERY) message.data = queryAlike(message.data);
});

// In a worker, scripts are found from its own address; in the iframe Material uses from
// file:// (iframe-worker), from the worker's script element, as Material does for lunr's.
const here = typeof document === "undefined"
  ? self.location.href
  : document.querySelector("script[src]").src;
importScripts(new URL(MATERIAL_WORKER, here).href);
})();
