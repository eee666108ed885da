/* doum's chat launcher on any website: one tag, README "Embedding the launcher".
 *
 *   <script src="https://help.example.com/assets/doum/embed.js" defer data-position="right"
 *           data-label="상담하기" data-context="url" data-palette="auto"></script>
 *
 * A classic script at a stable URL. Until the visitor opens the panel it only draws the button
 * (in a shadow root, with its own styles) and sends nothing. The first open loads the panel
 * (assets/doum/embed/panel.js, with the help center's site data, styles and search) from the
 * help center; when that cannot be read, the panel still offers the help center's contact page.
 * The only global is window.doum (doum.launcher.open/close/toggle/isOpen); the events are those
 * of the help center: doum:launcher-open, -close and -handoff on document.
 */
;(function () {
  'use strict'
  var script = document.currentScript
  if (!script || !script.src || !document.head.attachShadow) return
  if (window.doum && window.doum.launcher) return // the help center itself, or a second tag
  var root = new URL('../../', script.src).href // <help center>/assets/doum/embed.js → <help center>/
  var data = script.dataset
  // The only words embed.js has of its own. Until the first open it reads nothing from the help
  // center (one request, embed.js, before then; scripts/bench/embed.py weighs it), so the button
  // and the box shown when the panel cannot be loaded at all cannot take their words from its
  // site.json. The build writes the site's language's catalog words (embed.button, embed.title,
  // …) over this object (src/doum/site/embed.py); the source holds the reference (Korean) ones.
  // Once the panel is loaded, embed/panel.js puts the help center's own words on the button and
  // the region (unless data-label names the button).
  var FALLBACK = {
    button: '상담하기',
    title: '채팅 상담',
    failed: '상담 창을 불러오지 못했어요. 도움말 센터에서 답을 찾거나 문의해 주세요.',
    help: '도움말 센터 열기',
    email: '이메일로 문의하기',
  }
  var position = data.position === 'left' ? 'left' : 'right'
  var ownLabel = Boolean(data.label)
  var label = (data.label || FALLBACK.button).slice(0, 20)
  var context = ['url', 'origin', 'none'].indexOf(data.context) >= 0 ? data.context : 'url'
  // auto: light or dark as the visitor's system is (prefers-color-scheme), kept up to date here,
  // so the styles (embed.css, CSS below) know one attribute: data-palette="light" or "dark".
  var palette = ['light', 'dark', 'auto'].indexOf(data.palette) >= 0 ? data.palette : 'auto'
  var systemDark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : null
  function scheme() {
    if (palette !== 'auto') return palette
    return systemDark && systemDark.matches ? 'dark' : 'light'
  }

  // The button's styles (launcher.css's .doum-launcher, in px: the host's rem is not ours).
  // :host !important wins over the host page's rules, !important or not, for the host element.
  var CSS =
    ':host{all:initial!important;display:block!important;position:fixed!important;z-index:2147483647!important;' +
    'top:0!important;left:0!important;width:0!important;height:0!important;overflow:visible!important;' +
    'visibility:visible!important;opacity:1!important;contain:none!important;transform:none!important;' +
    'font-family:-apple-system,BlinkMacSystemFont,"Apple SD Gothic Neo","Malgun Gothic","Noto Sans KR",sans-serif!important;' +
    'font-size:16px!important;line-height:1.5!important;color:#191919!important;text-align:left!important}' +
    '.doum-launcher{position:fixed;bottom:16px;' +
    position +
    ':16px;z-index:3;display:inline-flex;align-items:center;justify-content:center;gap:6px;' +
    'box-sizing:border-box;min-width:60px;height:60px;margin:0;padding:0 16px;border:0;border-radius:30px;' +
    'color:#191919;background:#fee500;box-shadow:0 4px 12px rgb(0 0 0/30%);font:inherit;font-size:15px;' +
    'font-weight:700;cursor:pointer;visibility:visible;opacity:1}' +
    '.doum-launcher:hover{filter:brightness(.96)}' +
    '.doum-launcher:focus-visible{outline:3px solid #191919;outline-offset:3px}' +
    '.doum-launcher__icon{width:26px;height:26px;fill:currentcolor;flex:none}' +
    '@media (max-width:44.984375em){.doum-launcher{width:60px;padding:0}.doum-launcher__label{position:absolute;' +
    'width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}}' +
    '@media print{:host{display:none!important}}' +
    '.doum-panel[hidden]{display:none}' +
    '.doum-embed-fallback{position:fixed;bottom:88px;' +
    position +
    ':16px;box-sizing:border-box;width:min(400px,calc(100vw - 32px));padding:16px;border-radius:12px;' +
    'color:#191919;background:#fff;box-shadow:0 8px 24px rgb(0 0 0/30%);font-size:14px}' +
    '.doum-embed-fallback a{color:#1a4fb4}.doum-embed-fallback h2{margin:0 0 8px;font-size:16px}' +
    '[data-palette=dark] .doum-embed-fallback{color:#e2e4e9;background:#1e2129}' +
    '[data-palette=dark] .doum-embed-fallback a{color:#8ab4f8}'

  var host = document.createElement('div')
  host.setAttribute('data-doum-embed', '')
  var shadow = host.attachShadow({ mode: 'open' })
  try {
    var sheet = new CSSStyleSheet()
    sheet.replaceSync(CSS)
    shadow.adoptedStyleSheets = [sheet]
  } catch (e) {
    return // a browser without constructable stylesheets keeps the host page as it is
  }

  var SVG = 'http://www.w3.org/2000/svg'
  var button = document.createElement('button')
  button.type = 'button'
  button.className = 'doum-launcher'
  button.setAttribute('aria-haspopup', 'dialog')
  button.setAttribute('aria-expanded', 'false')
  var icon = document.createElementNS(SVG, 'svg')
  icon.setAttribute('class', 'doum-launcher__icon')
  icon.setAttribute('viewBox', '0 0 24 24')
  icon.setAttribute('aria-hidden', 'true')
  icon.setAttribute('focusable', 'false')
  var path = document.createElementNS(SVG, 'path')
  path.setAttribute(
    'd',
    'M12 3C6.48 3 2 6.58 2 11c0 2.7 1.67 5.09 4.24 6.54L5.3 21.1a.5.5 0 0 0 .74.55L10.3 19c.56.07 1.12.1 1.7.1 5.52 0 10-3.58 10-8.05S17.52 3 12 3z',
  )
  icon.append(path)
  var text = document.createElement('span')
  text.className = 'doum-launcher__label'
  text.textContent = label
  button.append(icon, text)
  var aside = document.createElement('aside')
  aside.className = 'doum-chat'
  aside.setAttribute('aria-label', FALLBACK.title)
  aside.setAttribute('data-palette', scheme())
  if (palette === 'auto' && systemDark && systemDark.addEventListener) {
    systemDark.addEventListener('change', function () {
      aside.setAttribute('data-palette', scheme())
    })
  }
  if (position === 'left') aside.classList.add('doum-chat--left')
  aside.append(button)
  shadow.append(aside)

  var launcher = null // the panel's Launcher once loaded
  var loading = null
  var fallback = null

  // The help center could not be read: its contact page still is one click away.
  function showFallback() {
    if (!fallback) {
      fallback = document.createElement('div')
      fallback.className = 'doum-embed-fallback'
      fallback.id = 'doum-embed-fallback'
      fallback.setAttribute('role', 'dialog')
      fallback.setAttribute('aria-labelledby', 'doum-embed-fallback-title')
      fallback.tabIndex = -1
      var title = document.createElement('h2')
      title.id = 'doum-embed-fallback-title'
      title.textContent = FALLBACK.title
      var note = document.createElement('p')
      note.textContent = FALLBACK.failed
      var links = document.createElement('p')
      var help = document.createElement('a')
      help.href = root
      help.target = '_blank'
      help.rel = 'noopener'
      help.textContent = FALLBACK.help
      var contact = document.createElement('a')
      contact.href = new URL('contact/', root).href
      contact.target = '_blank'
      contact.rel = 'noopener'
      contact.textContent = FALLBACK.email
      links.append(help, ' · ', contact)
      fallback.append(title, note, links)
      fallback.addEventListener('keydown', function (event) {
        if (event.key === 'Escape') api.close()
      })
      aside.append(fallback)
      button.setAttribute('aria-controls', fallback.id)
    }
    fallback.hidden = false
    button.setAttribute('aria-expanded', 'true')
    fallback.focus()
  }

  function load() {
    if (!loading) {
      button.setAttribute('aria-busy', 'true')
      // import() from a classic script: a module from the help center (it must send CORS headers).
      loading = import(new URL('assets/doum/embed/panel.js', root).href)
        .then(function (module) {
          return module.mount({
            shadow: shadow,
            aside: aside,
            button: button,
            root: root,
            context: context,
            ownLabel: ownLabel,
          })
        })
        .then(function (mounted) {
          launcher = mounted
          return mounted
        })
        .catch(function (error) {
          console.warn('doum: the launcher panel could not be loaded from ' + root + ' (' + error + ')')
          return null
        })
        .then(function (mounted) {
          button.removeAttribute('aria-busy')
          return mounted
        })
    }
    return loading
  }

  var api = {
    open: function () {
      if (launcher) return launcher.open()
      return load().then(function (mounted) {
        if (mounted) mounted.open()
        else showFallback()
      })
    },
    close: function () {
      if (launcher) return launcher.close()
      if (fallback && !fallback.hidden) {
        fallback.hidden = true
        button.setAttribute('aria-expanded', 'false')
        button.focus()
      }
    },
    toggle: function () {
      if (api.isOpen()) api.close()
      else api.open()
    },
    isOpen: function () {
      return launcher ? launcher.isOpen() : Boolean(fallback && !fallback.hidden)
    },
  }

  // Before the panel is loaded the button opens it; the Launcher then takes the button over.
  button.addEventListener('click', function () {
    if (!launcher) api.toggle()
  })
  // The host's own [data-doum-launcher] elements open the panel, as on the help center.
  document.addEventListener(
    'click',
    function (event) {
      var trigger = event.target instanceof Element && event.target.closest('[data-doum-launcher]')
      if (!trigger || event.metaKey || event.ctrlKey || event.shiftKey) return
      event.preventDefault()
      if (launcher) launcher.open({ opener: trigger })
      else api.open()
    },
    true,
  )

  window.doum = window.doum || {}
  window.doum.launcher = api
  function attach() {
    document.body.append(host)
  }
  if (document.body) attach()
  else document.addEventListener('DOMContentLoaded', attach)
})()
