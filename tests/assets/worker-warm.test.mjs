// The search worker fetches the index on intent only: Material's SETUP alone opens nothing, a
// doum:warm (or any query) opens the index once, and Material's READY follows the load (once
// more after SETUP when the first may have gone out before Material listened). The
// worker's source runs in a vm context with a stand-in engine (the real one is tested elsewhere).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import vm from 'node:vm'

const SOURCE = readFileSync(new URL('../../overrides/assets/doum/search-worker.js', import.meta.url), 'utf8')
const SETUP = 0
const READY = 1
const QUERY = 2
const plain = (value) => JSON.parse(JSON.stringify(value)) // the worker's objects are of its own realm

function startWorker({ fails = false, href = 'https://help.example.com/assets/doum/search-worker.js' } = {}) {
  const posted = []
  const opened = []
  const languages = [] // the language each opening asked for
  const ranked = [] // what the engine was asked to rank for Material
  const listeners = []
  const context = {
    URL,
    URLSearchParams,
    Promise,
    setTimeout: () => 0, // Material's retries are not waited for here
    setInterval: () => 0,
    clearInterval: () => {},
    location: { href },
    postMessage: (message) => posted.push(message),
    addEventListener: (type, listener) => listeners.push(listener),
    importScripts: (...urls) => {
      assert.deepEqual(urls, ['search/engine.js'])
      context.doumSearchCore = {
        openSearcher: (url, options) => {
          opened.push(String(url))
          languages.push(options.language)
          if (fails) return Promise.reject(new Error('HTTP 404'))
          return Promise.resolve({
            materialResult: async (text) => {
              ranked.push(text)
              return { items: [text], suggest: [] }
            },
            search: async (text) => [{ title: text, location: 'a/', score: 1 }],
          })
        },
      }
    },
  }
  context.self = context
  vm.createContext(context)
  vm.runInContext(SOURCE, context)
  const send = (data) => listeners.forEach((listener) => listener({ data }))
  const settle = () => new Promise((resolve) => setImmediate(resolve))
  return { posted, opened, languages, ranked, send, settle }
}

test('hello first; no index until intent, even after Material set up', async () => {
  const worker = startWorker()
  assert.equal(worker.posted[0].type, 'doum:hello')
  worker.send({ type: SETUP, data: {} })
  await worker.settle()
  assert.deepEqual(worker.opened, [])
  assert.ok(!worker.posted.some((m) => m.type === READY))
})

test('a warm opens the index once and Material gets READY after it', async () => {
  const worker = startWorker()
  worker.send({ type: SETUP, data: {} })
  worker.send({ type: 'doum:warm' })
  worker.send({ type: 'doum:warm' })
  await worker.settle()
  assert.deepEqual(worker.opened, ['https://help.example.com/search/doum.json'])
  const types = worker.posted.map((m) => m.type)
  assert.ok(types.indexOf('doum:loading') < types.indexOf('doum:ready'))
  assert.equal(types.filter((type) => type === READY).length, 1)
  worker.send({ type: QUERY, data: '비밀번호' })
  await worker.settle()
  assert.deepEqual(plain(worker.posted.at(-1)), { type: 3, data: { items: ['비밀번호'], suggest: [] } })
})

test('a warm before Material set up: READY when the index loads, and again when SETUP comes', async () => {
  // Material listens from its mount but sends SETUP later: it may hear the first READY (and then
  // send a search link's query without waiting for its own setup) or not (then it hears the second).
  const worker = startWorker()
  worker.send({ type: 'doum:warm' })
  await worker.settle()
  assert.equal(worker.posted.filter((m) => m.type === READY).length, 1)
  assert.ok(
    worker.posted.findIndex((m) => m.type === 'doum:ready') <
      worker.posted.findIndex((m) => m.type === READY),
  )
  worker.send({ type: SETUP, data: {} })
  await worker.settle()
  assert.equal(worker.posted.filter((m) => m.type === READY).length, 2)
  worker.send({ type: SETUP, data: {} })
  await worker.settle()
  assert.equal(worker.posted.filter((m) => m.type === READY).length, 2, 'told after SETUP once')
  assert.equal(worker.opened.length, 1)
})

test("a search link's query is answered to Material before its SETUP comes", async () => {
  const hint = new URLSearchParams({ q: '환불 신청' })
  const worker = startWorker({ href: `https://help.example.com/assets/doum/search-worker.js#${hint}` })
  await worker.settle()
  assert.ok(worker.posted.some((m) => m.type === READY))
  worker.send({ type: QUERY, data: '환불 신청' })
  await worker.settle()
  assert.deepEqual(plain(worker.posted.at(-1)), { type: 3, data: { items: ['환불 신청'], suggest: [] } })
  assert.equal(worker.opened.length, 1)
})

