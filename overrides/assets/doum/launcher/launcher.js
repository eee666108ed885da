// Chat launcher: the floating 상담하기 button and its panel (bot answers, agent hand-off, email).
// Markup: partials/doum-launcher.html (outside Material's container, so it survives instant
// navigation). Operators' API: window.doum.launcher.open() / close() / toggle(), the events
// doum:launcher-open / doum:launcher-close on document, and [data-doum-launcher] links.
import { agentState, onStatus } from '../shared/status.js' // status.json: closures, changed hours
import { search } from '../search.js'
import { UNAVAILABLE_MESSAGE } from '../shared/unavailable.js'
import { pageData, prefillLink, siteData } from '../shared/site.js'
import { watchLauncher } from '../shared/insights.js'
import { resultItem } from '../shared/result-item.js'

const STORE_KEY = 'doum.launcher.v1'
const ANSWERS = 3
const TYPING_DELAY_MS = 150
const COMPOSING_DELAY_MS = 300 // Hangul syllables still forming: wait a little longer
const STATUS_REFRESH_MS = 30000
const QUESTION_MAX = 500

// The panel's state for this tab: {open, question, escalated}. Whatever sessionStorage holds
// (another version, garbage, a throwing or full storage) reads as a valid state or none.
const store = {
  load() {
    let saved = null
    try {
      saved = JSON.parse(sessionStorage.getItem(STORE_KEY))
    } catch {
      return {}
    }
    if (!saved || typeof saved !== 'object' || Array.isArray(saved)) return {}
    return {
      open: saved.open === true,
      question: typeof saved.question === 'string' ? saved.question.slice(0, QUESTION_MAX) : '',
      escalated: saved.escalated === true,
    }
  },
  save(state) {
    try {
      sessionStorage.setItem(STORE_KEY, JSON.stringify(state))
    } catch {
      /* private mode: forget */
    }
  },
}

function visitorTimeZone() {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone
  } catch {
    return ''
  }
}

class Launcher {
  constructor(link, panel, site) {
    this.panel = panel
    this.support = site.support
    this.page = {}
    this.opener = null
    this.timer = 0 // refreshes the status while the panel is open
    this.typing = 0 // waits for the customer to pause before asking search
    this.query = 0 // number of the latest question sent to search; older answers are dropped
    this.part = (name) => panel.querySelector(`[data-doum-${name}]`)
    this.input = panel.querySelector('#doum-question')
    this.agent = this.part('agent')
    this.email = this.part('email')
    this.options = panel.querySelector('#doum-options')
    this.escalate = this.part('escalate')
    // The panel outlives instant navigation: pin its relative links to this first page's URL.
    for (const a of panel.querySelectorAll('a[href]')) a.href = a.href
    this.button = this.upgrade(link)
    this.listen()
    this.restore()
  }

  // The no-JS link becomes a real button that controls the panel.
  upgrade(link) {
    const button = document.createElement('button')
    button.type = 'button'
    button.className = link.className
    button.setAttribute('aria-controls', this.panel.id)
    button.setAttribute('aria-expanded', 'false')
    button.setAttribute('aria-haspopup', 'dialog')
    button.append(...link.childNodes)
    link.replaceWith(button)
    return button
  }

