// Saves text the background produced (an export) as a file on the seller's computer: a Blob, an
// object URL and a temporary <a download>. The URL is revoked once the click has been handled.
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  // A BOM so spreadsheet programs read the file as UTF-8; our CSV reader skips it on import.
  const blob = new Blob(['\ufeff', text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
