// node --test runs doum's browser modules without a page, so without the site data that carries
// their text: `make test-js` loads this module first (node --import), and the modules speak the
// Korean reference catalog, as a Korean build's pages do. Tests read other languages with
// readCatalog('en') and switch with useStrings (shared/strings.js).
//
// The catalogs are YAML; Python's PyYAML (the one the build reads them with) turns them into JSON.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { useStrings } from '../../overrides/assets/doum/shared/strings.js'

const ROOT = new URL('../../', import.meta.url)
const VENV_PYTHON = fileURLToPath(new URL('.venv/bin/python', ROOT))
const PYTHON = process.env.DOUM_PYTHON || (existsSync(VENV_PYTHON) ? VENV_PYTHON : 'python3')
const TO_JSON =
  'import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1], encoding="utf-8"))))'

/** The `browser` area of a language's catalog, as the build puts it into the site data. */
export function readCatalog(language) {
  const path = fileURLToPath(new URL(`src/doum/site/strings/${language}/browser.yml`, ROOT))
  return JSON.parse(execFileSync(PYTHON, ['-c', TO_JSON, path], { encoding: 'utf8' }))
}

export const KOREAN = readCatalog('ko')
useStrings(KOREAN)
