// The /contact/ checklist: draft, prefill, validation and the always-current mailto: link.
// Loaded on every page; does nothing where the form is absent. Material's instant navigation
// can land here without a reload, so it (re)starts per page through window.document$.
import {
  FIELDS,
  PAYMENT_FIELDS,
  SUMMARY_MAX,
  HANGUL_COST,
  needsPayment,
  validate,
  inquiryOf,
} from './inquiry.js'
import { browserStorage } from '../shared/storage.js'
import { SITE_ROOT, siteData } from '../shared/site.js'
import { loadDraft, saveDraft, clearDraft } from './draft.js'
import { suggestDevice } from './device.js'
import { showFieldErrors, showSummary, linkSummary } from './formerrors.js'
import { watchForAnswers } from './deflect.js'
import { cutText, headerText } from './mailto.js'
import { platformOf, limitFor, inAppOf, externalOpenUrl } from './platform.js'
import { receiptNumber, payloadOf, readAnswer } from './receiver.js'
import { track } from '../shared/insights.js'
import { formatCount, locale, t } from '../shared/strings.js'

const DRAFT_FIELDS = [...FIELDS, 'from']
const DEVICE_FIELDS = ['deviceModel', 'os', 'osVersion']
const idOf = (key) => `contact-${key}`
const MAIL_APP_WAIT = 2500 // ms without the page losing focus before "did the mail app open?"

/** 'fits', 'near' (the last tenth of the link) or 'over' for the counter's tone. */
function fitState(inquiry) {
  if (inquiry.room < 0) return 'over'
  return inquiry.room <= inquiry.limit * 0.1 ? 'near' : 'fits'
}

function counterText(inquiry, state) {
  const left = formatCount(Math.max(0, Math.floor(inquiry.room / HANGUL_COST)))
  return t(`contact.counter.${state}`, { left })
}

let running = null // AbortController of the page currently set up

