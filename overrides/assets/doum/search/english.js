/* doum's English text pipeline for the browser: src/doum/search/english.py, function for function,
 * with lunr.js's own stop word filter and stemmer (the Python side uses the lunr package's).
 * tests/search/fixtures/english-*.json are checked against both, so keep every rule here and there
 * alike. Hangul words go through korean.js, so Korean inside an English page is still found.
 * A classic script (UMD): part of the search engine in the worker, require() in node:test. Both
 * get the factory, (lunr, korean) → the pipeline: lunr.js is loaded only when an English index
 * opens (core.js openSearcher), so a Korean search never downloads it. */
;(function (root, factory) {
  if (typeof module === 'object' && module.exports) module.exports = factory
  else root.doumEnglish = factory
})(typeof self !== 'undefined' ? self : this, function (lunr, korean) {
  'use strict'

  const APOSTROPHE = /(?<=[a-z0-9])['’](?=[a-z])/g

  /** Words of a text: normalized (NFKC, lower case) and cut as korean.words cuts them. */
  const words = (text) => korean.splitWords(korean.normalize(text).replace(APOSTROPHE, ''))

  const isStopWord = (word) => lunr.stopWordFilter(new lunr.Token(word)) === undefined

  /** A Latin word's Porter stem (lunr.stemmer); a Hangul word's Korean stem. */
  const stem = (word) =>
    [...word].some(korean.isLatin) ? lunr.stemmer(new lunr.Token(word)).toString() : korean.stem(word)

  /** Index terms of a text: normalized, split, stop words dropped, stemmed. */
  const tokens = (text) =>
    words(text)
      .filter((word) => !isStopWord(word))
      .map(stem)

  return { words, isStopWord, stem, tokens }
})
