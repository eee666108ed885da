// The big search box on the home and 404 pages, and its popular-keyword chips.
//
// Without JavaScript the form GETs ?q=<text> on the home page, which Material's search
// opens on load. With it, the query goes straight into Material's header search on the
// current page: open the search toggle, put the text in the header input and send the
// keyup Material listens to. Re-bound on every page through Material's document$.
//
// It also watches Material's header search, whose worker (assets/doum/search-worker.js, started
// by Material from __config.search) is the page's one search worker (shared/bootstrap.js keeps
// it as window.__doumSearch): when the result line has not moved WAIT_MS after the visitor
// opened the search or typed, the worker is missing, stuck or has no index, and the result area
// says so with the ways to reach support instead of "검색 초기화". The worker's index news
// (its own doum:loading / doum:failed messages, and the "doum-search" BroadcastChannel where
// the worker is not the shared one) makes this quicker ("failed") and keeps a large index that
// is still loading ("loading", every second) from looking dead. The message goes away as soon
// as Material shows a result (the worker retries the index). From file:// no worker can start:
// the notice shows at once, saying that search needs the site served.
//
// The worker fetches the index only on the visitor's intent (search.js warm()): when a pointer
// comes onto a search box (the header's, its phone icon, the home page's), when the header
// search is opened, focused or typed in, the home page's search box is focused, the visitor turns
// to the contact form (its suggestions search as they type) or the launcher opens. A ?q= link
// is warmed from the page's head, with its query (shared/bootstrap.js).
import { SITE_ROOT } from './site.js'
import { warm } from '../search.js'
import { OFFLINE, setNoticeQuery, unavailableNotice } from './unavailable.js'
import { watchHeaderSearch as watchSearchInsights } from './insights.js'

const SEARCH_FORM = 'form[data-doum-search]'
const WAIT_MS = 3000
const LOADING_MAX_MS = 30000 // a loading index is waited for this long at most
const FAILED_CLASS = 'doum-search-failed'

/** Open Material's header search showing results for `query`. Returns false if absent. */
export function openHeaderSearch(query) {
  const toggle = document.getElementById('__search')
  const input = document.querySelector('[data-md-component=search-query]')
  if (!toggle || !input) return false
  if (!toggle.checked) {
    toggle.checked = true
    toggle.dispatchEvent(new Event('change'))
  }
  input.value = query
  // Let the opened overlay lay out (on phones the input is hidden until then), then focus.
  requestAnimationFrame(() => {
    input.focus()
    input.setSelectionRange(query.length, query.length)
    input.dispatchEvent(new KeyboardEvent('keyup', { key: 'Enter', bubbles: true }))
  })
  return true
}

function bindForm(form) {
  const input = form.querySelector('input[name=q]')
  input?.addEventListener('focus', warm) // its query goes to the header search
  form.addEventListener('submit', (event) => {
    const query = input ? input.value.trim() : ''
    if (!query) {
      event.preventDefault()
      input?.focus()
      return
    }
    if (openHeaderSearch(query)) event.preventDefault()
  })
  for (const chip of form.querySelectorAll('[data-doum-query]')) {
    chip.addEventListener('click', (event) => {
      if (!openHeaderSearch(chip.dataset.doumQuery || '')) return
      event.preventDefault()
      // Material's instant navigation would also follow the ?q= link (it ignores
      // defaultPrevented), re-render the page and close the search it just opened.
      event.stopPropagation()
    })
  }
  form.dataset.doumReady = ''
}

function init() {
  for (const form of document.querySelectorAll(SEARCH_FORM)) bindForm(form)
  // The contact form suggests answers as the visitor writes: the index loads when they turn to
  // the form, not with the page (a visitor who only reads the checklist never needs it).
  const contact = document.getElementById('contact-form')
  if (contact?.contains(document.activeElement)) warm()
  else contact?.addEventListener('focusin', warm, { once: true })
}

function closeHeaderSearch() {
  const toggle = document.getElementById('__search')
  if (!toggle?.checked) return
  toggle.checked = false
  toggle.dispatchEvent(new Event('change'))
}

