// Where the tests find lunr.js 2.3.9: the installed mkdocs package's copy (the build copies the
// same file). Not a test file itself (node --test runs *.test.mjs).
import { existsSync, readdirSync } from 'node:fs'

const root = new URL('../../', import.meta.url)

/** The path of lunr.js inside .venv, or null when mkdocs is not installed there. */
export function findLunr() {
  const lib = new URL('.venv/lib/', root)
  if (!existsSync(lib)) return null
  for (const python of readdirSync(lib)) {
    const path = new URL(`${python}/site-packages/mkdocs/contrib/search/templates/search/lunr.js`, lib)
    if (existsSync(path)) return path.pathname
  }
  return null
}

export const lunrPath = findLunr()
export const skip = lunrPath ? false : 'mkdocs (with lunr.js) is not installed in .venv'
