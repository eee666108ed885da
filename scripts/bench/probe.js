// Injected before any page script. Counts the messages on the header search's worker channel:
// Material's search UI posts QUERY (type 2) and receives READY (1) and RESULT (3); pairing the
// n-th QUERY with the n-th RESULT tells the benchmark which query the list on screen belongs to.
// Also notes the first keystroke (the first input event) in the header search box. Times are
// performance.now(), i.e. milliseconds since navigation start.
;(() => {
  const log = { ready: null, keystroke: null, queries: [], results: [] }
  Object.defineProperty(window, '__benchSearch', { value: log })
  // Room for every index piece a long session fetches (the default buffer keeps 250 entries).
  performance.setResourceTimingBufferSize(100000)

  document.addEventListener(
    'input',
    (event) => {
      if (log.keystroke === null && event.target.matches?.('[data-md-component=search-query]'))
        log.keystroke = performance.now()
    },
    true,
  )

  // Only the worker Material starts for the header search (config.search), not other workers.
  function isHeaderSearch(url) {
    const config = document.getElementById('__config')
    if (!config) return null // not parsed yet: ask again
    const search = JSON.parse(config.textContent).search
    return withoutFragment(url) === withoutFragment(search)
  }

  // An engine may hand its worker a hint in the URL's fragment: still the same script.
  function withoutFragment(url) {
    const parsed = new URL(String(url), location.href)
    parsed.hash = ''
    return parsed.href
  }

  // Whether a worker is the header search's is asked when it first speaks, not when it is made:
  // an engine may start it from the head, before the page's config is parsed.
  const NativeWorker = window.Worker
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options)
      let header = null
      const isHeader = () => (header ??= isHeaderSearch(url)) === true
      // Registered before Material's own listener, so the time is taken before rendering.
      this.addEventListener('message', ({ data }) => {
        if (!isHeader()) return
        if (data && data.type === 1 && log.ready === null) log.ready = performance.now()
        if (data && data.type === 3) {
          const items = (data.data && data.data.items) || []
          log.results.push({ at: performance.now(), count: items.length })
        }
      })
      const post = this.postMessage.bind(this)
      this.postMessage = (message, transfer) => {
        if (message && message.type === 2 && isHeader())
          log.queries.push({ at: performance.now(), value: String(message.data) })
        return transfer === undefined ? post(message) : post(message, transfer)
      }
    }
  }
})()