  listen() {
    onStatus(() => {
      if (this.isOpen()) this.renderStatus()
    }) // status.json arrived after the panel opened
    this.button.addEventListener('click', () => this.toggle())
    this.part('close').addEventListener('click', () => this.close())
    this.panel.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && !event.isComposing) {
        event.preventDefault()
        this.close()
      }
    })
    this.part('bot').addEventListener('submit', (event) => {
      event.preventDefault()
      this.ask(0)
    })
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.isComposing) event.preventDefault() // Enter ends the syllable only
    })
    this.input.addEventListener('input', (event) => {
      this.save()
      this.renderEmail()
      this.ask(event.isComposing ? COMPOSING_DELAY_MS : TYPING_DELAY_MS)
    })
    this.input.addEventListener('compositionend', () => this.ask(0))
    this.escalate.addEventListener('click', () => this.showOptions(this.options.hidden, true))
    this.agent.addEventListener('click', (event) => {
      if (this.agent.getAttribute('aria-disabled') === 'true') event.preventDefault()
    })
    this.agent.addEventListener('keydown', (event) => {
      // A disabled link keeps focus (so its reason is read) but Enter must do nothing.
      if (event.key === 'Enter' && this.agent.getAttribute('aria-disabled') === 'true') event.preventDefault()
    })
  }

  restore() {
    const saved = store.load()
    this.input.value = saved.question || ''
    this.showOptions(Boolean(saved.escalated), false)
    if (saved.open) this.open({ focus: false })
  }

  save() {
    store.save({ open: this.isOpen(), question: this.input.value, escalated: !this.options.hidden })
  }

  isOpen() {
    return !this.panel.hidden
  }

  open({ focus = true, opener = null } = {}) {
    const wasOpen = this.isOpen()
    this.opener = opener
    this.panel.hidden = false
    this.button.setAttribute('aria-expanded', 'true')
    this.renderStatus()
    this.renderEmail()
    if (this.input.value) this.ask(0)
    clearInterval(this.timer)
    this.timer = setInterval(() => this.renderStatus(), STATUS_REFRESH_MS)
    if (focus) this.input.focus()
    this.save()
    if (!wasOpen) document.dispatchEvent(new CustomEvent('doum:launcher-open'))
  }

  close() {
    if (!this.isOpen()) return
    const focusWasInside = this.panel.contains(document.activeElement)
    this.panel.hidden = true
    this.button.setAttribute('aria-expanded', 'false')
    clearInterval(this.timer)
    if (focusWasInside || document.activeElement === document.body) {
      const back = this.opener?.isConnected ? this.opener : this.button
      back.focus()
    }
    this.opener = null
    this.save()
    document.dispatchEvent(new CustomEvent('doum:launcher-close'))
  }

  toggle(options) {
    if (this.isOpen()) this.close()
    else this.open(options)
  }

  // Called on every page Material shows (first load and each instant navigation).
  setPage(page) {
    this.page = page
    if (this.isOpen()) {
      this.renderStatus()
      this.renderEmail()
    }
  }

  showOptions(shown, moveFocus) {
    this.options.hidden = !shown
    this.escalate.setAttribute('aria-expanded', String(shown))
    if (shown) this.renderStatus()
    if (shown && moveFocus) this.options.querySelector('h3').focus()
    this.save()
  }

  renderStatus() {
    const calendar = this.support.calendar
    if (!calendar?.timezone) return
    const { state, text } = agentState(Date.now(), calendar, visitorTimeZone()) // calendar + status.json
    const item = this.part('agent-status')
    item.dataset.state = state.state
    this.part('agent-title').textContent = text.agent
    this.part('agent-detail').textContent = text.detail
    this.renderAgent(state, text)
  }

  renderAgent(state, text) {
    const reason = this.part('agent-reason')
    const chatUrl = this.support.chat_url
    if (state.state === 'open' && chatUrl) {
      this.agent.href = chatUrl
      this.agent.removeAttribute('aria-disabled')
      this.agent.removeAttribute('role')
      this.agent.removeAttribute('tabindex')
      reason.textContent = `새 탭에서 상담원 채팅이 열려요. ${text.detail}`
      return
    }
    this.agent.removeAttribute('href')
    this.agent.setAttribute('aria-disabled', 'true')
    this.agent.setAttribute('role', 'link')
    this.agent.tabIndex = 0
    reason.textContent = chatUrl
      ? `${text.agent}. ${text.detail}`
      : '상담원 채팅 주소가 아직 설정되지 않았어요.'
  }

  // The contact page, prefilled with this page's service and category and the bot question.
  renderEmail() {
    const { service, type, url } = this.page
    this.email.href = prefillLink({ service, type, q: this.input.value, from: url })
  }

  ask(delay) {
    clearTimeout(this.typing)
    this.typing = setTimeout(() => this.answer(this.input.value.trim()), delay)
  }

  async answer(question) {
    const number = ++this.query
    const list = this.part('answers')
    const status = this.panel.querySelector('#doum-bot-status')
    if (!question) {
      list.replaceChildren()
      status.textContent = ''
      return
    }
    let results = []
    let unavailable = false
    try {
      results = await search(question, { limit: ANSWERS })
    } catch {
      unavailable = true // search.js already replaced a failed worker once
    }
    if (number !== this.query) return
    if (unavailable) {
      // Say so, and open the other ways to ask rather than leave the visitor waiting.
      list.replaceChildren()
      status.textContent = `${UNAVAILABLE_MESSAGE} 아래에서 상담원 채팅이나 이메일로 문의해 주세요.`
      this.showOptions(true, false)
      return
    }
    list.replaceChildren(...results.slice(0, ANSWERS).map((result) => resultItem(result, 'doum-bot__answer')))
    status.textContent = results.length
      ? `도움이 될 만한 답변 ${Math.min(results.length, ANSWERS)}개`
      : '맞는 답변을 찾지 못했어요. 다른 말로 물어보거나 ‘해결되지 않았어요’를 눌러 주세요.'
  }
}

function start() {
  const link = document.querySelector('a.doum-launcher')
  const panel = document.getElementById('doum-panel')
  if (!link || !panel) return
  watchLauncher(panel) // opt-in insight events (before the panel restores itself)
  const launcher = new Launcher(link, panel, siteData())
  window.doum = window.doum || {}
  window.doum.launcher = {
    open: () => launcher.open(),
    close: () => launcher.close(),
    toggle: () => launcher.toggle(),
    isOpen: () => launcher.isOpen(),
  }
  // Any [data-doum-launcher] link opens the panel. Capture phase: before Material's instant
  // navigation (a body listener) follows the link's fallback href.
  document.addEventListener(
    'click',
    (event) => {
      const trigger = event.target instanceof Element && event.target.closest('[data-doum-launcher]')
      if (!trigger || event.metaKey || event.ctrlKey || event.shiftKey) return
      event.preventDefault()
      event.stopPropagation()
      launcher.open({ opener: trigger })
    },
    true,
  )
  const onPage = () => launcher.setPage(pageData())
  if (window.document$) window.document$.subscribe(onPage)
  else onPage()
}

start()
