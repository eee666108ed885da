// One search result as a list item: its title linked, its summary below (text only, never
// markup). The launcher's answers and the search box that `doum index` adds share it.

export function resultItem({ title, summary, url }, className) {
  const item = document.createElement('li')
  item.className = className
  const link = document.createElement('a')
  link.href = url
  link.textContent = title
  item.append(link)
  if (summary) {
    const line = document.createElement('p')
    line.textContent = summary
    item.append(line)
  }
  return item
}
