// The /contact/ checklist: draft, prefill, validation and the always-current mailto: link.
// Loaded on every page; does nothing where the form is absent. Material's instant navigation
// can land here without a reload, so it (re)starts per page through window.document$.
import { FIELDS, PAYMENT_FIELDS, SUMMARY_MAX, needsPayment, validate, inquiryOf } from './inquiry.js'
import { browserStorage } from '../shared/storage.js'
import { loadDraft, saveDraft, clearDraft } from './draft.js'
import { suggestDevice } from './device.js'
import { showFieldErrors, showSummary, linkSummary } from './formerrors.js'
import { watchForAnswers } from './deflect.js'
import { cutText, headerText } from './mailto.js'

const SITE_ROOT = new URL('../../../', import.meta.url) // this file is <site>/assets/doum/contact/contact.js
const DRAFT_FIELDS = [...FIELDS, 'from']
const DEVICE_FIELDS = ['deviceModel', 'os', 'osVersion']
const idOf = (key) => `contact-${key}`

let running = null // AbortController of the page currently set up

function readJson(id) {
  try {
    return JSON.parse(document.getElementById(id)?.textContent ?? 'null')
  } catch {
    return null
  }
}

/** A `from` parameter as an absolute URL inside this site, or '' (never another origin). */
function pageUrlFrom(param, root = SITE_ROOT) {
  const text = String(param ?? '').trim()
  if (!text || text.length > 500 || /[\u0000-\u001F\\]/.test(text)) return ''
  let url
  try {
    url = new URL(text.replace(/^\/+/, ''), root)
  } catch {
    return ''
  }
  if (url.origin !== root.origin || !url.pathname.startsWith(root.pathname)) return ''
  url.hash = ''
  return url.href
}

// Material opens its header search for any ?q= on page load; on /contact/ q is the summary.
function closeHeaderSearch() {
  const toggle = document.getElementById('__search')
  if (!toggle?.checked) return
  const input = document.querySelector('[data-md-component="search-query"]')
  if (input) input.value = ''
  toggle.checked = false
  toggle.dispatchEvent(new Event('change')) // Material then drops q from the address too
}

function readablePath(url) {
  const { pathname } = new URL(url)
  try {
    return decodeURI(pathname) // /paid/이모티콘/ rather than /paid/%EC%9D%B4…/
  } catch {
    return pathname // a malformed %-sequence stays as it came
  }
}

