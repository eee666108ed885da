// search.js never leaves a caller waiting: a worker that errors, reports a missing index or
// stays silent is replaced once, then search() rejects with SearchUnavailableError; the next
// call starts afresh. A stand-in Worker plays each failure; timers are mocked (no waiting).
import { test, mock } from 'node:test'
import assert from 'node:assert/strict'

class FakeWorker extends EventTarget {
  static behaviour = 'ok' // ok | error | silent | index-failed | mute-after-hello
  static created = []

  constructor(url) {
    super()
    this.url = String(url)
    this.terminated = false
    this.behaviour = FakeWorker.behaviour
    FakeWorker.created.push(this)
    if (this.behaviour === 'error')
      queueMicrotask(() => this.dispatchEvent(new Event('error', { cancelable: true })))
    if (['ok', 'index-failed', 'mute-after-hello'].includes(this.behaviour)) {
      queueMicrotask(() => this.emit({ type: 'doum:hello' }))
    }
  }

  emit(data) {
    if (!this.terminated) this.dispatchEvent(new MessageEvent('message', { data }))
  }

  postMessage(message) {
    if (this.behaviour === 'ok') {
      queueMicrotask(() =>
        this.emit({
          type: 'doum:result',
          id: message.id,
          results: [{ title: `${message.query} 답`, location: 'account/reset-password/', score: 1 }],
        }),
      )
    }
    if (this.behaviour === 'index-failed') {
      queueMicrotask(() => this.emit({ type: 'doum:result', id: message.id, error: 'Error: 404' }))
    }
  }

  terminate() {
    this.terminated = true
  }
}

globalThis.Worker = FakeWorker
const { search, SearchUnavailableError } = await import('../../overrides/assets/doum/search.js')
const SITE_ROOT = new URL('../../overrides/', import.meta.url).href

let kept = null // the live worker the recovery test leaves behind

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve()
}

function fresh(behaviour) {
  FakeWorker.behaviour = behaviour
  FakeWorker.created = []
}

test('a worker that fails to load is replaced once, then search says it is unavailable', async () => {
  fresh('error')
  await assert.rejects(search('비밀번호'), SearchUnavailableError)
  assert.equal(FakeWorker.created.length, 2)
  assert.ok(FakeWorker.created.every((worker) => worker.terminated))
  assert.match(FakeWorker.created[0].url, /assets\/doum\/search-worker\.js$/)
})

test('a worker whose index cannot be loaded is replaced once, then unavailable', async () => {
  fresh('index-failed')
  await assert.rejects(search('비밀번호'), SearchUnavailableError)
  assert.equal(FakeWorker.created.length, 2)
})

test('a silent worker is given up after 1.5 s, its replacement too; more questions do not postpone it', async () => {
  mock.timers.enable({ apis: ['setTimeout'] })
  try {
    fresh('silent')
    let outcome = null
    search('비밀번호').then(
      () => (outcome = 'resolved'),
      (error) => (outcome = error),
    )
    await flush()
    mock.timers.tick(1000)
    search('비밀번호 찾기').catch(() => {}) // a second question to the same silent worker
    await flush()
    mock.timers.tick(600)
    await flush()
    assert.equal(FakeWorker.created.length, 2, 'replaced once')
    assert.equal(outcome, null)
    mock.timers.tick(1500)
    await flush()
    assert.ok(outcome instanceof SearchUnavailableError, String(outcome))
    assert.equal(FakeWorker.created.length, 2)
  } finally {
    mock.timers.reset()
  }
})

test('after a failure the next question starts afresh, and search comes back with the files', async () => {
  fresh('error')
  await assert.rejects(search('탈퇴'), SearchUnavailableError)
  fresh('ok')
  const hits = await search('탈퇴', { limit: 3 })
  assert.equal(hits.length, 1)
  assert.equal(hits[0].title, '탈퇴 답')
  assert.equal(hits[0].url, SITE_ROOT + 'account/reset-password/')
  assert.equal(FakeWorker.created.length, 1)
  // The live worker is kept for the next question.
  await search('환불')
  assert.equal(FakeWorker.created.length, 1)
  kept = FakeWorker.created[0]
})

test('a live worker that stops answering is given up after 15 s of silence', async () => {
  mock.timers.enable({ apis: ['setTimeout'] })
  try {
    // The worker kept from the previous test goes quiet; its replacement says hello and then
    // nothing more.
    fresh('mute-after-hello')
    kept.behaviour = 'silent'
    let outcome = null
    search('환불 안 돼요').then(
      () => (outcome = 'resolved'),
      (error) => (outcome = error),
    )
    await flush()
    mock.timers.tick(14_000)
    await flush()
    assert.equal(outcome, null)
    mock.timers.tick(2_000) // the kept worker: 15 s without a word → replaced
    await flush()
    assert.equal(FakeWorker.created.length, 1)
    mock.timers.tick(16_000) // the replacement said hello, then nothing
    await flush()
    assert.ok(outcome instanceof SearchUnavailableError, String(outcome))
  } finally {
    mock.timers.reset()
  }
})

test('blank questions never start a worker', async () => {
  fresh('error')
  assert.deepEqual(await search('   '), [])
  assert.equal(FakeWorker.created.length, 0)
})
