/** Reads RFC 4180 CSV (quoted fields, doubled quotes, CRLF) back into rows, dropping a leading byte-order mark. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const input = text.replace(/^\ufeff/, '');
  for (let i = 0; i < input.length; i++) {
    const char = input[i];
    if (quoted) {
      if (char === '"' && input[i + 1] === '"') [field, i] = [field + '"', i + 1];
      else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') [row, field] = [[...row, field], ''];
    else if (char === '\n') [rows[rows.length], row, field] = [[...row, field], [], ''];
    else if (char !== '\r') field += char;
  }
  if (field || row.length > 0) rows.push([...row, field]);
  return rows;
}
