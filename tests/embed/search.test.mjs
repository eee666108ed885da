// embed/search.js: the embedded panel's search yields to the host page between its slices (each
// file of the index, each ranking), loads the engine and index once, gives up on a question
// after its timeout, and tries again after a failure.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { embeddedSearch } from '../../overrides/assets/doum/embed/search.js'

const ROOT = 'https://help.example.com/'

// A stand-in for search/core.js's openSearcher with the same contract: it fetches the manifest
// and the entry when opened, a piece per question, and ranks synchronously. Every step is logged
// with the pauses, so the order shows where the host page gets its turn.
function world({ hang = () => false, fail = () => false } = {}) {
  const log = []
  const fetch = (url) => {
    const name = new URL(url).pathname.slice(1)
    log.push(`fetch ${name}`)
    if (hang(name)) return new Promise(() => {})
    if (fail(name)) return Promise.reject(new TypeError('Failed to fetch'))
    return Promise.resolve({ ok: true, json: async () => ({ name }) })
  }
  const core = {
    async openSearcher(manifest, { fetch: get }) {
      for (const name of [manifest, `${ROOT}search/doum/entry.json`]) {
        const response = await get(name)
        log.push(`parse ${(await response.json()).name}`)
      }
      return {
        async search(question) {
          log.push(`rank ${question}`)
          const response = await get(`${ROOT}search/doum/piece.json`)
          log.push(`parse ${(await response.json()).name}`)
          log.push(`rank ${question}`)
          return [{ location: 'account/reset-password/', title: '비밀번호', summary: '', score: 1 }]
        },
      }
    },
  }
  let engines = 0
  const engine = async () => {
    engines += 1
    log.push('engine')
    return core
  }
  const pause = async () => log.push('pause')
  return { log, fetch, engine, pause, engines: () => engines }
}

test('each file of the index and each ranking run in a slice of their own', async () => {
  const w = world()
  const search = embeddedSearch(ROOT, { fetch: w.fetch, pause: w.pause, engine: w.engine })
  const rows = await search.search('비밀번호', 3)
  assert.deepEqual(w.log, [
    'engine',
    'pause',
    'fetch search/doum.json',
    'pause',
    'parse search/doum.json',
    'fetch search/doum/entry.json',
    'pause',
    'parse search/doum/entry.json',
    'pause',
    'rank 비밀번호',
    'fetch search/doum/piece.json',
    'pause',
    'parse search/doum/piece.json',
    'rank 비밀번호',
  ])
  // Answers open on the help center.
  assert.equal(rows[0].url, `${ROOT}account/reset-password/`)
})

test('the engine and the index load once: on warm (the first open), not again per question', async () => {
  const w = world()
  const search = embeddedSearch(ROOT, { fetch: w.fetch, pause: w.pause, engine: w.engine })
  search.warm()
  await search.search('하나', 3)
  await search.search('둘', 3)
  assert.equal(w.engines(), 1)
  assert.equal(w.log.filter((line) => line === 'fetch search/doum.json').length, 1)
})

test('an index that never answers: the question gives up after its timeout', async () => {
  const w = world({ hang: (name) => name === 'search/doum/entry.json' })
  const search = embeddedSearch(ROOT, { fetch: w.fetch, pause: w.pause, engine: w.engine, timeoutMs: 20 })
  await assert.rejects(search.search('비밀번호', 3), /no answer from the index/)
})

test('an index that cannot be read: the question fails, and the next one asks again', async () => {
  let broken = true
  const w = world({ fail: (name) => broken && name === 'search/doum.json' })
  const search = embeddedSearch(ROOT, { fetch: w.fetch, pause: w.pause, engine: w.engine })
  search.warm() // a failed warm-up is no unhandled rejection: the question says so
  await assert.rejects(search.search('비밀번호', 3), /Failed to fetch/)
  broken = false
  const rows = await search.search('비밀번호', 3)
  assert.equal(rows.length, 1)
  assert.equal(w.engines(), 1) // the engine was fine: only the index is asked for again
})

test('lunr.js is handed to the engine as a loader, called only if it opens an English index', async () => {
  const w = world()
  let loader = null
  const engine = async () => ({
    async openSearcher(manifest, options) {
      loader = options.lunr
      return { search: async () => [] }
    },
  })
  let loads = 0
  const lunr = async () => {
    loads += 1
    return { stemmer: () => {} }
  }
  const search = embeddedSearch(ROOT, { fetch: w.fetch, pause: w.pause, engine, lunr })
  await search.search('비밀번호', 3)
  assert.equal(loader, lunr)
  assert.equal(loads, 0, 'a Korean index never asks for it')
})
