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
  const left = Math.max(0, Math.floor(inquiry.room / HANGUL_COST)).toLocaleString('ko-KR')
  if (state === 'over') {
    return '이 기기의 메일 앱으로는 한 번에 다 넘어가지 않아요. 보내기를 누르면 자세한 내용을 복사해 드리니, 메일 앱에서 붙여 넣어 주세요.'
  }
  if (state === 'near')
    return `메일 앱으로 한 번에 넘길 수 있는 길이가 거의 찼어요. 한글 약 ${left}자 남았어요.`
  return `이 기기에서는 메일 앱으로 한글 약 ${left}자를 더 넘길 수 있어요.`
}

const LIVE_TEXT = {
  fits: '이제 문의 내용 전체가 메일 앱으로 한 번에 넘어가요.',
  near: '메일 앱으로 한 번에 넘길 수 있는 길이가 거의 찼어요.',
  over: '자세한 내용이 메일 앱으로 한 번에 넘어가지 않아요. 보내기를 누르면 복사해 드려요.',
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
            message:
              '바로 접수하려면 개인정보 수집·이용에 동의해 주세요. 동의하지 않으면 메일 앱으로 보내 주세요.',
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
    if (shownState && state !== shownState) live.textContent = LIVE_TEXT[state]
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
    lengthNote.textContent = current.fits
      ? ''
      : '내용이 길어서 [메일 앱으로 보내기]를 누르면 자세한 내용을 복사한 뒤 메일 앱을 열어요. 메일 본문의 [내용] 밑에 붙여 넣어 주세요.'
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
      const instruction = `자동으로 복사하지 못했어요. 아래 상자에 ${what}이 모두 선택돼 있어요. 복사(길게 누르기, Ctrl+C 또는 ⌘C)해서 메일에 붙여 넣어 주세요. 작성한 내용은 이 기기에 그대로 저장돼 있어요.`
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
    if (await copyText(inquiry.text, '문의 내용 전체'))
      say('문의 내용 전체를 복사했어요. 메일 본문에 붙여 넣어 주세요.')
    else say('복사하지 못했어요. 아래 상자의 내용을 직접 복사해 주세요.')
  }

  const copyAddress = async () => {
    if (await copyText(to, '받는 주소'))
      say(`받는 주소(${to})를 복사했어요. 메일의 받는 사람 칸에 붙여 넣어 주세요.`)
    else say('복사하지 못했어요. 아래 상자의 주소를 직접 복사해 주세요.')
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
      ? `${external ? '' : `${inApp} 화면의 ⋯(더보기) 메뉴에서 '다른 브라우저로 열기'나 'Safari로 열기'를 눌러 주세요. `}다른 브라우저에는 지금 쓰신 자세한 내용이 따라가지 않으니, 먼저 문의 내용을 복사해 두세요.`
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
        showElsewhere(
          '메일 앱이 열리지 않은 것 같아요. 이 기기에 메일 앱이 없거나 설정되지 않았을 수 있어요.',
        )
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
    undo.textContent = '되돌리기'
    undo.addEventListener(
      'click',
      () => {
        writeValues(kept)
        saveDraft(storage, refresh())
        say('지운 내용을 되살렸어요.')
        control('summary').focus()
      },
      { signal, once: true },
    )
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

  const savedWhen = (savedAt) => {
    if (!savedAt) return ''
    try {
      return new Intl.DateTimeFormat('ko-KR', {
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
      copyText(text, '문의 내용 전체').then((copied) => {
        if (signal.aborted) return
        say(
          copied
            ? '메일 앱을 열었어요. 열리지 않으면 복사해 둔 문의 내용 전체를 웹메일에 붙여 넣어 주세요.'
            : '메일 앱을 열었어요. 열리지 않으면 아래 상자의 문의 내용을 복사해서 웹메일로 보내 주세요.',
        )
      })
    } else if (current.fits) say('메일 앱을 열었어요. 내용을 확인하고 보내 주세요.')
    else {
      const { description } = current
      say('자세한 내용을 복사하는 중이에요…')
      copyText(description, '자세한 내용').then((copied) => {
        if (signal.aborted) return
        if (copied) say('자세한 내용을 복사했어요. 메일 앱에서 본문의 [내용] 밑에 붙여 넣어 주세요.')
        else
          say(
            '자세한 내용을 자동으로 복사하지 못했어요. 아래 상자의 글을 복사해서 메일 본문의 [내용] 밑에 붙여 넣어 주세요.',
          )
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
    say('접수하고 있어요…')
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
      if (!answer.ok) reason = `접수 서버가 오류로 답했어요(${response.status}).`
    } catch {
      reason = '접수 서버에 연결하지 못했어요.'
    } finally {
      posting = false
      post.removeAttribute('aria-disabled')
    }
    if (signal.aborted) return
    if (answer.ok) {
      startOver()
      status.replaceChildren()
      answerBox.textContent = `접수됐어요. 접수 번호는 ${answer.receipt}이에요. 답장은 보통 ${site.support?.reply_time || '며칠'} 안에 적어 주신 이메일로 드려요. 저장해 둔 초안은 지웠어요.`
      answerBox.hidden = false
      answerBox.focus()
    } else {
      answerBox.hidden = true
      say(
        `${reason} 작성한 내용은 이 기기에 그대로 저장돼 있어요. 잠시 뒤 다시 누르거나 [메일 앱으로 보내기]로 보내 주세요.`,
      )
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
      say(
        `문의를 보내 주셔서 고마워요. 답장은 보통 ${site.support?.reply_time || '며칠'} 안에 메일로 드려요. 저장해 둔 초안은 지웠어요.`,
      )
    },
    { signal },
  )
  el('contact-sent-no').addEventListener(
    'click',
    () => {
      sentPanel.hidden = true
      say('작성한 내용은 이 기기에 그대로 저장돼 있어요. 준비되면 다시 보내 주세요.')
      send.focus()
    },
    { signal },
  )
  el('contact-sent-nomail').addEventListener(
    'click',
    () => {
      sentPanel.hidden = true
      showElsewhere('메일 앱이 열리지 않았군요. 작성한 내용은 이 기기에 그대로 저장돼 있어요.', true)
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
    showElsewhere(
      `${inApp} 안에서 연 페이지예요. 이런 앱 속 브라우저에서는 [메일 앱으로 보내기]를 눌러도 메일 앱이 열리지 않을 때가 많아요.`,
    )
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
