/* doum's search worker (a classic worker): Material's header search talks to it through
 * Material's worker messages, and assets/doum/search.js through doum's own messages.
 *
 * Material:  {type: 0 SETUP} → {type: 1 READY};  {type: 2 QUERY, data: text} →
 *            {type: 3 RESULT, data: {items, suggest}}
 * doum API:  {type: "doum:search", id, query, limit} → {type: "doum:result", id, results}
 *            or, when the index cannot be loaded, {type: "doum:result", id, error}
 *            and {type: "doum:hello"} first of all, so search.js can tell a live worker from
 *            one that never started.
 *
 * Both go through doumSearchCore.openSearcher (search/core.js), the one entry point to the
 * index. The index (search/doum.json and its entry) is fetched on the visitor's intent, not when
 * the worker starts: {type: "doum:warm"} (the page sends it when the search box is focused or
 * typed in, the launcher opens, the /contact/ form is turned to; the header box's text comes as
 * {type: "doum:warm", query}, ranked at once) or any query loads it. A ?q= search link's query
 * comes in this worker's URL (#q=…&lang=…, from the page's head), ranked as the worker starts.
 * Material's SETUP alone does not. Material's READY is sent as soon as the index has loaded (see
 * tellMaterial).
 * A failed load is tried again: on the next doum query, and for Material (which sends its
 * setup once) on a timer, so search comes back with the file.
 *
 * The index's language (search/doum.json lists an entry per language): `language` on the first
 * message that carries one before the index loads (the page's <html lang>), else ?lang= on the
 * worker's URL, else the manifest's default (each language's build writes its own manifest,
 * whose default is that language).
 *
 * The search engine (search/korean.js, search/english.js, search/core.js) is written into this
 * file at build time (src/doum/site/bundle.py), replacing the importScripts line below: one
 * request. lunr.js, which only English stems need, is loaded when an English index opens.
 *
 * The index's state is told as {type: "doum:loading" | "doum:ready" | "doum:failed"} (loading
 * every second while it loads: search.js counts it as a sign of life), and, since the page
 * cannot hear the worker Material started, also on the BroadcastChannel "doum-search" as
 * {state} (shared/header-search.js listens). */
/* global importScripts, doumSearchCore */
self.postMessage({ type: 'doum:hello' })
importScripts('search/engine.js')

const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3
// A multilingual site's further language starts it as search-worker.js?index=en/search/doum.json:
// that language's own index, under its folder (src/doum/site/languages.py search_worker).
const NAMED_INDEX = new URL(self.location.href).searchParams.get('index') || ''
const INDEX_URL = new URL(
  /^([a-z]{2,3}([_-][A-Za-z0-9]+)*\/)?search\/doum\.json$/.test(NAMED_INDEX)
    ? `../../${NAMED_INDEX}`
    : '../../search/doum.json',
  self.location.href,
)
const RETRY_MS = [2000, 5000, 10000, 30000] // then every 30 s while Material waits

// English stems need lunr.js: loaded only when an English index opens (beside the engine's
// files, at its stable URL), so a Korean search never downloads it.
function loadLunr() {
  if (!self.lunr) importScripts('search/lunr.js')
  return self.lunr
}

let searcher = null // a promise of the opened search; null after a failed load
// Opened from a ?q= search link, the page's head starts this worker with the link's query in
// its URL's fragment (#q=…&lang=…, shared/bootstrap.js): a message to a worker still starting is
// held by the page until its main thread is free, which during a first load is after Material's
// bundle has run; the URL is here as soon as this script runs. (A fragment never reaches a server.)
const HINT = new URLSearchParams(new URL(self.location.href).hash.slice(1))
let language = HINT.get('lang') || new URL(self.location.href).searchParams.get('lang') || undefined
let failed = false // after a failure, ask the server again rather than a cached copy
const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('doum-search') : null

function announce(state) {
  self.postMessage({ type: `doum:${state}` })
  try {
    channel?.postMessage({ state })
  } catch {
    // nobody to tell
  }
}

