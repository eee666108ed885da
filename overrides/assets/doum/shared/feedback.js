// "이 답변이 도움이 되었나요?": the vote is remembered per page in this browser only.
// No cookies, no analytics: a "no" offers the chat launcher and the prefilled contact form.
import { browserStorage } from './storage.js'
import { pageData } from './site.js'
import { track } from './insights.js'
import { t } from './strings.js'

const KEY_PREFIX = 'doum:feedback:v1:'
// The vote → the key of its answer in the page's strings.
const ANSWERS = { yes: 'feedback.helpful', no: 'feedback.not_helpful' }

function readVote(storage, key) {
  try {
    // Whatever is stored is a string to compare, never a key to look up: "toString" or
    // "__proto__" must not find Object.prototype's members.
    const vote = storage?.getItem(key)
    return typeof vote === 'string' && Object.hasOwn(ANSWERS, vote) ? vote : null
  } catch {
    return null
  }
}

function writeVote(storage, key, vote) {
  try {
    storage?.setItem(key, vote)
  } catch {
    // Quota or privacy mode: the vote still shows for this visit.
  }
}

function show(widget, vote) {
  for (const button of widget.querySelectorAll('[data-doum-vote]')) {
    button.setAttribute('aria-pressed', String(button.dataset.doumVote === vote))
  }
  widget.querySelector('[data-doum-feedback-answer]').textContent = vote ? t(ANSWERS[vote]) : ''
  widget.querySelector('[data-doum-feedback-next]').hidden = vote !== 'no'
}

function start() {
  const widget = document.querySelector('[data-doum-feedback]')
  const url = pageData().url
  if (!widget || typeof url !== 'string') return
  const storage = browserStorage()
  const key = KEY_PREFIX + url
  show(widget, readVote(storage, key))
  widget.hidden = false
  for (const button of widget.querySelectorAll('[data-doum-vote]')) {
    button.addEventListener('click', () => {
      const vote = button.dataset.doumVote
      writeVote(storage, key, vote)
      track('vote', { vote }) // opt-in insight event: masked, sent only when configured
      show(widget, vote)
    })
  }
}

// The widget is inside Material's container: new markup per page, so listeners never pile up.
if (window.document$?.subscribe) window.document$.subscribe(start)
else start()
