// The embedded panel's search, on the host page's main thread (a page cannot start a worker
// from another origin), in small slices so the host page stays responsive: the engine script,
// then each file of the index (the manifest, the entry, every piece a question needs) is read
// in a task of its own, and every question's ranking too, with a yield to the host's event
// loop between them (scheduler.yield where there is one, else a 0 ms timeout). The engine and
// the index load once, when the panel first opens (warm), through search/core.js's public
// openSearcher.
//
// A question never waits forever: when the index cannot be read (404, no CORS, not JSON) or does
// not arrive within QUESTION_TIMEOUT_MS, search() rejects and the panel links to the help
// center's search instead; the next question tries again.

// korean.js, english.js and core.js in one classic script, written at build time (src/doum/site/bundle.py)
const ENGINE = 'assets/doum/search/engine.js'
const ENGINE_GLOBALS = ['doumKorean', 'doumEnglish', 'doumSearchCore']
const LUNR = 'assets/doum/search/lunr.js' // English stems only: loaded when an English index opens
const MANIFEST = 'search/doum.json'
export const QUESTION_TIMEOUT_MS = 10000

/** Let the host page run (input, rendering, its own timers) before the next slice. */
export function yieldToHost() {
  const scheduler = globalThis.scheduler
  if (typeof scheduler?.yield === 'function') return scheduler.yield()
  return new Promise((resolve) => setTimeout(resolve, 0))
}

// A classic script of the help center in the host page (no CORS needed), its globals taken back
// at once: the host keeps its own `lunr` (or none).
function classicScript(url) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script')
    script.src = url
    script.async = false
    script.onload = () => {
      script.remove()
      resolve()
    }
    script.onerror = () => {
      script.remove()
      reject(new Error(`${url} could not be loaded`))
    }
    document.head.append(script)
  })
}

/** Run a classic script of the help center and take what it defined under `names` (the host's
 *  own globals of those names, if any, are put back). */
async function borrowGlobals(url, names) {
  const saved = names.map((name) => [name, Object.getOwnPropertyDescriptor(window, name)])
  try {
    await classicScript(url)
    return Object.fromEntries(names.map((name) => [name, window[name]]))
  } finally {
    for (const [name, descriptor] of saved) {
      if (descriptor) Object.defineProperty(window, name, descriptor)
      else delete window[name]
    }
  }
}

async function loadEngine(helpRoot) {
  const { doumSearchCore: core } = await borrowGlobals(new URL(ENGINE, helpRoot).href, ENGINE_GLOBALS)
  if (!core || typeof core.openSearcher !== 'function') throw new Error('search code without openSearcher')
  return core
}

async function loadLunr(helpRoot) {
  const { lunr } = await borrowGlobals(new URL(LUNR, helpRoot).href, ['lunr'])
  if (typeof lunr?.stemmer !== 'function') throw new Error('lunr.js without its stemmer')
  return lunr
}

function timeout(ms) {
  let timer = 0
  const expired = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the index within ${ms / 1000} s`)), ms)
  })
  return { expired, clear: () => clearTimeout(timer) }
}

/**
 * The search of the help center at `helpRoot` (a URL ending in /):
 * {warm(), search(question, limit) → rows with absolute urls on the help center}.
 * `options.fetch`, `options.pause`, `options.engine` and `options.lunr` stand in for fetch, yieldToHost and
 * the scripts in node:test.
 */
export function embeddedSearch(helpRoot, options = {}) {
  const get = options.fetch || ((url, init) => fetch(url, init))
  const pause = options.pause || yieldToHost
  const engine = options.engine || (() => loadEngine(helpRoot))
  const lunr = options.lunr || (() => loadLunr(helpRoot))
  const limitMs = options.timeoutMs ?? QUESTION_TIMEOUT_MS
  let core = null
  let searcher = null

  // Each file of the index is parsed in its own slice, after the host had its turn.
  const slicedFetch = async (url) => {
    const response = await get(url, { credentials: 'omit' })
    await pause()
    return response
  }

  function open() {
    core ||= engine().catch((error) => {
      core = null // the next question tries again
      throw error
    })
    searcher ||= core
      .then(async (loaded) => {
        await pause()
        return loaded.openSearcher(new URL(MANIFEST, helpRoot).href, { fetch: slicedFetch, lunr })
      })
      .catch((error) => {
        searcher = null
        throw error
      })
    return searcher
  }

  async function ask(question, limit) {
    const opened = await open()
    await pause() // the ranking runs in a slice of its own
    const rows = await opened.search(question, limit)
    // Answers open on the help center, whatever the rows' URLs are relative to.
    return rows.map((row) => ({ ...row, url: new URL(row.location ?? row.url, helpRoot).href }))
  }

  return {
    warm() {
      open().catch(() => {}) // the first question says so, and tries again
    },
    async search(question, limit) {
      const clock = timeout(limitMs)
      const asking = ask(question, limit)
      asking.catch(() => {}) // a late failure after the timeout is nobody's to handle
      try {
        return await Promise.race([asking, clock.expired])
      } finally {
        clock.clear()
      }
    },
  }
}
