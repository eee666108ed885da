// node --test runs doum's browser modules without a page, so without the site data that carries
// their text: `make test-js` loads this module first (node --import), and the modules speak the
// Korean reference catalog, as a Korean build's pages do. Tests read other languages with
// readCatalog('en') and switch with useStrings (shared/strings.js).
//
// The catalogs are YAML; Python's PyYAML (the one the build reads them with) turns them into JSON
// (browser_catalogs.py). node:test runs every test file in a process of its own, so `make test-js`
// writes that JSON once and names it in DOUM_BROWSER_CATALOGS; without it (a test run by hand)
// each process starts Python itself.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { useStrings } from '../../overrides/assets/doum/shared/strings.js'

const ROOT = new URL('../../', import.meta.url)
const VENV_PYTHON = fileURLToPath(new URL('.venv/bin/python', ROOT))
const PYTHON = process.env.DOUM_PYTHON || (existsSync(VENV_PYTHON) ? VENV_PYTHON : 'python3')
const TO_JSON = fileURLToPath(new URL('browser_catalogs.py', import.meta.url))
const WRITTEN = process.env.DOUM_BROWSER_CATALOGS

/** Every language's `browser` area: {language: area}. */
function readCatalogs() {
  const json =
    WRITTEN && existsSync(WRITTEN)
      ? readFileSync(WRITTEN, 'utf8')
      : execFileSync(PYTHON, [TO_JSON], { encoding: 'utf8' })
  return JSON.parse(json)
}

const CATALOGS = readCatalogs()

/** Every language doum's catalogs speak ('ko', 'en'). */
export const LANGUAGES = Object.keys(CATALOGS)

/** The `browser` area of a language's catalog, as the build puts it into the site data. */
export function readCatalog(language) {
  if (!(language in CATALOGS)) throw new Error(`no string catalog for ${language}`)
  // A copy each time, as from the file: a test may change what it was given.
  return structuredClone(CATALOGS[language])
}

export const KOREAN = readCatalog('ko')
useStrings(KOREAN)