/** Watch Material's header search (it lives outside the container: once per load). */
function watchHeaderSearch() {
  const result = document.querySelector('[data-md-component=search-result]')
  const meta = result?.querySelector('.md-search-result__meta')
  const input = document.querySelector('[data-md-component=search-query]')
  const toggle = document.getElementById('__search')
  if (!meta || !input || !toggle || result.querySelector(`.${FAILED_CLASS}`)) return
  const region = document.createElement('div')
  region.className = FAILED_CLASS
  region.setAttribute('role', 'status')
  meta.after(region)

  let answers = 0 // times Material rewrote the result line: each one is a worker message
  let answered = null // the query text when it last did
  let timer = 0
  let failed = false
  let heardLoading = 0 // when a worker last said its index is still loading

  const recover = () => {
    if (!failed) return
    failed = false
    meta.hidden = false
    region.replaceChildren()
  }
  const fail = () => {
    if (failed) return
    failed = true
    meta.hidden = true // "검색 초기화" would promise something that is not coming
    region.replaceChildren(
      unavailableNotice({
        query: input.value.trim(),
        // Material keeps the worker it started: a fresh load of the search (?q= on the home
        // page, as the home search box does) is the way to try again (never from file://).
        retry: OFFLINE
          ? null
          : () => {
              const url = new URL(SITE_ROOT)
              const query = input.value.trim()
              if (query) url.searchParams.set('q', query)
              location.assign(url.href)
            },
        chat: window.doum?.launcher
          ? () => {
              closeHeaderSearch()
              window.doum.launcher.open()
            }
          : null,
      }),
    )
  }
  // Material sends a query only when the worker is ready and the text changed.
  const owed = () => answers === 0 || input.value !== answered
  const expect = () => {
    if (window.__doumSearch?.offline) {
      fail()
      return
    }
    if (timer || !owed()) return
    const seen = answers
    const since = Date.now()
    const check = () => {
      timer = 0
      if (answers !== seen) {
        if (owed()) expect() // answered an older text: wait for the latest
        return
      }
      const loading = Date.now() - heardLoading < 2 * 1000 && Date.now() - since < LOADING_MAX_MS
      if (loading) timer = setTimeout(check, 1000)
      else fail()
    }
    timer = setTimeout(check, WAIT_MS)
  }
  const hear = (state) => {
    if (state === 'loading') heardLoading = Date.now()
    // The index could not be loaded: say so now, if Material is still waiting for it.
    if (state === 'failed' && answers === 0 && timer) fail()
  }
  window.__doumSearch?.worker.addEventListener('message', ({ data }) => {
    if (typeof data?.type === 'string' && data.type.startsWith('doum:')) hear(data.type.slice(5))
  })
  try {
    new BroadcastChannel('doum-search').addEventListener('message', ({ data }) => hear(data?.state))
  } catch {
    // no BroadcastChannel: the timer alone decides
  }
  new MutationObserver(() => {
    answers += 1
    answered = input.value
    recover()
  }).observe(meta, { childList: true, characterData: true, subtree: true })
  const intent = () => {
    warm()
    expect()
  }
  input.addEventListener('keyup', intent)
  input.addEventListener('input', () => {
    warm(input.value) // ranked from here, even before Material has heard READY
    // Material reads the box on keyup: only once the key is let go, and never for text that
    // comes without a key (a pasted or dictated phrase, a phone keyboard's suggested word).
    // Hand it the text now; the real keyup then finds it unchanged and sends nothing more.
    input.dispatchEvent(new KeyboardEvent('keyup'))
    if (failed) setNoticeQuery(region, input.value.trim())
  })
  input.addEventListener('focus', intent)
  toggle.addEventListener('change', () => {
    if (toggle.checked) intent()
  })
  if (toggle.checked || document.activeElement === input) intent() // opened before this ran
}

// A pointer on a search box comes a few hundred milliseconds before the first keystroke (the
// click, the phone's keyboard opening): the index loads meanwhile. Once: the worker keeps it.
const SEARCH_BOXES = '.md-search, label[for="__search"], form[data-doum-search]'
function warmOnPointer(event) {
  if (!event.target.closest?.(SEARCH_BOXES)) return
  document.removeEventListener('pointerover', warmOnPointer)
  warm()
}

watchHeaderSearch()
document.addEventListener('pointerover', warmOnPointer)
document.addEventListener('doum:launcher-open', warm)
if (window.doum?.launcher?.isOpen()) warm() // reopened as the visitor left it, before this ran
watchSearchInsights() // opt-in insight events: one `search` per search (shared/insights.js)

if (window.document$) {
  window.document$.subscribe(init)
} else {
  init()
}