test('a doum query without a warm loads the index and answers', async () => {
  const worker = startWorker()
  worker.send({ type: 'doum:search', id: 7, query: '환불', limit: 3 })
  await worker.settle()
  assert.equal(worker.opened.length, 1)
  assert.deepEqual(plain(worker.posted.at(-1)), {
    type: 'doum:result',
    id: 7,
    results: [{ title: '환불', location: 'a/', score: 1 }],
  })
})

test('an index that cannot load is announced after the warm, and a query gets an error', async () => {
  const worker = startWorker({ fails: true })
  worker.send({ type: 'doum:warm' })
  await worker.settle()
  assert.ok(worker.posted.some((m) => m.type === 'doum:failed'))
  worker.send({ type: 'doum:search', id: 1, query: '환불' })
  await worker.settle()
  assert.equal(worker.posted.at(-1).type, 'doum:result')
  assert.match(worker.posted.at(-1).error, /404/)
  assert.equal(worker.opened.length, 2, 'asked again')
})

test("a search link's warm ranks its query at once, before Material asks, and answers nothing", async () => {
  const worker = startWorker()
  worker.send({ type: 'doum:warm', query: '비밀번호 변경' })
  worker.send({ type: SETUP, data: {} })
  await worker.settle()
  assert.deepEqual(worker.ranked, ['비밀번호 변경'])
  assert.ok(!worker.posted.some((m) => m.type === 3), 'no RESULT until Material queries')
  worker.send({ type: QUERY, data: '비밀번호 변경' })
  await worker.settle()
  assert.deepEqual(worker.ranked, ['비밀번호 변경', '비밀번호 변경'])
  assert.equal(worker.posted.filter((m) => m.type === 3).length, 1)
})

test('a warm without a query, or with a blank one, ranks nothing', async () => {
  const worker = startWorker()
  worker.send({ type: 'doum:warm' })
  worker.send({ type: 'doum:warm', query: '  ' })
  await worker.settle()
  assert.deepEqual(worker.ranked, [])
})

test("a warm with the header box's text ranks it at once; Material's query follows", async () => {
  const worker = startWorker()
  worker.send({ type: SETUP, data: {} })
  worker.send({ type: 'doum:warm', query: '알림톡' })
  await worker.settle()
  assert.deepEqual(worker.ranked, ['알림톡'])
  worker.send({ type: QUERY, data: '알림톡' })
  await worker.settle()
  assert.deepEqual(plain(worker.posted.at(-1)), { type: 3, data: { items: ['알림톡'], suggest: [] } })
})

test('a warm whose turn comes after a newer text is skipped: the newer text is ranked', async () => {
  const worker = startWorker()
  worker.send({ type: SETUP, data: {} })
  worker.send({ type: 'doum:warm', query: '알' })
  worker.send({ type: 'doum:warm', query: '알림' })
  worker.send({ type: QUERY, data: '알림' })
  worker.send({ type: 'doum:warm', query: '알림톡' })
  await worker.settle()
  // the first two warms waited behind the index's loading and were overtaken; the query was
  // answered, and the last warm ran since nothing came after it
  assert.deepEqual(worker.ranked, ['알림', '알림톡'])
  assert.deepEqual(plain(worker.posted.filter((m) => m.type === 3)), [
    { type: 3, data: { items: ['알림'], suggest: [] } },
  ])
})

test("a search link's query in the worker's URL (#q=…&lang=…) is ranked as the worker starts", async () => {
  const hint = new URLSearchParams({ q: '비밀번호 변경', lang: 'en' })
  const worker = startWorker({ href: `https://help.example.com/assets/doum/search-worker.js#${hint}` })
  await worker.settle()
  assert.deepEqual(worker.opened, ['https://help.example.com/search/doum.json'])
  assert.deepEqual(worker.languages, ['en'])
  assert.deepEqual(worker.ranked, ['비밀번호 변경'])
  worker.send({ type: SETUP, data: {} })
  worker.send({ type: QUERY, data: '비밀번호 변경' })
  await worker.settle()
  assert.ok(worker.posted.some((m) => m.type === READY))
  assert.deepEqual(plain(worker.posted.at(-1)), { type: 3, data: { items: ['비밀번호 변경'], suggest: [] } })
  assert.equal(worker.opened.length, 1)
})
