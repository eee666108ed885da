// The one search API for the launcher's bot and the contact page's suggestions.
// search(query, {limit}) resolves to ranked [{title, location, url, summary, score}]:
// location is root-relative ("account/reset-password/"), url absolute. Ranking is the header
// search's and `doum search`'s: the same worker (assets/doum/search-worker.js) answers.
//
// It never leaves a caller waiting. A worker that fails to start, reports that the index
// (search/doum.json) cannot be loaded, or does not answer in time is replaced once; if the
// replacement fails too, search() rejects with a SearchUnavailableError, and callers say so
// (shared/unavailable.js) with the ways to reach support instead of a spinner. The next call starts
// afresh, so search comes back as soon as the files do.
import { SITE_ROOT } from './shared/site.js'

export class SearchUnavailableError extends Error {
  constructor(reason) {
    super(`doum search unavailable: ${reason}`)
    this.name = 'SearchUnavailableError'
  }
}

const workerUrl = new URL('assets/doum/search-worker.js', SITE_ROOT)
const START_MS = 1500 // a worker says hello first thing: silence this long means it never started
const ANSWER_MS = 15000 // silence allowed from a live worker (it says so every second while loading)

let session = null // {worker, alive, replaced, timer}
let nextId = 1
const pending = new Map() // id → {message, resolve, reject}

function spawn(replaced) {
  const current = { worker: null, alive: false, replaced, timer: 0 }
  session = current
  try {
    current.worker = new Worker(workerUrl)
  } catch (error) {
    // Blocked by policy or not allowed here: fail like a worker that did not load.
    queueMicrotask(() => fail(current, String(error)))
    return
  }
  current.worker.addEventListener('message', ({ data }) => {
    if (session !== current || !data || typeof data !== 'object') return
    if (data.type === 'doum:hello' || data.type === 'doum:loading') {
      current.alive = true
      watch(current, true)
      return
    }
    if (data.type !== 'doum:result' || !pending.has(data.id)) return
    if (data.error) {
      fail(current, data.error)
      return
    }
    const entry = pending.get(data.id)
    pending.delete(data.id)
    entry.resolve(Array.isArray(data.results) ? data.results : [])
    watch(current, true)
  })
  current.worker.addEventListener('error', (event) => {
    event.preventDefault()
    if (session === current) fail(current, 'the worker failed')
  })
  for (const { message } of pending.values()) current.worker.postMessage(message)
  watch(current, false)
}

// One timer per worker while answers are owed. New questions do not push it back (a stream
// of questions to a silent worker must still end); each message from the worker does.
function watch(current, progress) {
  if (progress || !pending.size) {
    clearTimeout(current.timer)
    current.timer = 0
  }
  if (!pending.size || current.timer) return
  current.timer = setTimeout(() => fail(current, 'no answer'), current.alive ? ANSWER_MS : START_MS)
}

function fail(current, reason) {
  if (session !== current) return
  clearTimeout(current.timer)
  current.worker?.terminate()
  session = null
  if (!pending.size) return
  if (!current.replaced) {
    spawn(true) // replaced once: the questions still owed go to the new worker
    return
  }
  const error = new SearchUnavailableError(reason)
  for (const { reject } of pending.values()) reject(error)
  pending.clear()
}

export async function search(query, { limit = 5 } = {}) {
  const text = String(query ?? '')
  if (!text.trim()) return []
  const id = nextId++
  const message = { type: 'doum:search', id, query: text, limit }
  const results = await new Promise((resolve, reject) => {
    pending.set(id, { message, resolve, reject })
    if (!session) {
      spawn(false)
    } else if (session.worker) {
      session.worker.postMessage(message)
      watch(session, false)
    }
  })
  return results.map((hit) => ({ ...hit, url: new URL(hit.location, SITE_ROOT).href }))
}
