// The English index in the browser: english.js (lunr.js's own stop words and stemmer) cuts text as
// src/doum/search/english.py does, and core.js ranks an English index as searcher.py does, with
// every piece at hand and fetched by the piece (fixtures written by tests/search/test_english.py).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { lunrPath, skip } from './lunr-path.mjs'

const require = createRequire(import.meta.url)
const root = new URL('../../', import.meta.url)
const fixture = (name) => JSON.parse(readFileSync(new URL(`tests/search/fixtures/${name}`, root), 'utf8'))

const load = () => {
  const lunr = require(lunrPath)
  const korean = require('../../overrides/assets/doum/search/korean.js')
  korean.configure(JSON.parse(readFileSync(new URL('src/doum/search/korean.ko.json', root), 'utf8')))
  const makeEnglish = require('../../overrides/assets/doum/search/english.js')
  const core = require('../../overrides/assets/doum/search/core.js')(korean, makeEnglish)
  return { english: makeEnglish(lunr, korean), lunr, ...core }
}
const DOCS = fixture('english-docs.json')

test('stop words: lunr.js filters exactly the Python list', { skip }, () => {
  const { english } = load()
  const { stop_words: stopWords, stems } = fixture('english-stems.json')
  for (const word of stopWords) assert.ok(english.isStopWord(word), word)
  for (const [word] of stems) assert.equal(english.isStopWord(word), stopWords.includes(word), word)
  assert.equal(english.isStopWord('constructor'), false) // no prototype keys
})

test('stems: lunr.stemmer gives the Python stem for thousands of words', { skip }, () => {
  const { english } = load()
  const { stems } = fixture('english-stems.json')
  assert.ok(stems.length > 2000)
  const differing = stems.filter(([word, stem]) => english.stem(word) !== stem)
  assert.deepEqual(differing, [])
})

test('texts cut into the same terms as in Python', { skip }, () => {
  const { english } = load()
  for (const [text, expected] of fixture('english-stems.json').tokens)
    assert.deepEqual(english.tokens(text), expected, text)
  assert.deepEqual(english.tokens('Deleting your account'), ['delet', 'account'])
  assert.deepEqual(english.tokens('the and of'), [])
})

test('hostile input never throws', { skip }, () => {
  const { english } = load()
  for (const text of ['', ' ', 'a'.repeat(5000), '<script>alert(1)</script>', '\u0000\uffff\ud800', "''''"])
    assert.ok(Array.isArray(english.tokens(text)))
})

const searcherOf = (Searcher, lunr) => {
  const { entry, pieces } = fixture('english-payload.json')
  return new Searcher(entry, pieces, undefined, lunr)
}

test('an English index ranks every query exactly as Python does', { skip }, () => {
  const { Searcher, lunr } = load()
  const searcher = searcherOf(Searcher, lunr)
  const expected = fixture('english-expected.json')
  DOCS.queries.forEach((query, i) => assert.deepEqual(searcher.search(query, 5), expected[i], query))
})

test('Material results: stems marked, the word being typed completed as written', { skip }, () => {
  const { Searcher, lunr } = load()
  const searcher = searcherOf(Searcher, lunr)
  const { items } = searcher.materialResult('refunds')
  assert.equal(items[0][0].location, 'billing/refunds/')
  assert.match(items[0][0].title, /<mark>refund<\/mark>/)
  assert.deepEqual(searcher.materialResult('Delet').suggest, ['deleting'])
  assert.deepEqual(searcher.materialResult('the').items, [])
})

/** A site whose manifest lists a Korean and an English entry. */
function served(base = 'https://help.example/search/') {
  const english = fixture('english-payload.json')
  const korean = fixture('mini-payload.json')
  const files = {
    [`${base}doum.json`]: {
      format: english.entry.format,
      default: 'ko',
      languages: { ko: { entry: 'doum/ko.entry.json' }, en: { entry: 'doum/en.entry.json' } },
    },
    [`${base}doum/ko.entry.json`]: korean.entry,
    [`${base}doum/en.entry.json`]: english.entry,
  }
  for (const { pieces } of [korean, english])
    for (const [piece, content] of Object.entries(pieces)) files[base + piece] = content
  return { manifest: `${base}doum.json`, files }
}

const fetchOf = (files) => async (url) =>
  url in files
    ? { ok: true, status: 200, json: async () => structuredClone(files[url]) }
    : { ok: false, status: 404, json: async () => ({}) }

test('openSearcher: the page language picks its entry, the default otherwise', { skip }, async () => {
  const { openSearcher, lunr } = load()
  const { manifest, files } = served()
  for (const language of ['en', 'en-US', 'EN']) {
    const search = await openSearcher(manifest, { fetch: fetchOf(files), language, lunr: () => lunr })
    assert.equal((await search.search('deleting', 1))[0].location, 'account/delete/', language)
  }
  for (const language of [undefined, 'ko', 'ja']) {
    const loads = []
    const search = await openSearcher(manifest, {
      fetch: fetchOf(files),
      language,
      lunr: () => loads.push(language) && lunr,
    })
    assert.equal((await search.search('탈퇴', 1))[0].location, 'account/delete/', String(language))
    assert.deepEqual(await search.search('deleting', 1), [], String(language))
    assert.deepEqual(loads, [], 'a Korean index never loads lunr.js')
  }
})

test('openSearcher: an English index without lunr.js says what it needs', { skip }, async () => {
  const { openSearcher } = load()
  const { manifest, files } = served()
  await assert.rejects(
    openSearcher(manifest, { fetch: fetchOf(files), language: 'en' }),
    /needs english\.js and lunr\.js/,
  )
})

test(
  'openSearcher: an English index fetched by the piece ranks as with every piece at hand',
  { skip },
  async () => {
    const { Searcher, openSearcher, lunr } = load()
    const { manifest, files } = served()
    const asked = []
    const get = fetchOf(files)
    const search = await openSearcher(manifest, {
      fetch: (url) => {
        asked.push(url)
        return get(url)
      },
      language: 'en',
      lunr: async () => lunr,
    })
    const whole = searcherOf(Searcher, lunr)
    for (const query of DOCS.queries) {
      assert.deepEqual(await search.search(query, 5), whole.search(query, 5), query)
      assert.deepEqual(await search.materialResult(query), whole.materialResult(query), query)
    }
    assert.equal(new Set(asked).size, asked.length, 'each piece is fetched once')
    assert.ok(!asked.some((url) => url.includes('ko.entry')), 'the Korean entry is never fetched')
  },
)
