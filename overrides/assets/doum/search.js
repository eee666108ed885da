// The one search API for the launcher's bot and the contact page's suggestions.
// search(query, {limit}) resolves to ranked [{title, location, url, summary, score}]:
// location is root-relative ("account/reset-password/"), url absolute. Ranking is the header
// search's and `doum search`'s: the same worker (assets/doum/search-worker.js) answers.

const config = JSON.parse(document.getElementById("__config").textContent)
const siteRoot = new URL(config.base, location.href)
const workerUrl = new URL("assets/doum/search-worker.js", siteRoot)

let worker = null
let nextId = 1
const pending = new Map()

function connect() {
  if (worker) return worker
  worker = new Worker(workerUrl)
  worker.addEventListener("message", ({ data }) => {
    if (!data || data.type !== "doum:result" || !pending.has(data.id)) return
    pending.get(data.id)(data.results || [])
    pending.delete(data.id)
  })
  // A worker that cannot start must not leave callers waiting.
  worker.addEventListener("error", () => {
    for (const resolve of pending.values()) resolve([])
    pending.clear()
  })
  return worker
}

export async function search(query, { limit = 5 } = {}) {
  const text = String(query ?? "")
  if (!text.trim()) return []
  const id = nextId++
  const results = await new Promise((resolve) => {
    pending.set(id, resolve)
    connect().postMessage({ type: "doum:search", id, query: text, limit })
  })
  return results.map((hit) => ({ ...hit, url: new URL(hit.location, siteRoot).href }))
}
