// Text placed into GitHub markdown: no HTML (the comment carries names and messages from
// the state files and from AWS), and in a table no column or line break.

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A table cell: escaped, `|` kept from splitting the row, line breaks as spaces. */
export function tableCell(text: string): string {
  return escapeHtml(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