/** A `from` parameter as an absolute URL inside this site or of an embedding site, or ''. */
function pageUrlFrom(param, root = SITE_ROOT) {
  const text = String(param ?? '').trim()
  if (!text || text.length > 500 || /[\u0000-\u001F\\]/.test(text)) return ''
  let url
  try {
    url = new URL(text.replace(/^\/+/, ''), root)
  } catch {
    return ''
  }
  url.hash = ''
  if (url.origin === root.origin && url.pathname.startsWith(root.pathname)) return url.href
  // A page of a site that embeds the launcher (embed.js): only the origins listed in embed.origins.
  const embedders = siteData().embed?.origins
  return Array.isArray(embedders) && embedders.includes(url.origin) ? url.href : ''
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
  const elsewhere = el('contact-elsewhere')
  const counter = el('contact-description-counter')
  const live = el('contact-fit-live')
  const post = el('contact-post')
  const consent = el('contact-consent')
  const userAgent = navigator.userAgent ?? ''
  const limit = limitFor(contact.mailto_limit, platformOf(navigator))
  const inApp = inAppOf(userAgent)
  let from = ''
  let attempted = false // after a failed send, messages follow every change
  let current = null // the latest inquiryOf() result
  let shownState = '' // the counter's tone last announced
  let posting = false
  const replyTime = () => site.support?.reply_time || t('contact.reply_time_default')

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
  const errorKeys = consent ? [...FIELDS, 'consent'] : FIELDS
  const showErrors = (errors) => {
    showFieldErrors(errorKeys, errors, idOf)
    showSummary(summaryBox, errors, idOf)
  }
  const consentErrors = () =>
    consent && !consent.checked
      ? [
          {
            field: 'consent',
            message: t('contact.errors.consent'),
          },
        ]
      : []
  let lastCheck = 'mail' // which action the error summary follows: 'mail' or 'post'
  const errorsFor = (values) => [
    ...validate(values, contact),
    ...(lastCheck === 'post' ? consentErrors() : []),
  ]

  const showFrom = () => {
    const line = el('contact-from')
    const link = el('contact-from-link')
    line.hidden = !from
    if (!from) return
    if (new URL(from).origin === SITE_ROOT.origin) {
      link.href = from
      link.textContent = readablePath(from)
    } else {
      link.removeAttribute('href') // another site's page (embed.origins): its address as text only
      link.textContent = from
    }
  }

  const showCounter = (inquiry) => {
    const state = fitState(inquiry)
    counter.hidden = false
    counter.textContent = counterText(inquiry, state)
    counter.classList.toggle('doum-counter--near', state === 'near')
    counter.classList.toggle('doum-counter--over', state === 'over')
    // Speak only when the tone changes, never per keystroke; the first state is not news.
    if (shownState && state !== shownState) live.textContent = t(`contact.live.${state}`)
    shownState = state
  }

  const refresh = () => {
    const values = readValues()
    const paid = needsPayment(values, contact)
    el('contact-payment').hidden = !paid
    for (const key of PAYMENT_FIELDS) control(key).required = paid
    current = inquiryOf(values, contact, to, limit)
    send.href = current.href
    showCounter(current)
    const lengthNote = el('contact-length')
    lengthNote.hidden = current.fits
    lengthNote.textContent = current.fits ? '' : t('contact.too_long')
    if (attempted) showErrors(errorsFor(values))
    if (!elsewhere.hidden) updateOpenLink() // the link to the phone's browser carries the prefill
    return values
  }

  // The copy box: the text selected, with what to do, wherever the clipboard is refused.
  const showCopyBox = (text, instruction) => {
    const box = el('contact-copybox')
    const area = el('contact-copybox-text')
    el('contact-copybox-label').textContent = instruction
    area.value = text
    box.hidden = false
    area.focus({ preventScroll: false })
    area.select()
    area.setSelectionRange(0, text.length)
  }
  const hideCopyBox = () => {
    el('contact-copybox').hidden = true
    el('contact-copybox-text').value = ''
  }

  /** Copy `text`: the async clipboard, then the old copy command on the selected box. */
  const copyText = async (text, what) => {
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard')
      await navigator.clipboard.writeText(text)
      hideCopyBox()
      return true
    } catch {
      const instruction = t('contact.copy.box', { what })
      showCopyBox(text, instruction)
      let copied = false
      try {
        copied = document.execCommand('copy') === true
      } catch {
        copied = false
      }
      if (copied) hideCopyBox()
      return copied
    }
  }

  const copyAll = async () => {
    const inquiry = current ?? inquiryOf(readValues(), contact, to, limit)
    if (await copyText(inquiry.text, t('contact.copy.what_all'))) say(t('contact.copy.all_done'))
    else say(t('contact.copy.all_failed'))
  }

  const copyAddress = async () => {
    if (await copyText(to, t('contact.copy.what_address'))) say(t('contact.copy.address_done', { to }))
    else say(t('contact.copy.address_failed'))
  }

  // In an app's own browser, or when the mail app did not open: copy, or the phone's browser.
  const updateOpenLink = () => {
    const open = el('contact-open-browser')
    const hint = el('contact-open-browser-hint')
    const here = new URL(location.href)
    here.hash = ''
    // The phone's browser has no draft of this one: carry what the prefill parameters can.
    const values = readValues()
    for (const [key, value] of [
      ['service', values.service],
      ['type', values.type],
      ['q', values.summary],
    ]) {
      if (String(value ?? '').trim()) here.searchParams.set(key, String(value).trim())
    }
    if (from)
      here.searchParams.set(
        'from',
        from.startsWith(SITE_ROOT.href) ? from.slice(SITE_ROOT.href.length) : from,
      )
    const external = inApp ? externalOpenUrl(userAgent, here.href) : ''
    open.hidden = !external
    if (external) open.href = external
    hint.hidden = !inApp
    hint.textContent = inApp
      ? `${external ? '' : t('contact.open_browser.menu', { app: inApp })}${t('contact.open_browser.copy_first')}`
      : ''
  }
  const showElsewhere = (why, focus = false) => {
    el('contact-elsewhere-why').textContent = why
    updateOpenLink()
    elsewhere.hidden = false
    if (focus) elsewhere.focus()
  }

  // No blur and no hidden page for a while after the link: the mail app most likely did not open.
  const watchMailApp = () => {
    let left = false
    const away = () => {
      left = true
    }
    window.addEventListener('blur', away, { signal, once: true })
    document.addEventListener('visibilitychange', away, { signal, once: true })
    window.addEventListener('pagehide', away, { signal, once: true })
    const timer = setTimeout(() => {
      if (!left && !signal.aborted && elsewhere.hidden) {
        showElsewhere(t('contact.mail_app_silent'))
      }
    }, MAIL_APP_WAIT)
    signal.addEventListener('abort', () => clearTimeout(timer), { once: true })
  }

  const resetForm = () => {
    form.reset()
    attempted = false
    if (consent) consent.checked = false
    showErrors([])
    el('contact-deflect').replaceChildren()
    el('contact-draft-notice').hidden = true
    hideCopyBox()
  }

  // After a sent inquiry (by mail or to the endpoint): a blank form, its draft gone.
  const startOver = () => {
    clearDraft(storage)
    resetForm()
    from = ''
    showFrom()
    suggestInto()
    refresh()
    sentPanel.hidden = true
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
    undo.textContent = t('contact.undo')
    undo.addEventListener(
      'click',
      () => {
        writeValues(kept)
        saveDraft(storage, refresh())
        say(t('contact.undone'))
        control('summary').focus()
      },
      { signal, once: true },
    )
    say(t('contact.cleared'), undo)
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

  const savedWhen = (savedAt) => {
    if (!savedAt) return ''
    try {
      return new Intl.DateTimeFormat(locale(), {
        month: 'long',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
      }).format(new Date(savedAt))
    } catch {
      return ''
    }
  }

  const restoreDraft = () => {
    const draft = loadDraft(storage, DRAFT_FIELDS)
    if (!draft) return false
    writeValues(draft.values)
    from = pageUrlFrom(draft.values.from) // storage is read back with the same care as a URL
    const notice = el('contact-draft-notice')
    const when = savedWhen(draft.savedAt)
    notice.textContent = when ? t('contact.draft_restored_at', { when }) : t('contact.draft_restored')
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

  const stopOnErrors = (errors) => {
    attempted = true
    showErrors(errors)
    summaryBox.focus()
  }

  const onSend = (event) => {
    lastCheck = 'mail'
    const values = refresh()
    const errors = validate(values, contact)
    if (errors.length) {
      event.preventDefault()
      stopOnErrors(errors)
      return
    }
    saveDraft(storage, values) // whatever happens next, the draft is there to come back to
    track('contact_send', { service: values.service, kind: values.type }) // pressed, not "sent"
    // Valid: the link itself opens the mail app with the href refresh() just wrote. When the
    // description does not fit, the same press copies it (the click is the user gesture the
    // clipboard needs) and the link carries the subject, the facts and where to paste.
    if (current.fits && inApp) {
      // An app's own browser often opens no mail app: the whole inquiry is ready to paste anyway.
      const { text } = current
      copyText(text, t('contact.copy.what_all')).then((copied) => {
        if (signal.aborted) return
        say(t(copied ? 'contact.sent.in_app_copied' : 'contact.sent.in_app_not_copied'))
      })
    } else if (current.fits) say(t('contact.sent.opened'))
    else {
      const { description } = current
      say(t('contact.sent.copying'))
      copyText(description, t('contact.copy.what_details')).then((copied) => {
        if (signal.aborted) return
        say(t(copied ? 'contact.sent.copied' : 'contact.sent.not_copied'))
      })
    }
    sentPanel.hidden = false
    watchMailApp()
  }

  const onPost = async () => {
    if (posting) return
    lastCheck = 'post'
    const values = refresh()
    const errors = [...validate(values, contact), ...consentErrors()]
    if (errors.length) {
      stopOnErrors(errors)
      return // nothing leaves the page without a complete form and consent
    }
    saveDraft(storage, values)
    const receipt = receiptNumber()
    const payload = payloadOf({ values, contact, inquiry: current, receipt, to })
    const answerBox = el('contact-receipt')
    posting = true
    post.setAttribute('aria-disabled', 'true')
    say(t('contact.post.sending'))
    let answer = { ok: false, receipt }
    let reason = ''
    try {
      const response = await fetch(contact.endpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
        body: JSON.stringify(payload),
        mode: 'cors',
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
        signal,
      })
      answer = readAnswer(response.status, await response.text(), receipt)
      if (!answer.ok) reason = t('contact.post.server_error', { status: response.status })
    } catch {
      reason = t('contact.post.unreachable')
    } finally {
      posting = false
      post.removeAttribute('aria-disabled')
    }
    if (signal.aborted) return
    if (answer.ok) {
      startOver()
      status.replaceChildren()
      answerBox.textContent = t('contact.post.received', { receipt: answer.receipt, reply_time: replyTime() })
      answerBox.hidden = false
      answerBox.focus()
    } else {
      answerBox.hidden = true
      say(t('contact.post.failed', { reason }))
    }
  }

  form.addEventListener('submit', (event) => event.preventDefault(), { signal })
  const onEdit = () => saveDraft(storage, refresh())
  form.addEventListener('input', onEdit, { signal })
  form.addEventListener('change', onEdit, { signal })
  send.addEventListener('click', onSend, { signal })
  linkSummary(summaryBox, signal)
  el('contact-copy').addEventListener('click', copyAll, { signal })
  el('contact-copy-text').addEventListener('click', copyAll, { signal })
  el('contact-copy-address')?.addEventListener('click', copyAddress, { signal })
  el('contact-clear').addEventListener('click', clearAll, { signal })
  post?.addEventListener('click', onPost, { signal })
  consent?.addEventListener(
    'change',
    () => {
      if (attempted) refresh()
    },
    { signal },
  )
  el('contact-sent-yes').addEventListener(
    'click',
    () => {
      startOver()
      say(t('contact.sent.thanks', { reply_time: replyTime() }))
    },
    { signal },
  )
  el('contact-sent-no').addEventListener(
    'click',
    () => {
      sentPanel.hidden = true
      say(t('contact.sent.not_yet'))
      send.focus()
    },
    { signal },
  )
  el('contact-sent-nomail').addEventListener(
    'click',
    () => {
      sentPanel.hidden = true
      showElsewhere(t('contact.mail_app_not_opened'), true)
    },
    { signal },
  )

  let restored = false
  try {
    restored = restoreDraft()
  } catch {
    restored = false // a draft that cannot be read back is no reason to stop the form
  }
  // Material drops `q` from the address once its search closes: keep the customer's question.
  const carriedQuestion = applyPrefill(new URLSearchParams(location.search))
  showFrom()
  for (const id of ['contact-copy', 'contact-clear']) el(id).hidden = false
  watchForAnswers(
    [control('summary'), control('description')],
    el('contact-deflect'),
    () => [control('summary').value, control('description').value],
    signal,
  )
  const values = refresh()
  // A restored draft keeps the page the customer came from this time, and a question typed in
  // the launcher is the customer's text; a prefilled service or type alone is no draft.
  if (restored || carriedQuestion) saveDraft(storage, values)
  if (inApp) {
    showElsewhere(t('contact.in_app_page', { app: inApp }))
  }
  suggestInto()
  return controller
}

function start() {
  running?.abort()
  running = null
  const form = document.getElementById('contact-form')
  const site = siteData() // never throws: missing or broken data reads as empty lists
  if (form && Array.isArray(site.contact.services)) running = setup(form, site)
}

if (window.document$?.subscribe) window.document$.subscribe(start)
else start()
