// "이 글로 해결되나요?": up to three help pages for what the customer is typing.
import { search } from '../search.js'
import { t } from '../shared/strings.js'
import { unavailableMessage } from '../shared/unavailable.js'

export const DEFLECT_LIMIT = 3
const QUERY_MAX = 100
const PAUSE_MS = 300 // wait for a pause in typing, not every keystroke

/** The query for the search API: the summary when it says something, else the description's start. */
export function deflectQuery(summary, description) {
  const text = String(summary ?? '').trim().length >= 2 ? summary : description
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, QUERY_MAX)
}

function render(region, results, unavailable = false) {
  if (unavailable) {
    // search.js gave up (after replacing its worker once): say so; the form itself still works.
    const note = document.createElement('p')
    note.className = 'doum-deflect__title'
    note.textContent = t('contact.deflect.unavailable', { message: unavailableMessage() })
    region.replaceChildren(note)
    return
  }
  if (!results.length) {
    region.replaceChildren()
    return
  }
  const title = document.createElement('p')
  title.className = 'doum-deflect__title'
  title.textContent = t('contact.deflect.title')
  const list = document.createElement('ul')
  list.className = 'doum-deflect__list'
  for (const result of results) {
    const item = document.createElement('li')
    const link = document.createElement('a')
    link.href = result.url
    link.textContent = result.title
    item.append(link)
    if (result.summary) {
      const summary = document.createElement('span')
      summary.className = 'doum-deflect__summary'
      summary.textContent = result.summary
      item.append(summary)
    }
    list.append(item)
  }
  region.replaceChildren(title, list)
}

/**
 * Watch `inputs` and show results in `region` (an aria-live area). Korean IME: nothing runs
 * while a syllable is being composed; compositionend counts as the change.
 * `read()` returns [summary, description].
 */
export function watchForAnswers(inputs, region, read, signal) {
  let timer = 0
  let asked = 0
  let lastQuery = ''
  let composing = false // a syllable is being composed: its text is not the customer's yet
  const ask = async () => {
    // A timer set before the composition began (compositionend asks again), or before instant
    // navigation left the form: its fields are gone.
    if (composing || signal.aborted) return
    const query = deflectQuery(...read())
    if (query === lastQuery) return
    lastQuery = query
    const ticket = ++asked
    let results = []
    let unavailable = false
    if (query.length >= 2) {
      try {
        results = (await search(query, { limit: DEFLECT_LIMIT })).slice(0, DEFLECT_LIMIT)
      } catch {
        unavailable = true // suggestions are a help, never a blocker
        lastQuery = '' // ask again on the next change: search comes back with its files
      }
    }
    if (ticket === asked && !signal.aborted) render(region, results, unavailable)
  }
  const schedule = (event) => {
    if (event.isComposing) return
    clearTimeout(timer)
    timer = setTimeout(ask, PAUSE_MS)
  }
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true })
  for (const input of inputs) {
    input.addEventListener(
      'compositionstart',
      () => {
        composing = true
      },
      { signal },
    )
    input.addEventListener('input', schedule, { signal })
    input.addEventListener(
      'compositionend',
      (event) => {
        composing = false
        schedule(event)
      },
      { signal },
    )
  }
  signal.addEventListener('abort', () => clearTimeout(timer))
  return ask
}
