/* doum's search worker (a classic worker): Material's header search talks to it through
 * Material's worker messages, and assets/doum/search.js through doum's own messages.
 *
 * Material:  {type: 0 SETUP} → {type: 1 READY};  {type: 2 QUERY, data: text} →
 *            {type: 3 RESULT, data: {items, suggest}}
 * doum API:  {type: "doum:search", id, query, limit} → {type: "doum:result", id, results}
 *
 * The index (search/doum.json) starts loading as soon as the worker starts, before Material's
 * setup message arrives. */
/* global importScripts, doumSearchCore */
importScripts("search/lunr.js", "search/korean.js", "search/core.js")

const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3
const INDEX_URL = new URL("../../search/doum.json", self.location.href)

const searcher = fetch(INDEX_URL)
  .then((response) => {
    if (!response.ok) throw new Error(`doum search: ${INDEX_URL} answered ${response.status}`)
    return response.json()
  })
  .then((payload) => new doumSearchCore.Searcher(payload))

function answer(message, searcher) {
  if (message.type === SETUP) return { type: READY }
  if (message.type === QUERY) return { type: RESULT, data: searcher.materialResult(message.data) }
  if (message.type === "doum:search") {
    const limit = Math.max(1, Math.min(Number(message.limit) || 5, 50))
    return { type: "doum:result", id: message.id, results: searcher.search(message.query, limit) }
  }
  return null
}

self.addEventListener("message", (event) => {
  const message = event.data || {}
  searcher
    .then((ready) => {
      const reply = answer(message, ready)
      if (reply) self.postMessage(reply)
    })
    .catch((error) => {
      // A query must never leave Material or the API waiting: answer with no results.
      if (message.type === QUERY) self.postMessage({ type: RESULT, data: { items: [] } })
      if (message.type === "doum:search") self.postMessage({ type: "doum:result", id: message.id, results: [], error: String(error) })
      if (message.type === SETUP) self.postMessage({ type: READY })
      throw error
    })
})
