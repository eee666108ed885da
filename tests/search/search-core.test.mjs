// The browser's query side ranks exactly as src/doum/searching.py does, on the tiny help
// center that tests/test_searching.py writes (mini-payload.json → mini-expected.json).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'

const require = createRequire(import.meta.url)
const root = new URL('../../', import.meta.url)
const fixture = (name) => JSON.parse(readFileSync(new URL(`tests/search/fixtures/${name}`, root), 'utf8'))

const load = () => {
  const korean = require('../../overrides/assets/doum/search/korean.js')
  return require('../../overrides/assets/doum/search/core.js')(korean)
}
const MINI = fixture('mini-docs.json')
/** A Searcher over a payload fixture: the entry and every piece at hand. */
const searcherOf = (Searcher, name) => {
  const { entry, pieces } = fixture(name)
  return new Searcher(entry, pieces)
}

test('ranks every query exactly as Python does', () => {
  const { Searcher } = load()
  const searcher = searcherOf(Searcher, 'mini-payload.json')
  const expected = fixture('mini-expected.json')
  MINI.queries.forEach((query, i) => assert.deepEqual(searcher.search(query, 5), expected[i], query))
})

test('common words keep the same best documents as in Python', () => {
  const { Searcher } = load()
  const searcher = searcherOf(Searcher, 'many-payload.json')
  const { queries, results } = fixture('many-expected.json')
  queries.forEach((query, i) => assert.deepEqual(searcher.search(query, 5), results[i], query))
})

test('Material results: grouped by page, page first, text escaped, matches marked', () => {
  const { Searcher } = load()
  const searcher = searcherOf(Searcher, 'mini-payload.json')
  const { items, suggest } = searcher.materialResult('탈퇴하면')
  assert.equal(items[0][0].location, 'account/delete/')
  assert.ok(items[0].slice(1).every((doc) => doc.location.startsWith('account/delete/#')))
  assert.match(items[0][0].title, /<mark>탈퇴<\/mark>/)
  assert.ok(items[0][0].score >= Math.max(...items[0].map((doc) => doc.score)))
  assert.ok(Array.isArray(suggest))
})

test('hostile queries come back escaped, never as markup', () => {
  const { Searcher, highlighter } = load()
  const searcher = searcherOf(Searcher, 'mini-payload.json')
  for (const query of ['<img src=x onerror=alert(1)>', '+-~^:*', '"><script>', 'a'.repeat(1000), '']) {
    const { items } = searcher.materialResult(query)
    for (const group of items)
      for (const doc of group) {
        assert.doesNotMatch(doc.title + doc.text, /<(?!\/?mark>)/)
      }
  }
  assert.equal(highlighter(['탈퇴'])('<b>탈퇴</b>'), '&lt;b&gt;<mark>탈퇴</mark>&lt;/b&gt;')
})

test('completes the word being typed from the best titles', () => {
  const { Searcher } = load()
  const searcher = searcherOf(Searcher, 'mini-payload.json')
  assert.deepEqual(searcher.materialResult('비밀').suggest, ['비밀번호'])
})

test('a query one jamo from a known word shows the nearest pages, flagged approximate', () => {
  const { Searcher, APPROXIMATE_MARK } = load()
  const searcher = searcherOf(Searcher, 'mini-payload.json')
  const hits = searcher.search('탈퇴ㅎ', 3)
  assert.equal(hits[0].location, 'account/delete/')
  assert.ok(hits.every((hit) => hit.approximate === true))
  const { items, approximate } = searcher.materialResult('탈퇴ㅎ')
  assert.equal(approximate, true)
  assert.ok(items[0][0].title.startsWith(APPROXIMATE_MARK))
  assert.equal(searcher.materialResult('탈퇴').approximate, false)
  assert.ok(!searcher.materialResult('탈퇴').items[0][0].title.includes('doum-search-approximate'))
})

/** A site's search files served from a payload fixture: manifest, entry and pieces, by URL. */
function served(name, base = 'https://help.example/search/') {
  const { entry, pieces } = fixture(name)
  const files = {
    [`${base}doum.json`]: {
      format: entry.format,
      default: 'ko',
      languages: { ko: { entry: 'doum/ko.entry.json' } },
    },
    [`${base}doum/ko.entry.json`]: entry,
  }
  for (const [piece, content] of Object.entries(pieces)) files[base + piece] = content
  return { manifest: `${base}doum.json`, files }
}

/** A fetch over a map of URL → JSON; a URL in `failing` answers 503 once. */
function fakeFetch(files, failing = new Set()) {
  const asked = []
  const get = async (url) => {
    asked.push(url)
    if (failing.delete(url)) return { ok: false, status: 503, json: async () => ({}) }
    if (!(url in files)) return { ok: false, status: 404, json: async () => ({}) }
    return { ok: true, status: 200, json: async () => structuredClone(files[url]) }
  }
  return { get, asked }
}

