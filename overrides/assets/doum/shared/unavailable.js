// "Search is not available right now": the short message every search surface (header search,
// launcher answers, contact suggestions) shows instead of a spinner when search.js or Material's
// worker gives up, with the ways to reach a person. Text only; no markup from data.
import { pageData, prefillLink, siteData } from './site.js'
import { t } from './strings.js'

// A site opened from file:// (a copy built with Material's offline plugin) can start no search
// worker: every surface says that search needs the site served, not "try again later".
export const OFFLINE = globalThis.location?.protocol === 'file:'
export const unavailableMessage = () => t(OFFLINE ? 'unavailable.message_offline' : 'unavailable.message')

const BLOCK = 'doum-unavailable'

/**
 * The notice as an element. Options: `query` (carried into the contact form's summary),
 * `retry` (a "retry" button calls it), `chat` (a "chat with an agent" button calls it), `hint` (the
 * sentence after the message; default: try again later or ask support).
 */
export function unavailableNotice({ query = '', retry = null, chat = null, hint = '' } = {}) {
  const notice = document.createElement('div')
  notice.className = BLOCK
  const text = document.createElement('p')
  text.className = `${BLOCK}__text`
  const fallback = t(OFFLINE ? 'unavailable.hint_offline' : 'unavailable.hint')
  text.textContent = `${unavailableMessage()} ${hint || fallback}`
  notice.append(text)

  const actions = document.createElement('div')
  actions.className = `${BLOCK}__actions`
  const button = (label, onClick, primary = false) => {
    const element = document.createElement('button')
    element.type = 'button'
    element.className = primary ? 'md-button md-button--primary' : 'md-button'
    element.textContent = label
    element.addEventListener('click', onClick)
    actions.append(element)
  }
  if (retry) button(t('unavailable.retry'), retry)
  if (chat) button(t('unavailable.chat'), chat, true)
  const form = document.createElement('a')
  form.className = chat ? 'md-button' : 'md-button md-button--primary'
  form.dataset.doumUnavailableForm = ''
  form.textContent = t('unavailable.form')
  actions.append(form)
  notice.append(actions)

  const hours = siteData().support.hours_text
  if (typeof hours === 'string' && hours) {
    const line = document.createElement('p')
    line.className = `${BLOCK}__hours`
    line.textContent = `${siteData().support.hours_label}: ${hours}`
    notice.append(line)
  }
  setNoticeQuery(notice, query)
  return notice
}

/** Carry the text the visitor is typing now into the notice's contact form link. */
export function setNoticeQuery(notice, query) {
  const form = notice.querySelector('[data-doum-unavailable-form]')
  if (!form) return
  const { service, type, url } = pageData()
  form.href = prefillLink({ service, type, q: String(query ?? ''), from: url })
}