function load() {
  if (!searcher) {
    announce('loading')
    const heartbeat = setInterval(() => announce('loading'), 1000)
    searcher = doumSearchCore.openSearcher(INDEX_URL, {
      fetch: (url) => fetch(url, failed ? { cache: 'no-cache' } : {}),
      language,
      lunr: loadLunr,
    })
    searcher.then(
      () => {
        clearInterval(heartbeat)
        announce('ready')
        tellMaterial()
      },
      () => {
        clearInterval(heartbeat)
        announce('failed')
        searcher = null // the next caller fetches again
        failed = true
      },
    )
  }
  return searcher
}

let materialWaits = false // Material's SETUP came: it listens, and waits for READY before any query
let materialTold = false // a READY went out after SETUP came: Material has heard one
let warmed = false // the visitor showed intent: the index loads (and Material gets READY)

// Material sends no query before its first READY (a ?q= link's text is sent then), and counts
// only that first one. It listens from the moment its search mounts, but sends its SETUP only
// after its own search/search_index.json has come and been read, which on a first load can wait
// behind the main thread's other work (instant navigation reads sitemap.xml: some 200 ms at
// 10,000 pages). So READY goes out as soon as the index has loaded; and since one sent before
// Material listened is lost, SETUP gets its own unless one already went out after it.
function tellMaterial() {
  self.postMessage({ type: READY })
  if (materialWaits) materialTold = true
}

// Material sends its setup once and waits for READY: after a failed load, keep trying.
function setUpMaterial(attempt = 0) {
  load().then(
    () => {
      if (!materialTold) tellMaterial()
    },
    () => setTimeout(() => setUpMaterial(attempt + 1), RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)]),
  )
}

function warm() {
  if (warmed) return
  warmed = true
  if (materialWaits) setUpMaterial()
  else load()
}

async function answer(message, ready) {
  if (message.type === QUERY)
    return { type: RESULT, data: await ready.materialResult(String(message.data ?? '')) }
  if (message.type === 'doum:search') {
    const limit = Math.max(1, Math.min(Number(message.limit) || 5, 50))
    return {
      type: 'doum:result',
      id: message.id,
      results: await ready.search(String(message.query ?? ''), limit),
    }
  }
  return null
}

// Queries are answered one after another, in the order they came: a query that waits for a
// piece of the index must not have its answer overtake a later one (Material shows the last).
let queue = Promise.resolve()
// Texts to rank for Material, numbered as they come: a warm's query (the header box's text as
// it changes, or a ?q= link's) and Material's queries. A warm whose turn comes after a newer
// text arrived is skipped: that text is what the visitor waits for.
let texts = 0

// A warm may name the text to come: a ?q= search link's (Material waits for the page and for
// READY before it sends it), or the header box's as it is typed (the page hands Material each
// change at once, but Material holds its queries until it has heard READY). Ranked now, its
// pieces and rows fetched, Material's query for the same text is answered from that work.
function warmFor(query) {
  warm()
  if (typeof query !== 'string' || !query.trim()) return
  const number = ++texts
  queue = queue.then(() => {
    if (number !== texts) return undefined
    return load()
      .then((ready) => ready.materialResult(query))
      .catch(() => {})
  })
}

self.addEventListener('message', (event) => {
  const message = event.data || {}
  if (!searcher && typeof message.language === 'string' && message.language) language = message.language
  if (message.type === SETUP) {
    materialWaits = true
    if (warmed) setUpMaterial()
    return
  }
  if (message.type === 'doum:warm') {
    warmFor(message.query)
    return
  }
  if (message.type === QUERY) texts++
  warm() // a query is intent too
  queue = queue.then(() =>
    load()
      .then((ready) => answer(message, ready))
      .then(
        (reply) => {
          if (reply) self.postMessage(reply)
        },
        (error) => {
          // The API's caller must never wait: say the index is unavailable. (Material gets no
          // answer; the header search shows its contact notice when none comes.)
          if (message.type === 'doum:search')
            self.postMessage({ type: 'doum:result', id: message.id, error: String(error) })
        },
      ),
  )
})

if (HINT.has('q')) warmFor(HINT.get('q'))