function setup(form, site) {
  const contact = site.contact
  const to = site.support?.email ?? ''
  const storage = browserStorage()
  const controller = new AbortController()
  const { signal } = controller
  const el = (id) => document.getElementById(id)
  const control = (key) => el(idOf(key))
  const send = el('contact-send')
  const summaryBox = el('contact-error-summary')
  const status = el('contact-status')
  const sentPanel = el('contact-sent')
  let from = ''
  let attempted = false // after a failed send, messages follow every change
  let current = null // the latest inquiryOf() result

  const readValues = () => {
    const values = { from }
    for (const key of FIELDS) {
      const input = control(key)
      if (input) values[key] = input.type === 'checkbox' ? input.checked : input.value
    }
    return values
  }
  const writeValues = (values) => {
    for (const key of FIELDS) {
      const input = control(key)
      if (!input || !(key in values)) continue
      if (input.type === 'checkbox') input.checked = values[key] === true
      else input.value = String(values[key])
    }
  }
  const say = (text, ...extra) => status.replaceChildren(text, ...extra)

  const showFrom = () => {
    const line = el('contact-from')
    const link = el('contact-from-link')
    line.hidden = !from
    if (!from) return
    link.href = from
    link.textContent = readablePath(from)
  }

  const refresh = () => {
    const values = readValues()
    const paid = needsPayment(values, contact)
    el('contact-payment').hidden = !paid
    for (const key of PAYMENT_FIELDS) control(key).required = paid
    current = inquiryOf(values, contact, to)
    send.href = current.href
    const lengthNote = el('contact-length')
    lengthNote.hidden = current.fits
    lengthNote.textContent = current.fits ? '' :
      '내용이 길어서 메일 앱으로 한 번에 넘길 수 없어요. [내용 복사]를 누른 뒤, 메일 앱이 열리면 본문에 붙여 넣어 주세요.'
    if (attempted) {
      const errors = validate(values, contact)
      showFieldErrors(FIELDS, errors, idOf)
      showSummary(summaryBox, errors, idOf)
    }
    return values
  }

  const copyAll = async () => {
    const text = (current ?? inquiryOf(readValues(), contact, to)).clipboard
    try {
      await navigator.clipboard.writeText(text)
      say('문의 내용 전체를 복사했어요. 메일 본문에 붙여 넣어 주세요.')
      return true
    } catch {
      say('복사하지 못했어요. 이 브라우저에서는 클립보드를 쓸 수 없어요. 각 칸의 내용을 직접 복사해 주세요.')
      return false
    }
  }

  const resetForm = () => {
    form.reset()
    attempted = false
    showFieldErrors(FIELDS, [], idOf)
    showSummary(summaryBox, [], idOf)
    el('contact-deflect').replaceChildren()
    el('contact-draft-notice').hidden = true
  }

  const clearAll = () => {
    const kept = readValues()
    clearDraft(storage)
    resetForm()
    suggestInto()
    refresh()
    const undo = document.createElement('button')
    undo.type = 'button'
    undo.className = 'md-button doum-contact__undo'
    undo.textContent = '되돌리기'
    undo.addEventListener('click', () => {
      writeValues(kept)
      saveDraft(storage, refresh())
      say('지운 내용을 되살렸어요.')
      control('summary').focus()
    }, { signal, once: true })
    say('초안을 지웠어요. ', undo)
  }

  // Suggest the device only into empty fields: never overwrite what the customer wrote.
  const suggestInto = async () => {
    if (DEVICE_FIELDS.some((key) => control(key).value.trim())) return
    const device = await suggestDevice()
    if (signal.aborted || DEVICE_FIELDS.some((key) => control(key).value.trim())) return
    control('deviceModel').value = device.model
    control('os').value = device.os
    control('osVersion').value = device.osVersion
    refresh()
  }

  const restoreDraft = () => {
    const draft = loadDraft(storage, DRAFT_FIELDS)
    if (!draft) return false
    writeValues(draft.values)
    from = pageUrlFrom(draft.values.from) // storage is read back with the same care as a URL
    const notice = el('contact-draft-notice')
    const when = draft.savedAt
      ? new Intl.DateTimeFormat('ko-KR', { month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' })
        .format(new Date(draft.savedAt))
      : ''
    notice.textContent = `작성하던 문의를 불러왔어요${when ? ` (${when} 저장)` : ''}. 다 쓰고 보내거나, 필요 없으면 초안 지우기를 눌러 주세요.`
    notice.hidden = false
    return true
  }

  // URL parameters fill only empty fields, so a link never overwrites a draft being written.
  const applyPrefill = (params) => {
    const choose = (key, allowed) => {
      const value = params.get(key)
      if (value && allowed.includes(value) && !control(key).value) control(key).value = value
    }
    choose('service', contact.services)
    choose('type', contact.types)
    const q = headerText(params.get('q') ?? '')
    if (params.has('q')) closeHeaderSearch()
    const typed = Boolean(q && !control('summary').value.trim())
    if (typed) control('summary').value = cutText(q, SUMMARY_MAX)
    const page = pageUrlFrom(params.get('from'))
    if (page) from = page
    return typed
  }

  const onSend = (event) => {
    const values = refresh()
    const errors = validate(values, contact)
    if (errors.length) {
      event.preventDefault()
      attempted = true
      showFieldErrors(FIELDS, errors, idOf)
      showSummary(summaryBox, errors, idOf)
      summaryBox.focus()
      return
    }
    // Valid: the link itself opens the mail app with the href refresh() just wrote.
    if (!current.fits) copyAll()
    else say('메일 앱을 열었어요. 내용을 확인하고 보내 주세요.')
    sentPanel.hidden = false
  }

  form.addEventListener('submit', (event) => event.preventDefault(), { signal })
  const onEdit = () => saveDraft(storage, refresh())
  form.addEventListener('input', onEdit, { signal })
  form.addEventListener('change', onEdit, { signal })
  send.addEventListener('click', onSend, { signal })
  linkSummary(summaryBox, signal)
  el('contact-copy').addEventListener('click', copyAll, { signal })
  el('contact-clear').addEventListener('click', clearAll, { signal })
  el('contact-sent-yes').addEventListener('click', () => {
    clearDraft(storage)
    resetForm()
    from = ''
    showFrom()
    suggestInto()
    refresh()
    sentPanel.hidden = true
    say(`문의를 보내 주셔서 고마워요. 답장은 보통 ${site.support?.reply_time || '며칠'} 안에 메일로 드려요. 저장해 둔 초안은 지웠어요.`)
  }, { signal })
  el('contact-sent-no').addEventListener('click', () => {
    sentPanel.hidden = true
    say('작성한 내용은 이 기기에 그대로 저장돼 있어요. 준비되면 다시 보내 주세요.')
    send.focus()
  }, { signal })

  const restored = restoreDraft()
  // Material drops `q` from the address once its search closes: keep the customer's question.
  const carriedQuestion = applyPrefill(new URLSearchParams(location.search))
  showFrom()
  for (const id of ['contact-copy', 'contact-clear']) el(id).hidden = false
  watchForAnswers([control('summary'), control('description')], el('contact-deflect'),
    () => [control('summary').value, control('description').value], signal)
  const values = refresh()
  // A restored draft keeps the page the customer came from this time, and a question typed in
  // the launcher is the customer's text; a prefilled service or type alone is no draft.
  if (restored || carriedQuestion) saveDraft(storage, values)
  suggestInto()
  return controller
}

function start() {
  running?.abort()
  running = null
  const form = document.getElementById('contact-form')
  const site = readJson('doum-site')
  if (form && site?.contact) running = setup(form, site)
}

if (window.document$?.subscribe) window.document$.subscribe(start)
else start()
