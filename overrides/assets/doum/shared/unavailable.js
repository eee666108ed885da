// "Search is not available right now": the short message every search surface (header search,
// launcher answers, contact suggestions) shows instead of a spinner when search.js or Material's
// worker gives up, with the ways to reach a person. Text only; no markup from data.
import { pageData, prefillLink, siteData } from './site.js'

// A site opened from file:// (a copy built with Material's offline plugin) can start no search
// worker: every surface says that search needs the site served, not "try again later".
export const OFFLINE = globalThis.location?.protocol === 'file:'
export const UNAVAILABLE_MESSAGE = OFFLINE
  ? '파일로 연 도움말에서는 검색을 할 수 없어요. 검색은 웹 서버에 올린 도움말에서 돼요.'
  : '지금은 검색을 할 수 없어요.'

const BLOCK = 'doum-unavailable'

/**
 * The notice as an element. Options: `query` (carried into the contact form's summary),
 * `retry` (a "다시 시도" button calls it), `chat` (a "채팅 상담" button calls it), `hint` (the
 * sentence after the message; default: try again later or ask support).
 */
export function unavailableNotice({ query = '', retry = null, chat = null, hint = '' } = {}) {
  const notice = document.createElement('div')
  notice.className = BLOCK
  const text = document.createElement('p')
  text.className = `${BLOCK}__text`
  const fallback = OFFLINE
    ? '상담원이나 문의 양식으로 물어봐 주세요.'
    : '잠시 뒤 다시 찾아보거나, 상담원이나 문의 양식으로 물어봐 주세요.'
  text.textContent = `${UNAVAILABLE_MESSAGE} ${hint || fallback}`
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
  if (retry) button('다시 시도', retry)
  if (chat) button('채팅 상담', chat, true)
  const form = document.createElement('a')
  form.className = chat ? 'md-button' : 'md-button md-button--primary'
  form.dataset.doumUnavailableForm = ''
  form.textContent = '문의 양식 작성하기'
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
