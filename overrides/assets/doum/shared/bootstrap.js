/* doum bootstrap: Material's inline scripts as one static file, so pages run under
 * `Content-Security-Policy: default-src 'self'` with no 'unsafe-inline' and no hashes.
 *
 * The same file is included at the places Material inlined its code; the including tag's
 * data-doum-run says which part runs there (the browser fetches the file once):
 *   head     (partials/javascripts/base.html) — `js` class, storage guards, __md_scope/get/set,
 *            the lightbox initialiser (after the page has loaded)
 *   palette  (partials/javascripts/palette.html) — the remembered colour palette, before paint
 *   content  (partials/javascripts/content.html) — remembered content tabs, #hash targets
 *   announce / outdated / consent — Material's optional banners, when a site turns them on
 *   bundle   (main.html, after Material's scripts) — doum's main bundle, once the page is parsed
 *
 * Classic script, no modules: it must run synchronously where it is included.
 */
;(function () {
  'use strict'

  var script = document.currentScript
  var run = (script && script.getAttribute('data-doum-run')) || 'head'

  /* ---------- storage: blocked, full or garbage never throws ---------- */

  function memoryStorage() {
    var data = new Map()
    return {
      getItem: function (key) {
        key = String(key)
        return data.has(key) ? data.get(key) : null
      },
      setItem: function (key, value) {
        data.set(String(key), String(value))
      },
      removeItem: function (key) {
        data.delete(String(key))
      },
      clear: function () {
        data.clear()
      },
      key: function (index) {
        var keys = Array.from(data.keys())
        return index < keys.length ? keys[index] : null
      },
      get length() {
        return data.size
      },
    }
  }

  /* A browser that blocks storage throws SecurityError on `localStorage` itself, before any
     wrapper could catch it (Material passes `sessionStorage` as an argument). Such a window
     gets an in-memory stand-in for this page view. */
  function guardStorage(name) {
    try {
      var storage = window[name]
      storage.getItem('__doum')
      return
    } catch (error) {
      /* fall through */
    }
    try {
      Object.defineProperty(window, name, { configurable: true, enumerable: true, value: memoryStorage() })
    } catch (error) {
      /* not replaceable: __md_get/__md_set still never throw */
    }
  }

  function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value)
  }

  /* What Material reads back, per key; anything else is thrown away and written anew. */
  var SHAPES = {
    __palette: function (v) {
      return (
        isObject(v) &&
        Number.isInteger(v.index) &&
        v.index >= 0 &&
        v.index < 16 &&
        isObject(v.color) &&
        Object.keys(v.color).every(function (k) {
          return ['media', 'scheme', 'primary', 'accent'].indexOf(k) >= 0 && typeof v.color[k] === 'string'
        })
      )
    },
    __tabs: function (v) {
      return (
        Array.isArray(v) &&
        v.length <= 100 &&
        v.every(function (t) {
          return typeof t === 'string'
        })
      )
    },
    __announce: function (v) {
      return typeof v === 'number' && isFinite(v)
    },
    __outdated: function (v) {
      return typeof v === 'boolean'
    },
    __consent: isObject,
    __source: isObject,
  }

  function scopeFor() {
    var base = (script && script.getAttribute('data-md-scope')) || '.'
    try {
      return new URL(base, location)
    } catch (error) {
      return new URL('.', location)
    }
  }

  function storageKey(key, scope) {
    return (scope || window.__md_scope).pathname + '.' + key
  }

  function mdGet(key, storage, scope) {
    var name
    try {
      storage = storage || window.localStorage
      name = storageKey(key, scope)
      var raw = storage.getItem(name)
      if (raw === null) return null
      var value = JSON.parse(raw)
      var valid = SHAPES[key]
      if (value === null || !valid || valid(value)) return value
    } catch (error) {
      /* blocked or garbage: forget it below */
    }
    try {
      if (storage && name) storage.removeItem(name)
    } catch (error) {
      /* ignore */
    }
    return null
  }

  function mdSet(key, value, storage, scope) {
    try {
      storage = storage || window.localStorage
      storage.setItem(storageKey(key, scope), JSON.stringify(value))
    } catch (error) {
      /* blocked or full: the value lives for this page view only */
    }
  }

  function mdHash(text) {
    return Array.from(String(text)).reduce(function (hash, ch) {
      return (hash << 5) - hash + ch.charCodeAt(0) /* as Material computes it */
    }, 0)
  }

  /* ---------- the lightbox (mkdocs-glightbox's inline initialiser, made static) ---------- */

  function readJSON(id) {
    var element = document.getElementById(id)
    if (!element) return null
    try {
      return JSON.parse(element.textContent)
    } catch (error) {
      return null
    }
  }

  /* A page without an image to enlarge carries no glightbox files (site/material_a11y.py); the
     JSON names the script, whose URL is read here, against the page it was written for, since
     instant navigation changes the page's address but not this block. When a page with
     images comes (loaded, or brought by instant navigation, which adds its glightbox stylesheet
     link to the head but never runs a script it brings), the script is loaded once. */
  function startLightbox() {
    var settings = readJSON('doum-glightbox')
    if (!settings) return
    if (settings.background) {
      /* CSSOM, not a style attribute: allowed under style-src 'self'. */
      document.documentElement.style.setProperty('--doum-glightbox-background', settings.background)
    }
    if (settings.shadow === false) document.documentElement.classList.add('doum-glightbox-flat')
    var scriptURL = null
    try {
      scriptURL = settings.script ? new URL(settings.script, document.baseURI).href : null
    } catch (error) {
      scriptURL = null
    }
    var copyDataSrc = function () {
      if (!settings.privacy) return
      document.querySelectorAll('.glightbox').forEach(function (link) {
        var img = link.querySelector('img')
        var source = img && (img.dataset.src || img.src)
        if (source) link.setAttribute('href', source)
      })
    }
    var lightbox = null
    var loading = false
    var bind = function () {
      copyDataSrc()
      if (lightbox) {
        lightbox.reload()
      } else if (typeof window.GLightbox === 'function') {
        lightbox = window.GLightbox(settings.options || {})
      } else if (scriptURL && !loading && document.querySelector('.glightbox')) {
        loading = true
        var element = document.createElement('script')
        element.src = scriptURL
        element.addEventListener('load', bind)
        element.addEventListener('error', function () {
          loading = false /* the next page with images asks again; its links open the image */
        })
        document.head.appendChild(element)
      }
    }
    bind()
    if (window.document$ && typeof window.document$.subscribe === 'function') {
      window.document$.subscribe(bind)
    }
  }

  /* ---------- one search worker per page ---------- */

  /* Material's header search starts the worker named in __config.search (doum's), and
     assets/doum/search.js (the launcher's and the contact page's search) would start another,
     loading the index twice. Worker is wrapped, before Material's bundle runs, so the first
     instance made for doum's worker URL is kept as window.__doumSearch with what it has said
     ({worker, alive, offline}); search.js asks that worker too. Each side ignores the other's
     messages (Material's types are numbers, doum's are 'doum:…' strings).
     From file:// no worker can start, and Material hides its search box when the worker throws:
     a stand-in answers instead, so the search box stays and says that search needs the site
     served (shared/header-search.js, search.js).
     The worker is started from here, while the page is still parsed (the tag's data-doum-search
     names it, as config.search does), and handed to Material when its bundle asks for it: its
     code loads beside the page's rather than after Material's bundle has run; opened from a
     ?q= search link, it also starts on the index at once. */
  function offlineWorker() {
    var worker = new EventTarget()
    var tell = function (data) {
      setTimeout(function () {
        worker.dispatchEvent(new MessageEvent('message', { data: data }))
      })
    }
    worker.postMessage = function (message) {
      if (message && message.type === 'doum:search') {
        tell({ type: 'doum:result', id: message.id, error: 'doum search needs the site served over http(s)' })
      }
    }
    worker.terminate = function () {}
    tell({ type: 'doum:failed' })
    return worker
  }

  function shareSearchWorker() {
    var Native = window.Worker
    if (typeof Native !== 'function' || !script || !script.src || window.__doumSearch !== undefined) return
    var doumWorker = new URL('../search-worker.js', script.src).href
    window.__doumSearch = null
    var early = null // {href, worker}: started below, not yet asked for by Material
    var SearchSharingWorker = function (url, options) {
      var href = ''
      try {
        href = new URL(url, document.baseURI).href
      } catch (error) {
        /* not a URL: the native constructor says so below */
      }
      if (href.split('?')[0] !== doumWorker) return new Native(url, options) // ?index=: still doum's
      if (early && early.href === href) {
        var started = early.worker
        early = null
        return started
      }
      return start(url, options)
    }
    var start = function (url, options) {
      var worker
      var offline = false
      try {
        worker = new Native(url, options)
      } catch (error) {
        if (location.protocol !== 'file:') throw error
        worker = offlineWorker()
        offline = true
      }
      if (!window.__doumSearch) {
        var shared = { worker: worker, alive: false, offline: offline }
        worker.addEventListener('message', function (event) {
          var type = event.data && event.data.type
          if (type === 'doum:hello' || type === 'doum:loading' || type === 'doum:ready') shared.alive = true
        })
        window.__doumSearch = shared
      }
      return worker
    }
    SearchSharingWorker.prototype = Native.prototype
    window.Worker = SearchSharingWorker
    var named = script.getAttribute('data-doum-search')
    if (!named) return
    try {
      var href = new URL(named, document.baseURI).href
      // a ?q= link's query and the page's language ride in the fragment (search-worker.js reads
      // them as it starts: a message would wait for this thread to be free)
      var query = new URLSearchParams(location.search).get('q')
      var url = href
      if (query !== null) {
        var hint = new URLSearchParams({ q: query })
        if (document.documentElement.lang) hint.set('lang', document.documentElement.lang)
        url += '#' + hint
      }
      early = { href: href, worker: start(url) }
    } catch (error) {
      early = null // Material starts it as before, and meets the same error there
    }
  }

  /* ---------- the parts ---------- */

  function head() {
    var root = document.documentElement
    root.classList.remove('no-js')
    root.classList.add('js')
    guardStorage('localStorage')
    guardStorage('sessionStorage')
    window.__md_scope = scopeFor()
    window.__md_hash = mdHash
    window.__md_get = mdGet
    window.__md_set = mdSet
    shareSearchWorker()
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', startLightbox, { once: true })
    } else {
      startLightbox()
    }
  }

  function palette() {
    var saved = mdGet('__palette')
    if (!saved || !saved.color) return
    if (saved.color.media === '(prefers-color-scheme)') {
      var light = matchMedia('(prefers-color-scheme: light)').matches
      var input = document.querySelector(
        light
          ? "[data-md-color-media='(prefers-color-scheme: light)']"
          : "[data-md-color-media='(prefers-color-scheme: dark)']",
      )
      if (!input) return
      ;['media', 'scheme', 'primary', 'accent'].forEach(function (name) {
        saved.color[name] = input.getAttribute('data-md-color-' + name)
      })
    }
    Object.keys(saved.color).forEach(function (name) {
      var value = saved.color[name]
      if (typeof value === 'string') document.body.setAttribute('data-md-color-' + name, value)
    })
  }

  function content() {
    if (script && script.hasAttribute('data-doum-tabs')) {
      var tabs = mdGet('__tabs')
      if (Array.isArray(tabs)) {
        document.querySelectorAll('.tabbed-set').forEach(function (set) {
          var labels = set.querySelector('.tabbed-labels')
          if (!labels) return
          var names = Array.from(labels.getElementsByTagName('label'))
          for (var i = 0; i < tabs.length; i++) {
            for (var j = 0; j < names.length; j++) {
              if (names[j].innerText.trim() === tabs[i]) {
                var input = document.getElementById(names[j].htmlFor)
                if (input) input.checked = true
                return
              }
            }
          }
        })
      }
    }
    var target = null
    try {
      target = document.getElementById(decodeURIComponent(location.hash.slice(1)))
    } catch (error) {
      target = document.getElementById(location.hash.slice(1))
    }
    if (target && target.name) target.checked = target.name.indexOf('__tabbed_') === 0
  }

  function announce() {
    var element = document.querySelector('[data-md-component=announce]')
    var text = element && element.querySelector('.md-typeset')
    if (text && mdHash(text.innerHTML) === mdGet('__announce')) element.hidden = true
  }

  function outdated() {
    var element = document.querySelector('[data-md-component=outdated]')
    var base = scopeFor()
    if (element && mdGet('__outdated', window.sessionStorage, base) === true) element.hidden = false
  }

  function consent() {
    var form = document.forms.consent
    if (!form) return
    var given = mdGet('__consent')
    if (given) {
      Array.from(form.elements).forEach(function (input) {
        if (input.name) input.checked = given[input.name] || false
      })
    } else if (location.protocol !== 'file:') {
      setTimeout(function () {
        var dialog = document.querySelector('[data-md-component=consent]')
        if (dialog) dialog.hidden = false
      }, 250)
    }
    ;['submit', 'reset'].forEach(function (action) {
      form.addEventListener(action, function (event) {
        event.preventDefault()
        if (event.type === 'reset') {
          Array.from(form.elements).forEach(function (input) {
            if (input.name) input.checked = false
          })
        }
        mdSet(
          '__consent',
          Object.fromEntries(
            Array.from(new FormData(form).keys()).map(function (key) {
              return [key, true]
            }),
          ),
        )
        location.hash = ''
        location.reload()
      })
    })
  }

  /* doum's main bundle (the launcher, the search box, status; assets/doum-bundle/) is asked for
     once the page is parsed, not by a defer tag the preload scanner fetches at once: on a slow
     line it then no longer shares the bandwidth with the stylesheets and Material's bundle that
     the first paint and a usable page wait for, and a phone paints sooner. It runs where defer
     would have (after the parse, after Material's bundle) and stays a classic script, which a
     site opened from file:// runs. data-doum-pages goes along for its loader (shared/loader.js). */
  function bundle() {
    var src = script && script.getAttribute('data-doum-bundle')
    if (!src) return
    var start = function () {
      var element = document.createElement('script')
      element.src = src
      element.setAttribute('data-doum-pages', script.getAttribute('data-doum-pages') || '[]')
      document.body.appendChild(element)
    }
    if (document.readyState === 'loading')
      document.addEventListener('DOMContentLoaded', start, { once: true })
    else start()
  }

  var parts = {
    head: head,
    palette: palette,
    content: content,
    announce: announce,
    outdated: outdated,
    consent: consent,
    bundle: bundle,
  }
  try {
    ;(parts[run] || head)()
  } catch (error) {
    /* A bootstrap step must never stop the page: Material works without any of them. */
    if (window.console) console.warn('doum bootstrap (' + run + '):', error)
  }
})()