test('openSearcher: the same results and Material results as with every piece at hand', async () => {
  const { Searcher, openSearcher } = load()
  for (const name of ['mini-payload.json', 'many-payload.json']) {
    const { manifest, files } = served(name)
    const { get, asked } = fakeFetch(files)
    const search = await openSearcher(manifest, { fetch: get })
    const whole = searcherOf(Searcher, name)
    const queries = name.startsWith('mini') ? MINI.queries : fixture('many-expected.json').queries
    for (const query of queries) {
      assert.deepEqual(await search.search(query, 5), whole.search(query, 5), query)
      assert.deepEqual(await search.materialResult(query), whole.materialResult(query), query)
    }
    assert.equal(new Set(asked).size, asked.length, 'each piece is fetched once')
    // a session that fetched enough of a bulk piece's small pieces fetches the bulk piece
    if (name.startsWith('mini'))
      assert.ok(
        asked.some((url) => /\/doum\/[td]b\./.test(url)),
        asked.join('\n'),
      )
  }
})

test('openSearcher: the first query fetches small pieces only', async () => {
  const { openSearcher } = load()
  const { manifest, files } = served('mini-payload.json')
  const { get, asked } = fakeFetch(files)
  const search = await openSearcher(manifest, { fetch: get })
  await search.materialResult('탈퇴')
  assert.ok(asked.length > 2 && !asked.some((url) => /\/doum\/[td]b\./.test(url)), asked.join('\n'))
})

test('openSearcher: only the pieces a query needs are fetched', async () => {
  const { openSearcher } = load()
  const { manifest, files } = served('mini-payload.json')
  const { get, asked } = fakeFetch(files)
  const search = await openSearcher(manifest, { fetch: get })
  assert.equal(asked.length, 2) // manifest and entry
  await search.search('탈퇴', 1)
  assert.ok(asked.length > 2 && asked.length < Object.keys(files).length, asked.join('\n'))
})

test('openSearcher: a small index (the entry says preload) is fetched whole as it opens', async () => {
  const { openSearcher } = load()
  const { manifest, files } = served('mini-payload.json')
  files['https://help.example/search/doum/ko.entry.json'].preload = true
  const { get, asked } = fakeFetch(files)
  const search = await openSearcher(manifest, { fetch: get })
  const small = Object.keys(files).filter((url) => /\/doum\/[td]\./.test(url))
  assert.deepEqual(new Set(asked.slice(2)), new Set(small), 'every small piece, no bulk one')
  const before = asked.length
  assert.equal((await search.search('탈퇴', 1))[0].location, 'account/delete/')
  assert.equal(asked.length, before, 'the query waited for no piece of its own')
})

test('openSearcher: a preload that fails fails no open, and a later search asks again', async () => {
  const { openSearcher } = load()
  const { manifest, files } = served('mini-payload.json')
  files['https://help.example/search/doum/ko.entry.json'].preload = true
  const postings = Object.keys(files).filter((url) => /\/doum\/t\./.test(url))
  const { get, asked } = fakeFetch(files, new Set(postings))
  const search = await openSearcher(manifest, { fetch: get })
  // a search that joins the failed fetch rejects (its caller shows contact), as for any piece
  await search.search('탈퇴', 1).catch(() => {})
  assert.equal((await search.search('탈퇴', 1))[0].location, 'account/delete/')
  assert.ok(asked.filter((url) => postings.includes(url)).length > postings.length)
})

test('openSearcher: a failed piece rejects the search, and the next search asks again', async () => {
  const { openSearcher } = load()
  const { manifest, files } = served('mini-payload.json')
  const pieces = Object.keys(files).filter((url) => /\/doum\/t\./.test(url)) // postings
  const { get, asked } = fakeFetch(files, new Set(pieces))
  const search = await openSearcher(manifest, { fetch: get })
  await assert.rejects(search.search('탈퇴', 1), /503/)
  const hits = await search.search('탈퇴', 1)
  assert.equal(hits[0].location, 'account/delete/')
  assert.ok(asked.filter((url) => pieces.includes(url)).length > 1)
})

test('openSearcher: a manifest that fails rejects, and the next open asks again', async () => {
  const { openSearcher } = load()
  const { manifest, files } = served('mini-payload.json')
  const { get } = fakeFetch(files, new Set([manifest]))
  await assert.rejects(openSearcher(manifest, { fetch: get }), /503/)
  const search = await openSearcher(manifest, { fetch: get })
  assert.ok((await search.search('탈퇴', 1)).length)
})

test('openSearcher: an index of another format is refused with a clear error', async () => {
  const { openSearcher } = load()
  const { manifest, files } = served('mini-payload.json')
  files[manifest] = { ...files[manifest], format: 1 }
  await assert.rejects(openSearcher(manifest, { fetch: fakeFetch(files).get }), /format 1/)
})
