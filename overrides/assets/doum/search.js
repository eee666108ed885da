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
//
// One worker per page: the header search's worker, which Material starts and
// shared/bootstrap.js keeps as window.__doumSearch, answers here too (the index loads once).
// A page without it (Material's search off, another site) starts its own; a replacement after a
// failure is always its own, and the shared worker is left to Material, never terminated.
// From file:// no worker can start: search() rejects with SearchUnavailableError.
//
// The worker fetches the index on intent only: warm() says the visitor is about to search (the
// header search box is focused, the launcher opens, the /contact/ form is turned to, a ?q= link is opened).
import { SITE_ROOT, siteData } from './shared/site.js'

export class SearchUnavailableError extends Error {
  constructor(reason) {
    super(`doum search unavailable: ${reason}`)
    this.name = 'SearchUnavailableError'
  }
}

// The build names it (with the page's language on a multilingual site), as for Material's.
function workerUrl() {
  const named = typeof document === 'undefined' ? '' : siteData().search.worker // no page: the default
  return new URL(named || 'assets/doum/search-worker.js', SITE_ROOT)
}
const START_MS = 1500 // a worker says hello first thing: silence this long means it never started
const ANSWER_MS = 15000 // silence allowed from a live worker (it says so every second while loading)
// The worker opens the index entry of the page's language (search/doum.json lists one per language).
const language = globalThis.document?.documentElement.lang || undefined

let session = null // {worker, alive, replaced, timer, shared, stop}
let nextId = 1
const pending = new Map() // id → {message, resolve, reject}

/** The page's search worker (see shared/bootstrap.js), unless this is a replacement. */
function pageWorker(replaced) {
  const shared = replaced ? null : globalThis.__doumSearch
  return shared?.worker ? shared : null
}

function spawn(replaced) {
  const current = { worker: null, alive: false, replaced, timer: 0, shared: false, stop: null }
  session = current
  const shared = pageWorker(replaced)
  try {
    current.worker = shared ? shared.worker : new Worker(workerUrl())
  } catch (error) {
    // Blocked by policy or not allowed here: fail like a worker that did not load.
    queueMicrotask(() => fail(current, String(error)))
    return
  }
  current.shared = Boolean(shared)
  current.alive = Boolean(shared?.alive) // its hello came before this session listened
  const onMessage = ({ data }) => {
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
  }
  const onError = (event) => {
    event.preventDefault()
    if (session === current) fail(current, 'the worker failed')
  }
  current.worker.addEventListener('message', onMessage)
  current.worker.addEventListener('error', onError)
  current.stop = () => {
    current.worker.removeEventListener('message', onMessage)
    current.worker.removeEventListener('error', onError)
  }
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
  current.stop?.()
  if (!current.shared) current.worker?.terminate() // the shared one is Material's too
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
  const message = { type: 'doum:search', id, query: text, limit, language }
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

/** The visitor is about to search: the page's worker fetches the index now (once). With the
 *  text being typed in the header search, it also ranks that text at once (search-worker.js). */
export function warm(query = '') {
  if (!session) spawn(false)
  const typed = typeof query === 'string' && query.trim() ? { query } : {}
  session?.worker?.postMessage({ type: 'doum:warm', language, ...typed })
}
