// The search worker opens the index entry of the page's language: the `language` that search.js
// puts on its messages (the page's <html lang>), else ?lang= on the worker's URL, else nothing (the
// manifest's default). The worker's source runs in a vm context with a stand-in engine that
// records what openSearcher was asked (openSearcher's own choice: english.test.mjs).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import vm from 'node:vm'

const SOURCE = readFileSync(new URL('../../overrides/assets/doum/search-worker.js', import.meta.url), 'utf8')

function startWorker(href = 'https://help.example.com/en/assets/doum/search-worker.js') {
  const asked = []
  const imported = []
  let lunrLoader = null
  const listeners = []
  const context = {
    URL,
    URLSearchParams,
    Promise,
    setTimeout: () => 0,
    setInterval: () => 0,
    clearInterval: () => {},
    location: { href },
    postMessage: () => {},
    addEventListener: (type, listener) => listeners.push(listener),
    importScripts: (url) => {
      imported.push(url)
      if (url === 'search/lunr.js') context.lunr = { stemmer: () => {} }
      context.doumSearchCore ||= {
        openSearcher: (url, options) => {
          asked.push([String(url), options.language])
          lunrLoader = options.lunr
          return Promise.resolve({ materialResult: async () => ({}), search: async () => [] })
        },
      }
    },
  }
  context.self = context
  vm.createContext(context)
  vm.runInContext(SOURCE, context)
  const send = (data) => listeners.forEach((listener) => listener({ data }))
  const settle = () => new Promise((resolve) => setImmediate(resolve))
  return { asked, imported, send, settle, lunr: () => lunrLoader() }
}

test("a warm's language opens that language's entry", async () => {
  const worker = startWorker()
  worker.send({ type: 'doum:warm', language: 'en' })
  await worker.settle()
  assert.deepEqual(worker.asked, [['https://help.example.com/en/search/doum.json', 'en']])
})

test("a search's language counts too; once the index is open, it stays", async () => {
  const worker = startWorker()
  worker.send({ type: 'doum:search', id: 1, query: 'refund', limit: 1, language: 'en' })
  await worker.settle()
  worker.send({ type: 'doum:search', id: 2, query: 'refund', limit: 1, language: 'ko' })
  await worker.settle()
  assert.deepEqual(worker.asked, [['https://help.example.com/en/search/doum.json', 'en']])
})

test('?lang= on the worker URL, else the manifest default', async () => {
  const named = startWorker('https://help.example.com/assets/doum/search-worker.js?lang=en')
  named.send({ type: 'doum:warm' })
  await named.settle()
  assert.deepEqual(named.asked, [['https://help.example.com/search/doum.json', 'en']])
  const plain = startWorker('https://help.example.com/assets/doum/search-worker.js')
  plain.send({ type: 0, data: {} }) // Material's SETUP names no language
  plain.send({ type: 'doum:warm' })
  await plain.settle()
  assert.deepEqual(plain.asked, [['https://help.example.com/search/doum.json', undefined]])
})

test('lunr.js is imported only when the engine opens an English index, and once', async () => {
  const worker = startWorker()
  worker.send({ type: 'doum:warm', language: 'en' })
  await worker.settle()
  assert.deepEqual(worker.imported, ['search/engine.js'], 'the engine alone at start')
  const lunr = worker.lunr() // what openSearcher calls for an English entry
  assert.equal(typeof lunr.stemmer, 'function')
  assert.equal(worker.lunr(), lunr)
  assert.deepEqual(worker.imported, ['search/engine.js', 'search/lunr.js'])
})
